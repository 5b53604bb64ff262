/** Which GraphQL type a row is, for the Node interface and the TimelineItem union. */
import type { NodeType } from './global-id.ts';

export function nodeTypeOf(row: object): NodeType {
  // Columns stored before the body: a narrow document row (src/loaders/index.ts) skips those after it.
  if ('publisher' in row && 'language' in row) return 'Document';
  if ('quote' in row && 'targetType' in row) return 'Evidence';
  if ('seq' in row && 'status' in row) return 'RequestStatusEntry';
  if ('claim' in row && 'used' in row) return 'DateClaim';
  if ('channel' in row) return 'Request';
  if ('stance' in row) return 'RequestResponse';
  if ('category' in row && 'excluded' in row) return 'RequestItem';
  if ('locationName' in row) return 'Event';
  if ('eventId' in row && 'role' in row) return 'EventParticipant';
  if ('withinId' in row) return 'ActorRole';
  if ('fromId' in row && 'toId' in row) return 'ActorRelation';
  if ('countryCode' in row && 'kind' in row) return 'Actor';
  throw new Error('row of unknown type');
}
