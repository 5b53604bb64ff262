/** Role checks services apply to the principal making a write. */
import { DomainError } from './errors.ts';

export type Role = 'editor' | 'admin';
export interface Principal {
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { editor: 1, admin: 2 };

export function assertRole(who: Principal | null, needed: Role): Principal {
  if (!who) throw new DomainError('UNAUTHENTICATED', 'This operation needs a bearer token (Authorization: Bearer <token>)');
  if (RANK[who.role] < RANK[needed]) {
    throw new DomainError('FORBIDDEN', `This operation needs the ${needed} role; the token "${who.name}" has ${who.role}`);
  }
  return who;
}
