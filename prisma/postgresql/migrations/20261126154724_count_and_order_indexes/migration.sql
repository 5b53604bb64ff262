-- DropIndex
DROP INDEX "Event_dateMin_idx";

-- DropIndex
DROP INDEX "RequestResponse_date_idx";

-- CreateIndex
CREATE INDEX "Document_language_idx" ON "Document"("language");

-- CreateIndex
CREATE INDEX "Document_publishedMin_publishedMax_idx" ON "Document"("publishedMin", "publishedMax");

-- CreateIndex
CREATE INDEX "Event_dateMin_dateMax_idx" ON "Event"("dateMin", "dateMax");

-- CreateIndex
CREATE INDEX "Event_status_idx" ON "Event"("status");

-- CreateIndex
CREATE INDEX "Request_dateMin_dateMax_idx" ON "Request"("dateMin", "dateMax");

-- CreateIndex
CREATE INDEX "RequestResponse_date_id_idx" ON "RequestResponse"("date", "id");

-- CreateIndex
CREATE INDEX "RequestResponse_stance_idx" ON "RequestResponse"("stance");

-- CreateIndex
CREATE INDEX "RequestResponse_dateMin_dateMax_idx" ON "RequestResponse"("dateMin", "dateMax");
