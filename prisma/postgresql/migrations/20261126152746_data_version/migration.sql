-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "epoch" TEXT NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row. Its epoch is random, so no two databases share a (version, epoch) pair that a response
-- cache could take for the other's. Every write transaction updates this row first (takeWriteLock), so
-- its row lock also orders writers across API processes.
INSERT INTO "DataVersion" ("id", "version", "epoch") VALUES (1, 0, replace(CAST(gen_random_uuid() AS TEXT), '-', ''));
