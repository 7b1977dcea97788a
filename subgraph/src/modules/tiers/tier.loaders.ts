import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys } from '../../common/batch';
import { isUuid } from '../../common/validation';
import { Tier } from './tier.entity';

export function createTierLoaders(em: EntityManager) {
  return {
    tierById: new DataLoader<string, Tier | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await em.find(Tier, { id: { $in: valid } }) : [];
      return byKeys(ids, rows, (t) => t.id);
    }),
  };
}
