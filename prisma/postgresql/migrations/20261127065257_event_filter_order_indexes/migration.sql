-- Date-ordered event pages filtered by kind or status walk (kind|status, start, id) in order instead of
-- sorting every matching event; the date column NULLS FIRST as in nulls_first_order_indexes (undated
-- events first ascending). (end, dateMax, start) finds the earliest start among events with an end that
-- reach a date range (src/services/events.ts).

DROP INDEX "Event_status_idx";

DROP INDEX "Event_kind_idx";

CREATE INDEX "Event_kind_start_id_idx" ON "Event"("kind", "start" NULLS FIRST, "id");

CREATE INDEX "Event_status_start_id_idx" ON "Event"("status", "start" NULLS FIRST, "id");

CREATE INDEX "Event_end_dateMax_start_idx" ON "Event"("end", "dateMax", "start");
