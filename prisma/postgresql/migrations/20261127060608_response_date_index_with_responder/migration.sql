-- DropIndex
DROP INDEX "RequestResponse_date_id_idx";

-- CreateIndex (NULLS FIRST, as the index it replaces: see 20261126200000_nulls_first_order_indexes)
CREATE INDEX "RequestResponse_date_id_responderId_idx" ON "RequestResponse"("date" NULLS FIRST, "id", "responderId");
