/** The actor a user's word names (what a URL or a filter box holds): a slug, else a name or alias, else a global ID. */
import type { DossierClient } from '@dossier/sdk';
import type { ActorRefFragment } from '@dossier/sdk/documents';

export async function findActor(c: DossierClient, key: string): Promise<ActorRefFragment | null> {
  for (const by of [{ slug: key }, { name: key }, { id: key }]) {
    const found = await c.actorRef(by).then((r) => r.actor, () => null);
    if (found) return found;
  }
  return null;
}
