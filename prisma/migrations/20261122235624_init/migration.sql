-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "published" TEXT,
    "publishedPrecision" TEXT,
    "publishedMin" TEXT,
    "publishedMax" TEXT,
    "publishedNote" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryCode" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActorRole" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "withinId" TEXT,
    "from" TEXT,
    "fromPrecision" TEXT,
    "to" TEXT,
    "toPrecision" TEXT,
    "dateNote" TEXT,
    CONSTRAINT "ActorRole_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActorRole_withinId_fkey" FOREIGN KEY ("withinId") REFERENCES "Actor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActorRelation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    CONSTRAINT "ActorRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActorRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OCCURRED',
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "start" TEXT,
    "startPrecision" TEXT,
    "end" TEXT,
    "endPrecision" TEXT,
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "locationName" TEXT,
    "locationCountry" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "date" TEXT,
    "datePrecision" TEXT,
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "madeAtId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Request_madeAtId_fkey" FOREIGN KEY ("madeAtId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestParty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "onBehalfOfId" TEXT,
    CONSTRAINT "RequestParty_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestParty_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestParty_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Actor" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "RequestItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "responderId" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "date" TEXT,
    "datePrecision" TEXT,
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "eventId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RequestResponse_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestResponse_responderId_fkey" FOREIGN KEY ("responderId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestResponse_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Evidence_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "ActorRole" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "ActorRelation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "EventParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeedRecord" (
    "model" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,

    PRIMARY KEY ("model", "rowId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Document_published_idx" ON "Document"("published");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_countryCode_idx" ON "Actor"("countryCode");

-- CreateIndex
CREATE INDEX "ActorAlias_normalized_idx" ON "ActorAlias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_actorId_normalized_key" ON "ActorAlias"("actorId", "normalized");

-- CreateIndex
CREATE INDEX "ActorRole_actorId_idx" ON "ActorRole"("actorId");

-- CreateIndex
CREATE INDEX "ActorRole_withinId_idx" ON "ActorRole"("withinId");

-- CreateIndex
CREATE INDEX "ActorRelation_toId_idx" ON "ActorRelation"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "ActorRelation_fromId_toId_kind_key" ON "ActorRelation"("fromId", "toId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_kind_idx" ON "Event"("kind");

-- CreateIndex
CREATE INDEX "Event_start_idx" ON "Event"("start");

-- CreateIndex
CREATE INDEX "Event_dateMin_idx" ON "Event"("dateMin");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_idx" ON "EventParticipant"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "EventParticipant_eventId_actorId_role_key" ON "EventParticipant"("eventId", "actorId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Request_slug_key" ON "Request"("slug");

-- CreateIndex
CREATE INDEX "Request_status_idx" ON "Request"("status");

-- CreateIndex
CREATE INDEX "Request_date_idx" ON "Request"("date");

-- CreateIndex
CREATE INDEX "Request_madeAtId_idx" ON "Request"("madeAtId");

-- CreateIndex
CREATE INDEX "RequestParty_actorId_idx" ON "RequestParty"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestParty_requestId_actorId_side_key" ON "RequestParty"("requestId", "actorId", "side");

-- CreateIndex
CREATE INDEX "RequestItem_requestId_idx" ON "RequestItem"("requestId");

-- CreateIndex
CREATE INDEX "RequestItem_category_excluded_idx" ON "RequestItem"("category", "excluded");

-- CreateIndex
CREATE INDEX "RequestResponse_requestId_idx" ON "RequestResponse"("requestId");

-- CreateIndex
CREATE INDEX "RequestResponse_responderId_idx" ON "RequestResponse"("responderId");

-- CreateIndex
CREATE INDEX "RequestResponse_date_idx" ON "RequestResponse"("date");

-- CreateIndex
CREATE INDEX "Evidence_documentId_start_idx" ON "Evidence"("documentId", "start");

-- CreateIndex
CREATE INDEX "Evidence_actorId_idx" ON "Evidence"("actorId");

-- CreateIndex
CREATE INDEX "Evidence_roleId_idx" ON "Evidence"("roleId");

-- CreateIndex
CREATE INDEX "Evidence_relationId_idx" ON "Evidence"("relationId");

-- CreateIndex
CREATE INDEX "Evidence_eventId_idx" ON "Evidence"("eventId");

-- CreateIndex
CREATE INDEX "Evidence_participantId_idx" ON "Evidence"("participantId");

-- CreateIndex
CREATE INDEX "Evidence_requestId_idx" ON "Evidence"("requestId");

-- CreateIndex
CREATE INDEX "Evidence_itemId_idx" ON "Evidence"("itemId");

-- CreateIndex
CREATE INDEX "Evidence_responseId_idx" ON "Evidence"("responseId");
