/**
 * Paid memberships (docs/levels.md): a level bought for a fixed term with a sale at a till or
 * online. While it runs the level is the member's floor (reviews never go below it); a renewal
 * bought before the end starts when the current term ends; at the end the member goes straight
 * back to the level they earned; returning the sale's membership line refunds it and ends it then.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type RequestContext, requireRole } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import { actorOf, ledgerTransaction, Outcome } from '../ledger/ledger-transaction';
import { LedgerEntryType } from '../ledger/ledger.entities';
import { MemberLedger } from '../ledger/ledger.core';
import { loadTemplates, writeMemberMessage } from '../messaging/member-messages';
import { MEMBERSHIP_RENEWAL_REMINDER } from '../messaging/templates';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { MembershipStatus } from './membership.entity';
import { addMonths, day, describeWindow, floorAt, moveTo, qualifiedTier, qualifyingValue, qualifiesOnLifetimePoints, readLevel, refreshTier } from './tier-lifecycle';
import type { Tier } from './tier.entity';
import { loadTiers } from './tier.service';

const DAY_MS = 86_400_000;

export interface MembershipView {
  id: string;
  memberId: string;
  tierId: string;
  channel: string;
  saleId: string;
  productId: string;
  storeId: string | null;
  price: { amount: number; currencyCode: string };
  startsAt: string;
  endsAt: string;
  status: MembershipStatus;
  endedAt: string | null;
  createdAt: string;
}

export function membershipView(r: Record<string, unknown>): MembershipView {
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    id: String(r.id),
    memberId: String(r.member_id),
    tierId: String(r.tier_id),
    channel: String(r.channel),
    saleId: String(r.sale_id),
    productId: String(r.product_id),
    storeId: (r.store_id as string | null) ?? null,
    price: { amount: Number(r.price_minor), currencyCode: String(r.currency_code) },
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    status: r.status as MembershipStatus,
    endedAt: iso(r.ended_at),
    createdAt: iso(r.created_at)!,
  };
}

/** The default product id of a level's membership line: `LOYALTY-MEMBERSHIP-<code>`. */
export const membershipProductId = (tier: Pick<Tier, 'code'>) => `LOYALTY-MEMBERSHIP-${tier.code}`;

export interface PurchaseMembershipArgs {
  idempotencyKey: string;
  memberId: string;
  tierId: string;
  saleId: string;
  channel: string;
  productId?: string | null;
  price: { amount: number; currencyCode: string };
}

/**
 * Records a paid membership bought with a sale (tills for their own store, services, admins):
 * the price must be the level's, the sale id unused by another membership in the channel, the
 * member ACTIVE. A term of the same level already running is extended (the new term starts when it
 * ends); another paid level running is refused. Raises the member to the level now (with its
 * upgrade bonus and gift, once per qualification period). Idempotent by key.
 */
