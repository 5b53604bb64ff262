/** Which Evidence column links a span to each kind of record it can support. */
export const TARGET_COLUMN = {
  ACTOR: 'actorId', ACTOR_ROLE: 'roleId', ACTOR_RELATION: 'relationId', EVENT: 'eventId',
  EVENT_PARTICIPANT: 'participantId', REQUEST: 'requestId', REQUEST_ITEM: 'itemId', REQUEST_RESPONSE: 'responseId',
  REQUEST_STATUS: 'statusId', DATE_CLAIM: 'dateClaimId',
} as const;

export type EvidenceTargetType = keyof typeof TARGET_COLUMN;
