-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('YEAR', 'MONTH', 'DAY');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION', 'STATE', 'GROUP', 'OTHER');

-- CreateEnum
CREATE TYPE "ActorRelationKind" AS ENUM ('MEMBER_OF', 'PART_OF');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('LETTER', 'MEETING', 'SUMMIT', 'STATEMENT', 'DECISION', 'MISSION', 'VISIT', 'ANNOUNCEMENT', 'CEREMONY', 'ESTABLISHMENT', 'CONFLICT', 'OTHER');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('OCCURRED', 'PLANNED');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('SENDER', 'RECIPIENT', 'HOST', 'ATTENDEE', 'SPEAKER', 'SUBJECT');

-- CreateEnum
CREATE TYPE "RequestChannel" AS ENUM ('LETTER', 'MEETING', 'SPEECH', 'STATEMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('PENDING', 'UNDER_CONSIDERATION', 'ACCEPTED', 'PARTIALLY_ACCEPTED', 'DECLINED', 'FULFILLED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "RequestSide" AS ENUM ('REQUESTER', 'ADDRESSEE');

-- CreateEnum
CREATE TYPE "ItemCategory" AS ENUM ('TRAINING', 'EQUIPMENT', 'TECHNICAL_ASSISTANCE', 'TROOPS', 'FUNDING', 'MISSION', 'ADVICE', 'OTHER');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'CONSIDERING', 'NONCOMMITTAL', 'ACCEPTS', 'DECLINES', 'CONDITIONS');

-- CreateEnum
CREATE TYPE "EvidenceTarget" AS ENUM ('ACTOR', 'ACTOR_ROLE', 'ACTOR_RELATION', 'EVENT', 'EVENT_PARTICIPANT', 'REQUEST', 'REQUEST_ITEM', 'REQUEST_RESPONSE', 'REQUEST_STATUS', 'DATE_CLAIM');

