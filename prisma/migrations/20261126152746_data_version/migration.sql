-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "epoch" TEXT NOT NULL
);

-- The one row. Its epoch is random (renewed by a restore), so no two database files share a
-- (version, epoch) pair that a response cache could take for the other's.
INSERT INTO "DataVersion" ("id", "version", "epoch") VALUES (1, 0, lower(hex(randomblob(16))));
