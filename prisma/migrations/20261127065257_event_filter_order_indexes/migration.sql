-- DropIndex
DROP INDEX "Event_status_idx";

-- DropIndex
DROP INDEX "Event_kind_idx";

-- CreateIndex
CREATE INDEX "Event_kind_start_id_idx" ON "Event"("kind", "start", "id");

-- CreateIndex
CREATE INDEX "Event_status_start_id_idx" ON "Event"("status", "start", "id");

-- CreateIndex
CREATE INDEX "Event_end_dateMax_start_idx" ON "Event"("end", "dateMax", "start");
