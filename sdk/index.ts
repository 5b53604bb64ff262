/**
 * The dossier TypeScript SDK (`import { createDossierClient } from 'dossier/sdk'`): a client with one
 * typed method per operation in sdk/operations, typed errors, and every operation, fragment, input and
 * enum type. The TypedDocumentNode documents (for Apollo Client or urql) are exported too, and also
 * from 'dossier/sdk/documents' alone, without the client.
 */
export {
  createDossierClient, DossierError,
  type DossierClient, type DossierClientOptions, type DossierErrorCode, type DossierGraphQLError,
} from './client.ts';
export type { Sdk, SdkFunctionWrapper } from './generated/sdk.ts';
export * from './documents.ts';