-- CreateEnum
CREATE TYPE "QuantityQualifier" AS ENUM ('EXACT', 'ABOUT', 'UP_TO', 'LESS_THAN', 'MORE_THAN');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "published" TEXT,
    "publishedPrecision" "DatePrecision",
    "publishedMin" TEXT,
    "publishedMax" TEXT,
    "publishedNote" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "countryCode" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorRole" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "withinId" TEXT,
    "from" TEXT,
    "fromPrecision" "DatePrecision",
    "to" TEXT,
    "toPrecision" "DatePrecision",
    "dateNote" TEXT,

    CONSTRAINT "ActorRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorRelation" (
    "id" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "kind" "ActorRelationKind" NOT NULL,
    "since" TEXT,
    "sincePrecision" "DatePrecision",
    "until" TEXT,
    "untilPrecision" "DatePrecision",
    "dateNote" TEXT,

    CONSTRAINT "ActorRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "status" "EventStatus" NOT NULL DEFAULT 'OCCURRED',
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "start" TEXT,
    "startPrecision" "DatePrecision",
    "end" TEXT,
    "endPrecision" "DatePrecision",
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "locationName" TEXT,
    "locationCountry" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "channel" "RequestChannel" NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'UNKNOWN',
    "date" TEXT,
    "datePrecision" "DatePrecision",
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "madeAtId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestParty" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "side" "RequestSide" NOT NULL,
    "onBehalfOfId" TEXT,

    CONSTRAINT "RequestParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestItem" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "category" "ItemCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RequestItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestResponse" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "responderId" TEXT NOT NULL,
    "stance" "Stance" NOT NULL,
    "date" TEXT,
    "datePrecision" "DatePrecision",
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "eventId" TEXT,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "targetType" "EvidenceTarget" NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT,
    "published" TEXT,
    "publishedPrecision" "DatePrecision",
    "note" TEXT,
    "targetType" "EvidenceTarget" NOT NULL,
    "roleId" TEXT,
    "relationId" TEXT,
    "eventId" TEXT,
    "responseId" TEXT,
    "statusId" TEXT,
    "dateClaimId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestStatusEntry" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "date" TEXT,
    "datePrecision" "DatePrecision",
    "dateMin" TEXT,
    "dateMax" TEXT,
    "dateNote" TEXT,
    "note" TEXT,
    "seq" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestStatusEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DateClaim" (
    "id" TEXT NOT NULL,
    "eventId" TEXT,
    "requestId" TEXT,
    "date" TEXT NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "claim" TEXT NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,

    CONSTRAINT "DateClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quantity" (
    "id" TEXT NOT NULL,
    "itemId" TEXT,
    "eventId" TEXT,
    "responseId" TEXT,
    "amount" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "qualifier" "QuantityQualifier" NOT NULL DEFAULT 'EXACT',
    "text" TEXT NOT NULL,
    "note" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Quantity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseItem" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,

    CONSTRAINT "ResponseItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedRecord" (
    "model" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,

    CONSTRAINT "SeedRecord_pkey" PRIMARY KEY ("model","rowId")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorMerge" (
    "id" TEXT NOT NULL,
    "intoId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "fromName" TEXT NOT NULL,
    "mergedBy" TEXT NOT NULL,
    "mergedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActorMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Document_published_id_idx" ON "Document"("published", "id");

-- CreateIndex
CREATE INDEX "Document_title_id_idx" ON "Document"("title", "id");

-- CreateIndex
CREATE INDEX "Document_createdAt_id_idx" ON "Document"("createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_countryCode_idx" ON "Actor"("countryCode");

-- CreateIndex
CREATE INDEX "Actor_name_id_idx" ON "Actor"("name", "id");

-- CreateIndex
CREATE INDEX "Actor_createdAt_id_idx" ON "Actor"("createdAt", "id");

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
CREATE INDEX "Event_start_id_idx" ON "Event"("start", "id");

-- CreateIndex
CREATE INDEX "Event_title_id_idx" ON "Event"("title", "id");

-- CreateIndex
CREATE INDEX "Event_dateMin_idx" ON "Event"("dateMin");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_eventId_idx" ON "EventParticipant"("actorId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventParticipant_eventId_actorId_role_key" ON "EventParticipant"("eventId", "actorId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Request_slug_key" ON "Request"("slug");

-- CreateIndex
CREATE INDEX "Request_status_date_id_idx" ON "Request"("status", "date", "id");

-- CreateIndex
CREATE INDEX "Request_date_id_idx" ON "Request"("date", "id");

-- CreateIndex
CREATE INDEX "Request_createdAt_id_idx" ON "Request"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Request_madeAtId_idx" ON "Request"("madeAtId");

-- CreateIndex
CREATE INDEX "RequestParty_actorId_side_requestId_idx" ON "RequestParty"("actorId", "side", "requestId");

-- CreateIndex
CREATE INDEX "RequestParty_onBehalfOfId_side_requestId_idx" ON "RequestParty"("onBehalfOfId", "side", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestParty_requestId_actorId_side_key" ON "RequestParty"("requestId", "actorId", "side");

-- CreateIndex
CREATE INDEX "RequestItem_requestId_idx" ON "RequestItem"("requestId");

-- CreateIndex
CREATE INDEX "RequestItem_category_excluded_requestId_idx" ON "RequestItem"("category", "excluded", "requestId");

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

-- CreateIndex
CREATE INDEX "Evidence_statusId_idx" ON "Evidence"("statusId");

-- CreateIndex
CREATE INDEX "Evidence_dateClaimId_idx" ON "Evidence"("dateClaimId");

-- CreateIndex
CREATE INDEX "Evidence_attributedToId_idx" ON "Evidence"("attributedToId");

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

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "ActorMerge_intoId_idx" ON "ActorMerge"("intoId");

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorRole" ADD CONSTRAINT "ActorRole_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorRole" ADD CONSTRAINT "ActorRole_withinId_fkey" FOREIGN KEY ("withinId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorRelation" ADD CONSTRAINT "ActorRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorRelation" ADD CONSTRAINT "ActorRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_madeAtId_fkey" FOREIGN KEY ("madeAtId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestParty" ADD CONSTRAINT "RequestParty_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestParty" ADD CONSTRAINT "RequestParty_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestParty" ADD CONSTRAINT "RequestParty_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestItem" ADD CONSTRAINT "RequestItem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestResponse" ADD CONSTRAINT "RequestResponse_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestResponse" ADD CONSTRAINT "RequestResponse_responderId_fkey" FOREIGN KEY ("responderId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestResponse" ADD CONSTRAINT "RequestResponse_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "ActorRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "ActorRelation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "EventParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "RequestStatusEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_dateClaimId_fkey" FOREIGN KEY ("dateClaimId") REFERENCES "DateClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_attributedToId_fkey" FOREIGN KEY ("attributedToId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "ActorRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "ActorRelation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_statusId_fkey" FOREIGN KEY ("statusId") REFERENCES "RequestStatusEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_dateClaimId_fkey" FOREIGN KEY ("dateClaimId") REFERENCES "DateClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestStatusEntry" ADD CONSTRAINT "RequestStatusEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateClaim" ADD CONSTRAINT "DateClaim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DateClaim" ADD CONSTRAINT "DateClaim_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quantity" ADD CONSTRAINT "Quantity_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quantity" ADD CONSTRAINT "Quantity_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quantity" ADD CONSTRAINT "Quantity_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseItem" ADD CONSTRAINT "ResponseItem_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseItem" ADD CONSTRAINT "ResponseItem_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RequestItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorMerge" ADD CONSTRAINT "ActorMerge_intoId_fkey" FOREIGN KEY ("intoId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
