-- AlterTable
ALTER TABLE "ActorRelation" ADD COLUMN "dateNote" TEXT;
ALTER TABLE "ActorRelation" ADD COLUMN "since" TEXT;
ALTER TABLE "ActorRelation" ADD COLUMN "sincePrecision" TEXT;
ALTER TABLE "ActorRelation" ADD COLUMN "until" TEXT;
ALTER TABLE "ActorRelation" ADD COLUMN "untilPrecision" TEXT;

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "published" TEXT,
    "publishedPrecision" TEXT,
    "note" TEXT,
    "targetType" TEXT NOT NULL,
    "roleId" TEXT,
    "relationId" TEXT,
    "eventId" TEXT,
    "responseId" TEXT,
    "statusId" TEXT,
    "dateClaimId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Citation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "ActorRole" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "ActorRelation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "RequestStatusEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_dateClaimId_fkey" FOREIGN KEY ("dateClaimId") REFERENCES "DateClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestStatusEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "date" TEXT,
    "datePrecision" TEXT,
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "note" TEXT,
    "seq" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestStatusEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DateClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT,
    "requestId" TEXT,
    "date" TEXT NOT NULL,
    "datePrecision" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    CONSTRAINT "DateClaim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DateClaim_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Quantity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT,
    "eventId" TEXT,
    "responseId" TEXT,
    "amount" REAL NOT NULL,
    "unit" TEXT NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'EXACT',
    "text" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Quantity_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quantity_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quantity_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResponseItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    CONSTRAINT "ResponseItem_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResponseItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "actorId" TEXT,
    "roleId" TEXT,
    "relationId" TEXT,
    "eventId" TEXT,
    "participantId" TEXT,
    "requestId" TEXT,
    "itemId" TEXT,
    "responseId" TEXT,
    "statusId" TEXT,
    "dateClaimId" TEXT,
    "attributedToId" TEXT,
    "attribution" TEXT,
    "hedged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "ActorRole" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "ActorRelation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "EventParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "RequestStatusEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_dateClaimId_fkey" FOREIGN KEY ("dateClaimId") REFERENCES "DateClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_attributedToId_fkey" FOREIGN KEY ("attributedToId") REFERENCES "Actor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("actorId", "createdAt", "documentId", "end", "eventId", "id", "itemId", "participantId", "quote", "relationId", "requestId", "responseId", "roleId", "start", "targetType") SELECT "actorId", "createdAt", "documentId", "end", "eventId", "id", "itemId", "participantId", "quote", "relationId", "requestId", "responseId", "roleId", "start", "targetType" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_documentId_start_idx" ON "Evidence"("documentId", "start");
CREATE INDEX "Evidence_actorId_idx" ON "Evidence"("actorId");
CREATE INDEX "Evidence_roleId_idx" ON "Evidence"("roleId");
CREATE INDEX "Evidence_relationId_idx" ON "Evidence"("relationId");
CREATE INDEX "Evidence_eventId_idx" ON "Evidence"("eventId");
CREATE INDEX "Evidence_participantId_idx" ON "Evidence"("participantId");
CREATE INDEX "Evidence_requestId_idx" ON "Evidence"("requestId");
CREATE INDEX "Evidence_itemId_idx" ON "Evidence"("itemId");
CREATE INDEX "Evidence_responseId_idx" ON "Evidence"("responseId");
CREATE INDEX "Evidence_statusId_idx" ON "Evidence"("statusId");
CREATE INDEX "Evidence_dateClaimId_idx" ON "Evidence"("dateClaimId");
CREATE INDEX "Evidence_attributedToId_idx" ON "Evidence"("attributedToId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Citation_roleId_idx" ON "Citation"("roleId");

-- CreateIndex
CREATE INDEX "Citation_relationId_idx" ON "Citation"("relationId");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

-- CreateIndex
CREATE INDEX "Citation_responseId_idx" ON "Citation"("responseId");

-- CreateIndex
CREATE INDEX "Citation_statusId_idx" ON "Citation"("statusId");

-- CreateIndex
CREATE INDEX "Citation_dateClaimId_idx" ON "Citation"("dateClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestStatusEntry_requestId_seq_key" ON "RequestStatusEntry"("requestId", "seq");

-- CreateIndex
CREATE INDEX "DateClaim_eventId_idx" ON "DateClaim"("eventId");

-- CreateIndex
CREATE INDEX "DateClaim_requestId_idx" ON "DateClaim"("requestId");

-- CreateIndex
CREATE INDEX "Quantity_itemId_idx" ON "Quantity"("itemId");

-- CreateIndex
CREATE INDEX "Quantity_eventId_idx" ON "Quantity"("eventId");

-- CreateIndex
CREATE INDEX "Quantity_responseId_idx" ON "Quantity"("responseId");

-- CreateIndex
CREATE INDEX "ResponseItem_itemId_idx" ON "ResponseItem"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ResponseItem_responseId_itemId_key" ON "ResponseItem"("responseId", "itemId");

-- Backfill: every request added through the API gets a first status-history entry holding the status
-- it has now, so that its history is never empty. Requests the seed owns get theirs from the seed.
INSERT INTO "RequestStatusEntry" ("id", "requestId", "status", "date", "datePrecision", "dateMin", "dateMax", "note", "seq")
SELECT 'h' || "id", "id", "status", NULL, NULL, NULL, NULL, 'Status recorded before the status history was kept; its date is not known.', 1
FROM "Request"
WHERE "id" NOT IN (SELECT "rowId" FROM "SeedRecord" WHERE "model" = 'request');
