/**
 * Relay global IDs: base64url("Type:databaseId"). Opaque to clients; decoded only here.
 */
import { badInput } from '../domain/errors.ts';

export const NODE_TYPES = [
  'Document', 'Actor', 'ActorRole', 'ActorRelation', 'Event', 'EventParticipant',
  'Request', 'RequestItem', 'RequestResponse', 'Evidence', 'RequestStatusEntry', 'DateClaim',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const toGlobalId = (type: NodeType, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

/** Decodes a global ID, or returns null when the string is not one. */
export function tryFromGlobalId(gid: string): { type: NodeType; id: string } | null {
  if (!/^[A-Za-z0-9_-]{4,400}$/.test(gid)) return null;
  const text = Buffer.from(gid, 'base64url').toString('utf8');
  const sep = text.indexOf(':');
  const type = text.slice(0, sep) as NodeType;
  const id = text.slice(sep + 1);
  if (sep < 1 || !NODE_TYPES.includes(type) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { type, id };
}

/** Decodes a global ID or raises BAD_USER_INPUT; with `expected`, the ID must be of that type. */
export function fromGlobalId(gid: string, expected?: NodeType, field = 'id'): { type: NodeType; id: string } {
  const decoded = tryFromGlobalId(gid);
  if (!decoded) throw badInput(`${field}: "${gid.slice(0, 100)}" is not a valid ID`, { field });
  if (expected && decoded.type !== expected) {
    throw badInput(`${field}: expected the ID of a ${expected}, got the ID of a ${decoded.type}`, { field });
  }
  return decoded;
}
