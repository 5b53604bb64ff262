-- Full-text index over documents (SQLite FTS5), written by hand: it is not a Prisma model. The table and
-- the shadow tables FTS5 creates for it (DocumentFts_config, _content, _data, _docsize, _idx) are listed
-- as external tables in prisma.config.ts, so the schema engine neither reports them as drift nor drops them.
--
-- A standalone FTS5 table storing its own copy of title and body, keyed by "documentId": Document ids are
-- text cuids, and Document's implicit rowid is not stable (VACUUM, table rebuilds), so an external-content
-- table keyed by rowid would be fragile. Query it with e.g.
--   SELECT "documentId", bm25("DocumentFts") AS rank FROM "DocumentFts" WHERE "DocumentFts" MATCH ? ORDER BY rank;
--
-- NOTE: a later migration that rebuilds "Document" (SQLite's new_Document / DROP TABLE / RENAME pattern the
-- engine generates for most column changes) drops the three triggers below: re-create them in that migration.

-- CreateVirtualTable
CREATE VIRTUAL TABLE "DocumentFts" USING fts5("documentId" UNINDEXED, "title", "body", tokenize = 'porter unicode61 remove_diacritics 2');

-- Backfill
INSERT INTO "DocumentFts" ("documentId", "title", "body") SELECT "id", "title", "body" FROM "Document";

-- CreateTrigger
CREATE TRIGGER "Document_fts_after_insert" AFTER INSERT ON "Document" BEGIN
    INSERT INTO "DocumentFts" ("documentId", "title", "body") VALUES (NEW."id", NEW."title", NEW."body");
END;

-- CreateTrigger ("id" too, so the index follows a document whose id is rewritten)
CREATE TRIGGER "Document_fts_after_update" AFTER UPDATE OF "id", "title", "body" ON "Document" BEGIN
    UPDATE "DocumentFts" SET "documentId" = NEW."id", "title" = NEW."title", "body" = NEW."body" WHERE "documentId" = OLD."id";
END;

-- CreateTrigger
CREATE TRIGGER "Document_fts_after_delete" AFTER DELETE ON "Document" BEGIN
    DELETE FROM "DocumentFts" WHERE "documentId" = OLD."id";
END;
