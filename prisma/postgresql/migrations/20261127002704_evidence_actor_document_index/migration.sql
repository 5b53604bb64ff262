-- DropIndex
DROP INDEX "Evidence_actorId_idx";

-- CreateIndex
CREATE INDEX "Evidence_actorId_documentId_idx" ON "Evidence"("actorId", "documentId");
