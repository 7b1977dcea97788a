import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKeys } from '../../common/batch';
import { pgArray } from '../ledger/wallet.loaders';
import { couponSnapshot, type CouponSnapshot } from './coupon.service';

export function createCouponLoaders(em: EntityManager) {
  return {
    /** Coupon by canonical code (parse first); one query per batch. */
    couponByCode: new DataLoader<string, CouponSnapshot | null>(async (codes) => {
      const rows = await em.execute<Record<string, unknown>[]>(`select * from coupon where code in (${codes.map(() => '?').join(', ')})`, [...codes]);
      const now = new Date();
      const byCode = new Map(rows.map((r) => [String(r.code), couponSnapshot(r, now)]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    /** A member's coupons, newest first. */
    couponsByMemberId: new DataLoader<string, CouponSnapshot[]>(async (ids) => {
      const rows = await em.execute<Record<string, unknown>[]>('select * from coupon where member_id = any(?::uuid[]) order by issued_at desc, code', [pgArray(ids)]);
      const now = new Date();
      return groupByKeys(ids, rows.map((r) => couponSnapshot(r, now)), (c) => c.memberId!);
    }),
  };
}
