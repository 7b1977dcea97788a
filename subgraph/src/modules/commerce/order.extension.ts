import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { snapshot } from '../holds/hold.service';
import { holdGql } from '../holds/hold.resolver';

interface OrderRows {
  earns: Record<string, string>[];
  holds: Record<string, any>[];
}

/** Earn records and holds per order id (= sale id), two queries per batch of orders. */
export function createOrderLoaders(em: EntityManager) {
  return {
    orderActivity: new DataLoader<string, OrderRows>(async (ids) => {
      const keys = [...ids];
      const marks = keys.map(() => '?').join(', ');
      const [earns, holds] = await Promise.all([
        em.execute<Record<string, string>[]>(`select sale_id, member_id, points, returned_points, refunded_points from sale_earn where sale_id in (${marks}) order by created_at`, keys),
        em.execute<Record<string, any>[]>(`select * from points_hold where sale_id in (${marks}) order by created_at desc`, keys),
      ]);
      return keys.map((id) => ({ earns: earns.filter((r) => r.sale_id === id), holds: holds.filter((r) => r.sale_id === id) }));
    }),
  };
}

/**
 * What an order did to points, from the rows of the members the caller may see: staff see every
 * member's rows for the sale id, a member only their own (sale ids are unique per channel, not
 * globally, so several members can share one).
 */
function summarise(rows: OrderRows, visible: (memberId: string) => boolean) {
  const earns = rows.earns.filter((r) => visible(r.member_id!));
  const holds = rows.holds.filter((r) => visible(r.member_id));
  if (earns.length === 0 && holds.length === 0) return null;
  const captured = holds.filter((h) => h.status === 'CAPTURED');
  return {
    memberId: earns[0]?.member_id ?? holds[0]?.member_id ?? null,
    pointsEarned: earns.reduce((s, r) => s + Number(r.points), 0),
    pointsReturned: earns.reduce((s, r) => s + Number(r.returned_points), 0),
    pointsRefunded: earns.reduce((s, r) => s + Number(r.refunded_points), 0),
    pointsRedeemed: captured.reduce((s, h) => s + Number(h.captured_points), 0),
    redeemedCash: captured.length ? { amount: captured.reduce((s, h) => s + Number(h.captured_cash_minor), 0), currencyCode: captured[0].currency_code } : null,
    holds: holds.map((row) => holdGql(snapshot(row as never))),
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
          const p = requireRole(ctx, ['admin', 'till', 'service', 'member']);
          const staff = p.roles.has('admin') || p.roles.has('till') || p.roles.has('service');
          const activity = summarise(await ctx.loaders.orderActivity.load(order.id), (memberId) => staff || memberId === p.memberId);
          if (!activity) return null;
          return { ...activity, member: activity.memberId ? await ctx.loaders.memberById.load(activity.memberId) : null };
        },
      },
    },
  };
}
