import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/validation';
import type { ProgrammeCache } from '../programme/programme.cache';
import type { Tier } from './tier.entity';

/**
 * Tiers come from this instance's cache of the programme (a handful of rows, changed rarely): no
 * SQL per request. A tier id the cache does not know (a tier created since it was read) reads the
 * tiers again, once per batch; an id that still does not exist resolves to null.
 */
export function createTierLoaders(em: EntityManager, programme: ProgrammeCache) {
  return {
    tierById: new DataLoader<string, Tier | null>(async (ids) => {
      const started = Date.now();
      const keys = ids.map((id) => id.toLowerCase());
      let tiers = await programme.tiers(em);
      if (keys.some((id) => isUuid(id) && !tiers.some((t) => t.id === id))) tiers = await programme.tiers(em, started);
      return keys.map((id) => tiers.find((t) => t.id === id) ?? null);
    }),
  };
}
