-- DropIndex
DROP INDEX "RequestResponse_date_id_idx";

-- CreateIndex
CREATE INDEX "RequestResponse_date_id_responderId_idx" ON "RequestResponse"("date", "id", "responderId");
