import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { pageArgs, toConnection } from '../../common/pagination';
import type { LedgerEntryType } from './ledger.entities';
import type { LedgerEntryGql } from './wallet.type';
import { uuids } from './wallet.loaders';
import { preparedRows } from '../../db/prepared';

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
    tierId: (r.tier_id as string | null) ?? null,
    campaignId: (r.campaign_id as string | null) ?? null,
    actor: String(r.actor),
    occurredAt: new Date(r.occurred_at as string),
  };
}

export async function entryById(ctx: RequestContext, id: string): Promise<LedgerEntryGql | null> {
  const rows = await ctx.em.execute<Record<string, unknown>[]>('select * from ledger_entry where id = ?', [id]);
  return rows[0] ? toEntry(rows[0]) : null;
}

/** One page of the points log as asked for: the same for every member of a batch. */
export interface ActivityQuery {
  limit: number;
  /** The entry id of the `after` cursor. */
  afterKey: string | null;
  types: LedgerEntryType[] | null;
  from: Date | null;
  to: Date | null;
}

/** A member's page of entries (up to `limit + 1`, newest first) and how many entries match in all. */
export interface ActivityPage {
  rows: Record<string, unknown>[];
  totalCount: number;
}

const ENTRY_COLUMNS = 'id, member_id, type, points, available_change, available_after, pending_after, held_after, reason, channel, sale_id, hold_id, coupon_code, tier_id, campaign_id, actor, occurred_at';

/**
 * The page `q` of the points log of each of `memberIds`, with each member's total, in one
 * statement (a lateral page and count per member), whatever the number of members.
 */
export async function activityPages(em: EntityManager, memberIds: readonly string[], q: ActivityQuery): Promise<Map<string, ActivityPage>> {
  // $1 the members, $2 the page size, then the filters: a few shapes of text, each prepared once
  const params: unknown[] = [uuids(memberIds), q.limit + 1];
  const at = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (q.types?.length) where.push(`e.type = any(${at(q.types)}::text[])`);
  if (q.from) where.push(`e.occurred_at >= ${at(q.from)}`);
  if (q.to) where.push(`e.occurred_at < ${at(q.to)}`);
  const filter = where.map((w) => ` and ${w}`).join('');
  const keyset = q.afterKey ? ` and (e.occurred_at, e.id) < (select a.occurred_at, a.id from ledger_entry a where a.id = ${at(q.afterKey)}::bigint)` : '';
  const rows = await preparedRows<Record<string, unknown>>(
    em,
    `select k.member_id as for_member, c.n as total_count, p.*
       from unnest($1::uuid[]) as k(member_id)
       cross join lateral (select count(*) as n from ledger_entry e where e.member_id = k.member_id${filter}) c
       left join lateral (
         select ${ENTRY_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')} from ledger_entry e
          where e.member_id = k.member_id${filter}${keyset}
          order by e.occurred_at desc, e.id desc
          limit $2) p on true
      order by k.member_id, p.occurred_at desc, p.id desc`,
    params,
  );
  const pages = new Map<string, ActivityPage>();
  for (const r of rows) {
    const memberId = String(r.for_member);
    let page = pages.get(memberId);
    if (!page) pages.set(memberId, (page = { rows: [], totalCount: Number(r.total_count) }));
    if (r.id !== null && r.id !== undefined) page.rows.push(r);
  }
  return pages;
}

/** Checks the arguments of `activity` and turns them into the page to read. */
export function activityQuery(args: { first?: number | null; after?: string | null; types?: LedgerEntryType[] | null; from?: Date | null; to?: Date | null }): ActivityQuery {
  const { limit, afterKey } = pageArgs(args.first, args.after);
  if (afterKey !== null && (!/^\d{1,19}$/.test(afterKey) || BigInt(afterKey) > 9_223_372_036_854_775_807n)) throw new BadInputError('after is not a cursor returned by this API');
  return { limit, afterKey, types: args.types?.length ? args.types : null, from: args.from ?? null, to: args.to ?? null };
}

/**
 * The points log of one member, newest first (by the time things happened), keyset-paginated.
 * Batched: every member of a request asking for the same page shares one statement. Whatever is
 * due is settled first (through the wallet read), so the log and the wallet agree.
 */
export async function memberActivity(
  ctx: RequestContext,
  memberId: string,
  args: { first?: number | null; after?: string | null; types?: LedgerEntryType[] | null; from?: Date | null; to?: Date | null },
) {
  const q = activityQuery(args);
  await ctx.loaders.walletByMemberId.load(memberId);
  const page = await ctx.loaders.activityPage.load({ memberId, ...q });
  // Members and shoppers see who acted only as a kind (staff subjects may be e-mail addresses).
  const p = ctx.principal;
  const staff = p !== null && (p.roles.has('admin') || p.roles.has('till') || p.roles.has('service'));
  const entries = page.rows.map(toEntry).map((e) => (staff ? e : { ...e, actor: e.actor === p?.subject ? 'member' : publicActor(e.actor) }));
  return toConnection(entries, q.limit, (e) => e.id, q.afterKey !== null, page.totalCount);
}

/** What a member is told about who acted: the member, a till, the system, or staff (never a staff subject). */
function publicActor(actor: string): string {
  if (actor.startsWith('member:') || actor.startsWith('till:')) return actor.split(':')[0]!;
  if (actor === 'system' || actor === 'maintenance' || actor === 'demo-seed') return actor;
  return 'staff';
}
