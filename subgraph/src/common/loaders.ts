import type { EntityManager } from '@mikro-orm/postgresql';
import { createMemberLoaders } from '../modules/members/member.loaders';
import { createTierLoaders } from '../modules/tiers/tier.loaders';

/**
 * Request-scoped DataLoaders: every `_entities` representation and every nested field asks a
 * loader, so one request issues one query per kind of thing, not one per item.
 */
export function createLoaders(em: EntityManager) {
  return {
    ...createMemberLoaders(em),
    ...createTierLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