export async function purchaseMembership(ctx: RequestContext, args: PurchaseMembershipArgs): Promise<{ membership: MembershipView | null; userErrors: UserError[] }> {
  const principal = requireRole(ctx, ['admin', 'till', 'service']);
  const keyError = checkIdempotencyKey(args.idempotencyKey);
  if (keyError) return { membership: null, userErrors: [keyError] };
  const check = new InputChecker();
  const saleId = check.text('saleId', args.saleId, 128, { required: true, label: 'saleId' });
  const channel = check.text('channel', args.channel, 64, { required: true, label: 'channel' });
  const productId = check.text('productId', args.productId, 64, { label: 'productId' });
  if (!isUuid(args.memberId)) check.fail('memberId', 'No member has this id', ErrorCode.MEMBER_NOT_FOUND);
  const tiers = await ctx.programme.tiers(ctx.em, Date.now());
  const tier = isUuid(args.tierId) ? tiers.find((t) => t.id === args.tierId.toLowerCase()) : undefined;
  if (!tier) check.fail('tierId', 'No tier has this id');
  else if (!tier.membershipPriceMinor || !tier.membershipTermMonths) check.fail('tierId', `${tier.name} is not sold as a paid membership`);
  const settings = await ctx.loaders.settings();
  if (tier?.membershipPriceMinor && (args.price?.amount !== tier.membershipPriceMinor || args.price?.currencyCode !== settings.currencyCode)) {
    check.fail('price', `A ${tier.name} membership costs ${tier.membershipPriceMinor} ${settings.currencyCode} (minor units)`);
  }
  if (!check.ok || !tier || !saleId || !channel) return { membership: null, userErrors: check.errors };
  const storeId = principal.roles.has('till') && !principal.roles.has('admin') && !principal.roles.has('service') ? (principal.storeId ?? null) : null;
  const memberId = args.memberId.toLowerCase();
  const request = { memberId, tierId: tier.id, saleId, channel, productId, price: args.price };
  const out = await ledgerTransaction<MembershipView>(ctx, { operation: 'purchaseMembership', key: args.idempotencyKey, request }, async (em) => {
    const ledger = await MemberLedger.lock(em, memberId, actorOf(ctx));
    if (!ledger) throw new Outcome([userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])]);
    if (ledger.wallet.memberStatus !== 'ACTIVE') throw new Outcome([userError(ErrorCode.MEMBER_NOT_ACTIVE, `This membership is ${ledger.wallet.memberStatus.toLowerCase()}`, ['input', 'memberId'])]);
    await ledger.settle();
    const taken = await em.execute<{ id: string }[]>('select id from membership_purchase where channel = ? and sale_id = ?', [channel, saleId]);
    if (taken[0]) throw new Outcome([userError(ErrorCode.SALE_ALREADY_EARNED, 'This sale already paid for a membership', ['input', 'saleId'])]);
    const running = await em.execute<Record<string, unknown>[]>(
      `select tier_id, ends_at from membership_purchase where member_id = ? and status = 'ACTIVE' and ends_at > ? order by ends_at desc`,
      [memberId, ledger.now],
    );
    const other = running.find((r) => r.tier_id !== tier.id);
    if (other) {
      const name = tiers.find((t) => t.id === other.tier_id)?.name ?? 'another';
      throw new Outcome([userError(ErrorCode.INVALID_INPUT, `The member has a paid ${name} membership until ${day(new Date(other.ends_at as string))}; it must end first`, ['input', 'tierId'])]);
    }
    const startsAt = running[0] ? new Date(running[0].ends_at as string) : ledger.now;
    const endsAt = addMonths(startsAt, tier.membershipTermMonths!);
    const rows = await em.execute<Record<string, unknown>[]>(
      `insert into membership_purchase (id, member_id, tier_id, channel, sale_id, store_id, product_id, price_minor, currency_code, starts_at, ends_at, status, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?) returning *`,
      [randomUUID(), memberId, tier.id, channel, saleId, storeId, productId ?? membershipProductId(tier), tier.membershipPriceMinor, settings.currencyCode, startsAt, endsAt, ledger.now],
    );
    await refreshTier(ledger, tiers);
    const renewal = running.length > 0;
    if (ledger.wallet.tierRank === null || tier.rank > ledger.wallet.tierRank) {
      await moveTo(ledger, settings, tier, `paid ${tier.name} membership until ${day(endsAt)} (sale ${saleId})`, { award: true });
    } else {
      await ledger.note(LedgerEntryType.TIER_CHANGE, { tierId: ledger.wallet.tierId, saleId, channel, reason: `${renewal ? 'renewed' : 'paid'} ${tier.name} membership, ${day(startsAt)} to ${day(endsAt)} (sale ${saleId})` });
    }
    await ledger.save();
    return membershipView(rows[0]!);
  });
  if (out.result) ctx.loaders.memberById.clear(memberId);
  return { membership: out.result, userErrors: out.userErrors };
}

