import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireMemberAccess, requireRole } from '../../common/context';
import { snapshot } from '../holds/hold.service';
import { holdGql } from '../holds/hold.resolver';
import type { OrderLoyaltyActivityType } from './commerce.types';

type Activity = Omit<OrderLoyaltyActivityType, 'member'> & { memberId: string | null };

/** Loyalty activity per order id (= sale id), two queries per batch of orders. */
export function createOrderLoaders(em: EntityManager) {
  return {
    orderActivity: new DataLoader<string, Activity | null>(async (ids) => {
      const keys = [...ids];
      const [earns, holds] = await Promise.all([
        em.execute<Record<string, string>[]>(
          `select sale_id, member_id, sum(points) as earned, sum(returned_points) as returned, sum(refunded_points) as refunded
             from sale_earn where sale_id in (${keys.map(() => '?').join(', ')}) group by sale_id, member_id`,
          keys,
        ),
        em.execute<Record<string, any>[]>(`select * from points_hold where sale_id in (${keys.map(() => '?').join(', ')}) order by created_at desc`, keys),
      ]);
      return keys.map((id) => {
        const e = earns.filter((r) => r.sale_id === id);
        const h = holds.filter((r) => r.sale_id === id);
        if (e.length === 0 && h.length === 0) return null;
        const captured = h.filter((x) => x.status === 'CAPTURED');
        return {
          memberId: e[0]?.member_id ?? h[0]?.member_id ?? null,
          pointsEarned: e.reduce((s, r) => s + Number(r.earned), 0),
          pointsReturned: e.reduce((s, r) => s + Number(r.returned), 0),
          pointsRefunded: e.reduce((s, r) => s + Number(r.refunded), 0),
          pointsRedeemed: captured.reduce((s, r) => s + Number(r.captured_points), 0),
          redeemedCash: captured.length ? { amount: captured.reduce((s, r) => s + Number(r.captured_cash_minor), 0), currencyCode: captured[0].currency_code } : null,
          holds: h.map((row) => holdGql(snapshot(row as never))),
        };
      });
    }),
  };
}

/**
 * Extends the commerce order (type name from COMMERCE_ORDER_TYPE) with `loyaltyActivity`, keyed by
 * the order id used as sale id. A field name of our own: commerce graphs may have a `loyalty...`.
 */
export function orderExtension(typeName: string) {
  return {
    typeDefs: `
"""The commerce graph's order, extended by the loyalty subgraph."""
type ${typeName} @key(fields: "id") {
  id: ID!
  """Points earned, redeemed and returned for this order (its id used as the sale id); null when none."""
  loyaltyActivity: OrderLoyaltyActivity
}
`,
    resolvers: {
      [typeName]: {
        __resolveReference(ref: { id: string }) {
          return { id: String(ref.id) };
        },
        async loyaltyActivity(order: { id: string }, _args: unknown, ctx: RequestContext) {
          requireRole(ctx, ['admin', 'till', 'service', 'member']);
          const activity = await ctx.loaders.orderActivity.load(order.id);
          if (!activity) return null;
          if (activity.memberId) requireMemberAccess(ctx, activity.memberId);
          return { ...activity, member: activity.memberId ? await ctx.loaders.memberById.load(activity.memberId) : null };
        },
      },
    },
  };
}
