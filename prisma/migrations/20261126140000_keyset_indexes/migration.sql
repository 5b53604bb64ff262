-- DropIndex
DROP INDEX "Document_published_idx";

-- DropIndex
DROP INDEX "Event_start_idx";

-- DropIndex
DROP INDEX "Request_date_idx";

-- DropIndex
DROP INDEX "Request_status_idx";

-- DropIndex
DROP INDEX "RequestItem_category_excluded_idx";

-- CreateIndex
CREATE INDEX "Actor_name_id_idx" ON "Actor"("name", "id");

-- CreateIndex
CREATE INDEX "Actor_createdAt_id_idx" ON "Actor"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Document_published_id_idx" ON "Document"("published", "id");

-- CreateIndex
CREATE INDEX "Document_title_id_idx" ON "Document"("title", "id");

-- CreateIndex
CREATE INDEX "Document_createdAt_id_idx" ON "Document"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Event_start_id_idx" ON "Event"("start", "id");

-- CreateIndex
CREATE INDEX "Event_title_id_idx" ON "Event"("title", "id");

-- CreateIndex
CREATE INDEX "Request_status_date_id_idx" ON "Request"("status", "date", "id");

-- CreateIndex
CREATE INDEX "Request_date_id_idx" ON "Request"("date", "id");

-- CreateIndex
CREATE INDEX "Request_createdAt_id_idx" ON "Request"("createdAt", "id");

-- CreateIndex
CREATE INDEX "RequestItem_category_excluded_requestId_idx" ON "RequestItem"("category", "excluded", "requestId");