/**
 * Ends a paid membership (its term is over, or its sale was returned), in the member's ledger
 * transaction, and takes the member straight to the level they have without it: what they qualify
 * for now, a manual tier, or another paid term in force, whichever is highest. No grace: the term
 * was what they paid for.
 */
export async function endMembership(ledger: MemberLedger, settings: ProgrammeSettings, membershipId: string, status: MembershipStatus.ENDED | MembershipStatus.REFUNDED): Promise<boolean> {
  const em = ledger.em;
  const rows = await em.execute<{ tier_id: string; sale_id: string }[]>(
    `update membership_purchase set status = ?, ended_at = ? where id = ? and status = 'ACTIVE' returning tier_id, sale_id`,
    [status, ledger.now, membershipId],
  );
  if (!rows[0]) return false;
  const tiers = await loadTiers(em);
  await refreshTier(ledger, tiers);
  const paid = tiers.find((t) => t.id === rows[0]!.tier_id);
  const current = tiers.find((t) => t.id === ledger.wallet.tierId);
  if (!paid || !current || current.id !== paid.id) return true; // they are above or elsewhere: nothing to undo
  const value = await qualifyingValue(em, ledger.wallet.memberId, settings, ledger.now, qualifiesOnLifetimePoints(settings) ? ledger.wallet.tierPoints : null);
  const level = await readLevel(em, ledger.wallet.memberId, ledger.now);
  const candidates = [qualifiedTier(tiers, value), floorAt(level, tiers, ledger.now), tiers[0] ?? null].filter((t): t is Tier => t !== null);
  const target = candidates.reduce((a, b) => (b.rank > a.rank ? b : a));
  if (target.rank >= current.rank) return true;
  const why = status === MembershipStatus.REFUNDED ? `refunded (sale ${rows[0]!.sale_id} returned)` : 'ended';
  await moveTo(ledger, settings, target, `paid ${paid.name} membership ${why}: back to ${target.name} (${qualifiedTier(tiers, value)?.name ?? target.name} earned ${describeWindow(settings)})`, { award: false });
  return true;
}

/**
 * The maintenance run's part for paid memberships: ends those whose term is over (one
 * transaction per member, skipped while another holds the member) and reminds members whose term
 * ends within `paidMembershipReminderDays` and who have not renewed. Reads only ACTIVE
 * memberships by end date (`membership_purchase_active_end_index`).
 */
