import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface CampaignSummary {
  id: string;
  code: string;
  name: string;
  description: string | null;
}

/** Campaigns by id, as journal entries and coupons name them: one query per request. */
export function createCampaignLoaders(em: EntityManager) {
  return {
    campaignById: new DataLoader<string, CampaignSummary | null>(async (ids) => {
      const rows = await em.getConnection().execute<CampaignSummary[]>('select id, code, name, description from campaign where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
      const byId = new Map(rows.map((r) => [String(r.id), { id: String(r.id), code: r.code, name: r.name, description: r.description ?? null }]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
