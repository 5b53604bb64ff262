-- CreateIndex
CREATE INDEX "RequestParty_onBehalfOfId_idx" ON "RequestParty"("onBehalfOfId");
