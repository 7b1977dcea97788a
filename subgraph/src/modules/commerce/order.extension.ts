import DataLoader from 'dataloader';
import type { CommerceEntity } from '../../config';
import type { RequestContext } from '../../common/context';
import { canReadMember, requireRole } from '../../common/context';
import { snapshot } from '../holds/hold.service';
import { holdGql } from '../holds/hold.resolver';
import { stubReference, stubTypeDefs, type StubRef } from './commerce.stub';

interface OrderRows {
  earns: Record<string, string>[];
  holds: Record<string, any>[];
}

/**
 * Sales and holds per order key, two queries per batch of orders. A sale belongs to an order by
 * the `orderId` it carries; a sale without one belongs to the order whose key equals its sale id,
 * in the order channel only (a till's sale "1001" is not web order "1001"). A hold belongs to the
 * order of the sale it paid for (same channel and sale id).
 */
function createOrderActivityLoader(ctx: RequestContext, orderChannel: string) {
  return new DataLoader<string, OrderRows>(async (keys) => {
    const marks = keys.map(() => '?').join(', ');
    const earns = await ctx.em.execute<Record<string, string>[]>(
      `select channel, sale_id, order_id, member_id, points, returned_points, refunded_points from sale_earn
        where order_id in (${marks}) or (order_id is null and channel = ? and sale_id in (${marks}))
        order by created_at`,
      [...keys, orderChannel, ...keys],
    );
    const orderOf = (channel: string, saleId: string, orderId: string | null) => orderId ?? (channel === orderChannel ? saleId : null);
    const sales = new Map(earns.map((e) => [`${e.channel}\u0000${e.sale_id}`, orderOf(e.channel!, e.sale_id!, e.order_id ?? null)]));
    const pairs = [...sales.keys()].map((k) => k.split('\u0000'));
    const holds = await ctx.em.execute<Record<string, any>[]>(
      `select * from points_hold
        where (channel = ? and sale_id in (${marks}))${pairs.length ? ` or (channel, sale_id) in (${pairs.map(() => '(?, ?)').join(', ')})` : ''}
        order by created_at desc`,
      [orderChannel, ...keys, ...pairs.flat()],
    );
    // A hold for a sale that earned belongs to that sale's order; otherwise to the sale id in the order channel.
    const holdOrder = (h: Record<string, any>) => (sales.has(`${h.channel}\u0000${h.sale_id}`) ? sales.get(`${h.channel}\u0000${h.sale_id}`) : h.channel === orderChannel ? h.sale_id : null);
    return keys.map((key) => ({
      earns: earns.filter((e) => orderOf(e.channel!, e.sale_id!, e.order_id ?? null) === key),
      holds: holds.filter((h) => holdOrder(h) === key),
    }));
  });
}

/**
 * What an order did to points, from the rows of the members the caller may see; a till sees only
 * the holds of its own store.
 */
function summarise(rows: OrderRows, visible: (memberId: string) => boolean, holdVisible: (storeId: string | null) => boolean) {
  const earns = rows.earns.filter((r) => visible(r.member_id!));
  const holds = rows.holds.filter((r) => visible(r.member_id) && holdVisible(r.store_id));
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
 * Extends the commerce order (type and key from COMMERCE_ORDER_TYPE / _KEY) with
 * `loyaltyActivity`. A field name of our own: commerce graphs may have a `loyalty...`.
 */
export function orderExtension(entity: CommerceEntity, orderChannel: string) {
  const loaders = new WeakMap<RequestContext, DataLoader<string, OrderRows>>();
  return {
    typeDefs: stubTypeDefs(
      entity,
      `  """Points earned, redeemed and returned for this order: sales carrying its key as orderId, or sold under its key in the ${orderChannel} channel; null when none."""
  loyaltyActivity: LoyaltyOrderActivity`,
    ),
    resolvers: {
      [entity.typeName]: {
        __resolveReference: stubReference(entity),
        async loyaltyActivity(order: StubRef, _args: unknown, ctx: RequestContext) {
          requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
          if (!order.__loyaltyKey) return null;
          let loader = loaders.get(ctx);
          if (!loader) loaders.set(ctx, (loader = createOrderActivityLoader(ctx, orderChannel)));
          const p = ctx.principal!;
          const tillOnly = p.roles.has('till') && !p.roles.has('admin') && !p.roles.has('service');
          const activity = summarise(
            await loader.load(order.__loyaltyKey),
            (memberId) => canReadMember(ctx, memberId),
            (storeId) => !tillOnly || storeId === p.storeId,
          );
          if (!activity) return null;
          return { ...activity, member: activity.memberId ? await ctx.loaders.memberById.load(activity.memberId) : null };
        },
      },
    },
  };
}
