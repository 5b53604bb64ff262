/**
 * The dossier TypeScript SDK (`import { createDossierClient } from '@dossier/sdk'`): a client with one
 * typed method per operation in operations/, typed errors per code, every operation, fragment, input
 * and enum type, and `possibleTypes` for normalised caches. The TypedDocumentNode documents (for Apollo
 * Client or urql) are exported too, and also from '@dossier/sdk/documents' alone, without the client.
 */
export {
  createDossierClient, DossierError, type DossierClient, type DossierClientOptions,
} from './client.ts';
export {
  DOSSIER_ERROR_CODES, isDossierErrorCode, toDossierGraphQLError,
  type DossierErrorCode, type DossierErrorExtensions, type DossierErrorExtensionsByCode, type DossierGraphQLError,
} from './errors.ts';
export type { OperationMethod, RequestHeaders, Sdk } from './methods.ts';
export * from './documents.ts';