export async function runMembershipMaintenance(root: EntityManager, settings: ProgrammeSettings, now: Date, batch = 500): Promise<{ ended: number; reminders: number; messages: number }> {
  const report = { ended: 0, reminders: 0, messages: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await root.fork().execute<{ id: string; member_id: string }[]>(
      `select id, member_id from membership_purchase where status = 'ACTIVE' and ends_at <= ? order by ends_at limit ?`,
      [now, batch + seen.size],
    );
    const fresh = due.filter((d) => !seen.has(d.id));
    if (fresh.length === 0) break;
    for (const m of fresh) {
      seen.add(m.id);
      const ended = await root.fork().transactional(async (em) => {
        const ledger = await MemberLedger.lock(em, m.member_id, 'system', { now, skipLocked: true });
        if (!ledger) return false;
        const done = await endMembership(ledger, settings, m.id, MembershipStatus.ENDED);
        await ledger.save();
        return done;
      });
      if (ended) report.ended++;
    }
  }
  if (settings.paidMembershipReminderDays <= 0) return report;
  const horizon = new Date(now.getTime() + settings.paidMembershipReminderDays * DAY_MS);
  const tiers = await loadTiers(root.fork());
  let templates: Awaited<ReturnType<typeof loadTemplates>> | null = null;
  for (;;) {
    const due = await root.fork().execute<Record<string, unknown>[]>(
      `select p.id, p.tier_id, p.ends_at, p.member_id, m.first_name, m.email, m.phone, m.sms_opt_in
         from membership_purchase p join member m on m.id = p.member_id
        where p.status = 'ACTIVE' and p.ends_at > ? and p.ends_at <= ? and p.reminded_at is null and m.status = 'ACTIVE'
        order by p.ends_at limit ?`,
      [now, horizon, batch],
    );
    if (due.length === 0) break;
    for (const p of due) {
      const written = await root.fork().transactional(async (em) => {
        const claimed = await em.execute<{ id: string }[]>('update membership_purchase set reminded_at = ? where id = ? and reminded_at is null returning id', [now, p.id]);
        if (!claimed[0]) return null;
        // renewed already: the next term starts when this one ends
        const renewed = await em.execute<{ id: string }[]>(`select id from membership_purchase where member_id = ? and tier_id = ? and status = 'ACTIVE' and starts_at >= ?`, [p.member_id, p.tier_id, p.ends_at]);
        const tier = tiers.find((t) => t.id === p.tier_id);
        if (renewed[0] || !tier) return null;
        templates ??= await loadTemplates(em, MEMBERSHIP_RENEWAL_REMINDER);
        const endsAt = new Date(p.ends_at as string);
        return writeMemberMessage(
          em,
          templates,
          {
            kind: MEMBERSHIP_RENEWAL_REMINDER,
            dedupeKey: `membership-renewal:${String(p.id)}`,
            to: { memberId: String(p.member_id), email: (p.email as string | null) ?? null, phone: (p.phone as string | null) ?? null, smsOptIn: Boolean(p.sms_opt_in) },
            values: {
              firstName: String(p.first_name),
              tierName: tier.name,
              endsOn: day(endsAt),
              daysLeft: Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS)),
              price: formatPrice(tier.membershipPriceMinor ?? 0, settings.currencyCode),
            },
          },
          now,
        );
      });
      if (written) {
        report.reminders++;
        report.messages += Number(written.email) + Number(written.sms);
      }
    }
  }
  return report;
}

function formatPrice(minor: number, currencyCode: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currencyCode }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currencyCode}`;
  }
}

/** A member's paid memberships, newest first. */
export async function membershipsOf(em: EntityManager, memberId: string): Promise<MembershipView[]> {
  const rows = await em.execute<Record<string, unknown>[]>('select * from membership_purchase where member_id = ? order by starts_at desc, created_at desc', [memberId]);
  return rows.map(membershipView);
}

/**
 * The return flow's part: returning a sale's membership line (its product id) refunds the
 * membership bought with that sale and ends it now. In the caller's transaction, with the
 * member's ledger locked. Returns the memberships refunded.
 */
export async function refundMembershipsOfSale(
  ledger: MemberLedger,
  settings: ProgrammeSettings,
  channel: string,
  saleId: string,
  returnedProductIds: string[],
): Promise<MembershipView[]> {
  const rows = await ledger.em.execute<Record<string, unknown>[]>(
    `select * from membership_purchase where channel = ? and sale_id = ? and member_id = ? and status = 'ACTIVE'`,
    [channel, saleId, ledger.wallet.memberId],
  );
  const out: MembershipView[] = [];
  for (const r of rows.filter((m) => returnedProductIds.includes(String(m.product_id)))) {
    if (await endMembership(ledger, settings, String(r.id), MembershipStatus.REFUNDED)) out.push({ ...membershipView(r), status: MembershipStatus.REFUNDED, endedAt: ledger.now.toISOString() });
  }
  return out;
}

/** The membership bought with a sale, for the return flow to find a sale that earned nothing. */
export async function membershipBySale(em: EntityManager, channel: string, saleId: string): Promise<{ member_id: string; store_id: string | null } | null> {
  const rows = await em.execute<{ member_id: string; store_id: string | null }[]>('select member_id, store_id from membership_purchase where channel = ? and sale_id = ?', [channel, saleId]);
  return rows[0] ?? null;
}
