-- Full-text index over documents (PostgreSQL), written by hand: the counterpart of SQLite's FTS5 table
-- ("DocumentFts"). It is not a Prisma model; src/db/external-tables.ts declares "DocumentSearch" external,
-- so the schema engine neither reports it as drift nor drops it.
--
-- Same semantics as the SQLite index: words stemmed (English), case- and accent-insensitive ("Zürich"
-- matches "zurich"), title weighted above body. A side table rather than a column of "Document", so the
-- model stays the same on both stores and Prisma never sees a column it does not know.
--
-- The text search configuration "dossier" is English with unaccent in front of the stemmer (unaccent is
-- a trusted contrib extension: the database owner may create it). Queries must use the same
-- configuration: src/services/search.ts does.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- CreateTextSearchConfiguration
CREATE TEXT SEARCH CONFIGURATION "dossier" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "dossier"
    ALTER MAPPING FOR hword, hword_part, word WITH "unaccent", english_stem;

-- CreateFunction: the weighted vector of a document (title A, body D)
CREATE FUNCTION "Document_search_vector"("title" TEXT, "body" TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('dossier', "title"), 'A') || setweight(to_tsvector('dossier', "body"), 'D') $$;

-- CreateTable
CREATE TABLE "DocumentSearch" (
    "documentId" TEXT NOT NULL,
    "vector" tsvector NOT NULL,

    CONSTRAINT "DocumentSearch_pkey" PRIMARY KEY ("documentId"),
    -- The index follows a document's id and goes with the document.
    CONSTRAINT "DocumentSearch_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DocumentSearch_vector_idx" ON "DocumentSearch" USING GIN ("vector");

-- Backfill
INSERT INTO "DocumentSearch" ("documentId", "vector") SELECT "id", "Document_search_vector"("title", "body") FROM "Document";

-- CreateTrigger: the index follows every insert and every change of title or body
CREATE FUNCTION "Document_search_sync"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO "DocumentSearch" ("documentId", "vector") VALUES (NEW."id", "Document_search_vector"(NEW."title", NEW."body"))
    ON CONFLICT ("documentId") DO UPDATE SET "vector" = EXCLUDED."vector";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Document_search_after_insert" AFTER INSERT ON "Document"
    FOR EACH ROW EXECUTE FUNCTION "Document_search_sync"();

CREATE TRIGGER "Document_search_after_update" AFTER UPDATE OF "title", "body" ON "Document"
    FOR EACH ROW EXECUTE FUNCTION "Document_search_sync"();
