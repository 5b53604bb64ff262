-- dossier lists undated rows first when a list is ordered by a date ascending (SQLite's order for NULLs,
-- which the API keeps on both stores: src/db/dialect.ts orders `ASC NULLS FIRST` / `DESC NULLS LAST`).
-- A PostgreSQL B-tree index is built `NULLS LAST` unless told otherwise, so the model's indexes on the
-- nullable sort columns could not serve that order and every page would sort the whole table. Rebuilt
-- here with the date column `NULLS FIRST`; scanned backwards, each also serves the descending order.
-- Prisma's schema language cannot say NULLS FIRST: test/postgres/migrations.test.ts names these five.

DROP INDEX "Document_published_id_idx";
CREATE INDEX "Document_published_id_idx" ON "Document"("published" NULLS FIRST, "id");

DROP INDEX "Event_start_id_idx";
CREATE INDEX "Event_start_id_idx" ON "Event"("start" NULLS FIRST, "id");

DROP INDEX "Request_date_id_idx";
CREATE INDEX "Request_date_id_idx" ON "Request"("date" NULLS FIRST, "id");

DROP INDEX "Request_status_date_id_idx";
CREATE INDEX "Request_status_date_id_idx" ON "Request"("status", "date" NULLS FIRST, "id");

DROP INDEX "RequestResponse_date_id_idx";
CREATE INDEX "RequestResponse_date_id_idx" ON "RequestResponse"("date" NULLS FIRST, "id");
