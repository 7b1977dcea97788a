import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedRows } from '../../db/prepared';
import { uuids } from '../ledger/wallet.loaders';

/** Request-scoped: each member's last activity (null while the membership is not ACTIVE), one SELECT per batch. */
export function createMembershipLoaders(em: EntityManager) {
  return {
    lastActivityByMemberId: new DataLoader<string, Date | null>(async (ids) => {
      const rows = await preparedRows<{ member_id: string; last_activity_at: string | Date | null }>(
        em,
        'select member_id, last_activity_at from wallet where member_id = any($1::uuid[])',
        [uuids(ids)],
      );
      const byId = new Map(rows.map((r) => [String(r.member_id), r.last_activity_at ? new Date(r.last_activity_at) : null]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}
