import type { RequestContext } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { pageArgs, toConnection } from '../../common/pagination';
import type { LedgerEntryType } from './ledger.entities';
import type { LedgerEntryGql } from './wallet.type';

export function toEntry(r: Record<string, unknown>): LedgerEntryGql {
  return {
    id: String(r.id),
    type: r.type as LedgerEntryType,
    points: Number(r.points),
    availableChange: Number(r.available_change),
    availableAfter: Number(r.available_after),
    pendingAfter: Number(r.pending_after),
    heldAfter: Number(r.held_after),
    reason: (r.reason as string | null) ?? null,
    channel: (r.channel as string | null) ?? null,
    saleId: (r.sale_id as string | null) ?? null,
    holdId: (r.hold_id as string | null) ?? null,
    couponCode: (r.coupon_code as string | null) ?? null,
    actor: String(r.actor),
    occurredAt: new Date(r.occurred_at as string),
  };
}

export async function entryById(ctx: RequestContext, id: string): Promise<LedgerEntryGql | null> {
  const rows = await ctx.em.execute<Record<string, unknown>[]>('select * from ledger_entry where id = ?', [id]);
  return rows[0] ? toEntry(rows[0]) : null;
}

/** The points log of one member, newest first (by the time things happened), keyset-paginated. */
export async function memberActivity(
  ctx: RequestContext,
  memberId: string,
  args: { first?: number | null; after?: string | null; types?: LedgerEntryType[] | null; from?: Date | null; to?: Date | null },
) {
  const { limit, afterKey } = pageArgs(args.first, args.after);
  if (afterKey !== null && (!/^\d{1,19}$/.test(afterKey) || BigInt(afterKey) > 9_223_372_036_854_775_807n)) throw new BadInputError('after is not a cursor returned by this API');
  const where = ['e.member_id = ?'];
  const params: unknown[] = [memberId];
  if (args.types?.length) {
    where.push(`e.type in (${args.types.map(() => '?').join(', ')})`);
    params.push(...args.types);
  }
  if (args.from) {
    where.push('e.occurred_at >= ?');
    params.push(args.from);
  }
  if (args.to) {
    where.push('e.occurred_at < ?');
    params.push(args.to);
  }
  const pageWhere = [...where];
  const pageParams = [...params];
  if (afterKey) {
    pageWhere.push('(e.occurred_at, e.id) < (select a.occurred_at, a.id from ledger_entry a where a.id = ?)');
    pageParams.push(afterKey);
  }
  const [rows, count] = await Promise.all([
    ctx.em.execute<Record<string, unknown>[]>(`select e.* from ledger_entry e where ${pageWhere.join(' and ')} order by e.occurred_at desc, e.id desc limit ?`, [...pageParams, limit + 1]),
    ctx.em.execute<{ n: string }[]>(`select count(*) as n from ledger_entry e where ${where.join(' and ')}`, params),
  ]);
  // Members and shoppers see who acted only as a kind (staff subjects may be e-mail addresses).
  const p = ctx.principal;
  const staff = p !== null && (p.roles.has('admin') || p.roles.has('till') || p.roles.has('service'));
  const entries = rows.map(toEntry).map((e) => (staff ? e : { ...e, actor: e.actor === p?.subject ? 'member' : publicActor(e.actor) }));
  return toConnection(entries, limit, (e) => e.id, afterKey !== null, Number(count[0]?.n ?? 0));
}

/** What a member is told about who acted: the member, a till, the system, or staff (never a staff subject). */
function publicActor(actor: string): string {
  if (actor.startsWith('member:') || actor.startsWith('till:')) return actor.split(':')[0]!;
  if (actor === 'system' || actor === 'maintenance' || actor === 'demo-seed') return actor;
  return 'staff';
}
