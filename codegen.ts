// graphql-codegen: typed resolvers generated from schema.graphql (the API's single source of truth).
// Parents are mapped to the Prisma rows and service shapes the resolvers actually receive.
import type { CodegenConfig } from '@graphql-codegen/cli';

const prisma = '../generated/prisma/client.ts';
const shapes = '../resolvers/parents.ts';

const sdkDocuments = 'packages/sdk/operations/*.graphql';
const sdkOut = 'packages/sdk/src/generated';
// Scalars as they arrive over JSON: DateTime is an ISO string on the wire, not a Date.
const sdkTypes = { useTypeImports: true, enumsAsTypes: true, scalars: { PartialDate: 'string', DateTime: 'string' } };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.ts#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        scalars: { PartialDate: 'string', DateTime: 'Date' },
        mapperTypeSuffix: 'Model',
        mappers: {
          Document: `${shapes}#DocumentParent`,
          Actor: `${prisma}#Actor`,
          ActorRole: `${prisma}#ActorRole`,
          ActorRelation: `${prisma}#ActorRelation`,
          Event: `${prisma}#Event`,
          EventParticipant: `${prisma}#EventParticipant`,
          Request: `${prisma}#Request`,
          RequestParty: `${prisma}#RequestParty`,
          RequestItem: `${prisma}#RequestItem`,
          RequestResponse: `${prisma}#RequestResponse`,
          Evidence: `${prisma}#Evidence`,
          RequestStatusEntry: `${prisma}#RequestStatusEntry`,
          DateClaim: `${prisma}#DateClaim`,
          Citation: `${prisma}#Citation`,
          Quantity: `${prisma}#Quantity`,
          Attribution: `${shapes}#AttributionParent`,
          Location: `${shapes}#LocationParent`,
          EvidenceContext: `${shapes}#EvidenceContextParent`,
          DocumentConnection: `${shapes}#DocumentConnectionParent`,
          DocumentEdge: `${shapes}#DocumentEdgeParent`,
          DocumentActorConnection: `${shapes}#DocumentActorConnectionParent`,
          DocumentActorEdge: `${shapes}#DocumentActorEdgeParent`,
          ActorConnection: `${shapes}#ActorConnectionParent`,
          ActorEdge: `${shapes}#ActorEdgeParent`,
          CoMentionConnection: `${shapes}#CoMentionConnectionParent`,
          CoMentionEdge: `${shapes}#CoMentionEdgeParent`,
          EventConnection: `${shapes}#EventConnectionParent`,
          EventEdge: `${shapes}#EventEdgeParent`,
          RequestConnection: `${shapes}#RequestConnectionParent`,
          RequestEdge: `${shapes}#RequestEdgeParent`,
          RequestResponseConnection: `${shapes}#RequestResponseConnectionParent`,
          RequestResponseEdge: `${shapes}#RequestResponseEdgeParent`,
          EvidenceConnection: `${shapes}#EvidenceConnectionParent`,
          EvidenceEdge: `${shapes}#EvidenceEdgeParent`,
          SearchConnection: `${shapes}#SearchConnectionParent`,
          SearchEdge: `${shapes}#SearchEdgeParent`,
          TimelineConnection: `${shapes}#TimelineConnectionParent`,
          TimelineEdge: `${shapes}#TimelineEdgeParent`,
          ActorMatch: `${shapes}#ActorMatchParent`,
          Stats: `${shapes}#StatsParent`,
          AuditEntry: `${prisma}#AuditEntry`,
          AuditEntryConnection: `${shapes}#AuditEntryConnectionParent`,
          AuditEntryEdge: `${shapes}#AuditEntryEdgeParent`,
          MergeActorsPayload: `${shapes}#MergeActorsPayloadParent`,
          DeleteDocumentPayload: `${shapes}#DeleteDocumentPayloadParent`,
          RemoveEvidencePayload: `${shapes}#RemoveEvidencePayloadParent`,
        },
      },
    },
    // The TypeScript SDK package (packages/sdk): operations in packages/sdk/operations/*.graphql are
    // validated against the schema here, so an operation the schema no longer supports fails
    // `npm run codegen` (and install).
    // 1. TypedDocumentNode documents and operation types (client preset), for Apollo Client / urql; the
    //    SDK's typed methods (packages/sdk/src/methods.ts) are derived from these documents.
    [`${sdkOut}/documents/`]: {
      documents: sdkDocuments,
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { ...sdkTypes, importExtension: '.ts' },
    },
    // 2. possibleTypes for Apollo Client's / urql's normalised caches (unions and interfaces such as
    // TimelineItem), so inline fragments on them match instead of being dropped with a warning.
    [`${sdkOut}/possible-types.ts`]: {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
