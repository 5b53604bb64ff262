-- DropIndex
DROP INDEX "EventParticipant_actorId_idx";

-- DropIndex
DROP INDEX "RequestParty_actorId_idx";

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_eventId_idx" ON "EventParticipant"("actorId", "eventId");

-- CreateIndex
CREATE INDEX "RequestParty_actorId_side_requestId_idx" ON "RequestParty"("actorId", "side", "requestId");

-- CreateIndex
CREATE INDEX "RequestParty_onBehalfOfId_side_requestId_idx" ON "RequestParty"("onBehalfOfId", "side", "requestId");
