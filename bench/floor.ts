/**
 * The floor: the database work of one operation as one SQL transaction through a plain `pg.Pool`,
 * no HTTP, no GraphQL, no ORM. The statements are the service's own (copied from ledger.core,
 * earning.service, hold.service and idempotency, with `?` turned into `$n`), in the same order;
 * the pure domain code the service runs inside its transaction (rule evaluation, request hashing,
 * expiry dates) is called as is. What the floor leaves out is everything the service does around
 * the transaction: HTTP, JWT verification, GraphQL, the ORM, and the reads it makes per request
 * outside the transaction (programme settings, earning rules, member checks).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { calculateEarn, type EarnCalculation, type EarnRule } from '../subgraph/src/modules/earning/earn-calculator';
import { requestHash } from '../subgraph/src/modules/idempotency/idempotency';
import { expiryFor } from '../subgraph/src/modules/programme/programme.service';
import { ExpiryUnit } from '../subgraph/src/modules/programme/programme-settings.entity';
import { HOLD_POINTS, HOLD_TTL_SECONDS, pick, randomSale } from './documents';
import { Latencies, type LatencySummary } from './histogram';
import type { Scenario } from './options';

/** `?` placeholders (knex style, as in the service) to `$1..$n`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The floor's idempotency records belong to one caller, as a till's do in the service. */
const SCOPE = 'bench-floor';
const CLAIM = numbered(`insert into idempotency_record (operation, scope, key, request_hash, created_at) values (?, ?, ?, ?, now())
     on conflict (operation, scope, key) do nothing returning key`);
const STORE = numbered(`update idempotency_record set response = ?::jsonb where operation = ? and scope = ? and key = ?`);
const LOCK = numbered(`select w.member_id, w.available, w.pending, w.held, w.lifetime_earned, w.tier_points,
              m.status as member_status, m.tier_id, t.rank as tier_rank, coalesce(t.earn_multiplier_percent, 100) as tier_multiplier,
              (exists (select 1 from points_hold h where h.member_id = w.member_id and h.status = 'ACTIVE' and h.expires_at <= ?)
               or exists (select 1 from earning_lot l where l.member_id = w.member_id and l.status = 'PENDING' and l.available_at <= ?)
               or exists (select 1 from earning_lot l where l.member_id = w.member_id and l.status = 'AVAILABLE' and l.remaining > 0 and l.expires_at <= ?)) as due
         from wallet w join member m on m.id = w.member_id left join tier t on t.id = m.tier_id
        where w.member_id = ?
        for update of w`);
const POST_2 = numbered(`with e as (
         insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after,
                                   reason, channel, sale_id, hold_id, coupon_code, actor, occurred_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id)
       insert into ledger_posting (entry_id, member_id, account, amount)
       select e.id, v.member_id, v.account, v.amount from e, (values (?::uuid, ?, ?::bigint), (?::uuid, ?, ?::bigint)) as v(member_id, account, amount)
       returning entry_id`);
const INSERT_SALE = numbered(`insert into sale_earn (id, channel, sale_id, member_id, points, currency_code, total_minor, lines, store_id, till_id, occurred_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (channel, sale_id) do nothing returning *`);
const INSERT_LOT = numbered(`insert into earning_lot (id, member_id, entry_id, points, remaining, status, available_at, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const SET_LOT = numbered('update sale_earn set lot_id = ? where id = ?');
const BEST_TIER = numbered('select id, rank from tier where qualification_threshold <= ? order by rank desc limit 1');
const SET_TIER = numbered('update member set tier_id = ? where id = ?');
const SAVE_WALLET = numbered(`update wallet set available = ?, pending = ?, held = ?, lifetime_earned = ?, tier_points = ?, updated_at = ? where member_id = ?`);
const LOTS = numbered(`select id, remaining from earning_lot
        where member_id = ? and status = 'AVAILABLE' and remaining > 0
        order by (id = any(?::uuid[])) desc, expires_at asc nulls last, created_at asc, id asc`);
const adjustLots = (n: number) =>
  numbered(`update earning_lot l set remaining = l.remaining + v.delta
         from (values ${Array.from({ length: n }, () => '(?::uuid, ?::bigint)').join(', ')}) as v(id, delta)
        where l.id = v.id`);
const INSERT_HOLD = numbered(`insert into points_hold (id, member_id, points, cash_value_minor, currency_code, status, sale_id, channel, store_id, till_id, allocations, expires_at, created_at)
         values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?::jsonb, ?, ?) returning *`);
const HOLD_OWNER = numbered('select member_id from points_hold where id = ?');
const HOLD_ROW = numbered('select * from points_hold where id = ?');
const CAPTURE = numbered(`update points_hold set status = 'CAPTURED', captured_points = ?, captured_cash_minor = ?, resolved_at = ? where id = ? returning *`);

const ACTOR = 'till:store-001/till-01';
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** What the floor needs to know of the programme, read once (the service reads it per request). */
export interface FloorProgramme {
  rules: EarnRule[];
  settings: { currencyCode: string; redeemPoints: number; redeemAmountMinor: number; expiryUnit: ExpiryUnit | null; expiryCount: number | null; expiryToMonthEnd: boolean };
}

export async function loadFloorProgramme(pool: pg.Pool): Promise<FloorProgramme> {
  const rules = (await pool.query(`select id, kind, args, name from earning_rule where active order by position, created_at`)).rows as EarnRule[];
  const s = (await pool.query('select * from programme_settings where id = 1')).rows[0];
  return {
    rules,
    settings: {
      currencyCode: s.currency_code, redeemPoints: s.redeem_points, redeemAmountMinor: s.redeem_amount_minor,
      expiryUnit: s.expiry_unit, expiryCount: s.expiry_count, expiryToMonthEnd: s.expiry_to_month_end,
    },
  };
}

async function transaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await body(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

async function claim(client: pg.PoolClient, operation: string, key: string, request: unknown): Promise<void> {
  const claimed = await client.query(CLAIM, [operation, SCOPE, key, requestHash(request)]);
  if (!claimed.rowCount) throw new Error(`idempotency key ${key} already used`);
}

async function lock(client: pg.PoolClient, memberId: string, now: Date) {
  const w = (await client.query(LOCK, [now, now, now, memberId])).rows[0];
  if (!w) throw new Error(`no wallet for ${memberId}`);
  // The service would settle here; the bench keeps anything from falling due, so it never has to.
  if (w.due) throw new Error(`member ${memberId} has something due: the floor does not settle`);
  if (w.member_status !== 'ACTIVE') throw new Error(`member ${memberId} is ${w.member_status}`);
  return {
    available: num(w.available), pending: num(w.pending), held: num(w.held), lifetime: num(w.lifetime_earned), tierPoints: num(w.tier_points),
    tierRank: w.tier_rank === null ? null : num(w.tier_rank), multiplier: num(w.tier_multiplier),
  };
}

function describeEarn(calc: EarnCalculation): string {
  const parts = [`${calc.points} points`];
  if (calc.channelMultiplierPercent !== 100) parts.push(`channel x${calc.channelMultiplierPercent}%`);
  if (calc.tierMultiplierPercent !== 100) parts.push(`tier x${calc.tierMultiplierPercent}%`);
  if (calc.belowMinimumSpend) parts.push('below minimum spend');
  return parts.join(', ');
}

/** earnPoints' transaction: claim the key, lock the wallet, record the sale, post, create the lot, raise the tier, save, store the response. */
export function earnOnce(pool: pg.Pool, programme: FloorProgramme, memberId: string): Promise<void> {
  const input = randomSale();
  const key = `earn-${input.id}`;
  const now = new Date();
  const totalMinor = input.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const sale = { ...input, occurredAt: now, totalMinor };
  return transaction(pool, async (client) => {
    await claim(client, 'earnPoints', key, { memberId, sale: { ...sale, occurredAt: null } });
    const w = await lock(client, memberId, now);
    const calc = calculateEarn({ channel: sale.channel, currencyCode: sale.currencyCode, lines: sale.lines }, programme.rules, w.multiplier);
    const saleEarnId = randomUUID();
    const lines = sale.lines.map((l, i) => ({ ...l, points: calc.lines[i]!.points, returnedQuantity: 0, returnedPoints: 0 }));
    const inserted = await client.query(INSERT_SALE, [saleEarnId, sale.channel, sale.id, memberId, calc.points, sale.currencyCode, totalMinor, JSON.stringify(lines), sale.storeId, sale.tillId, now, now]);
    if (!inserted.rows[0]) throw new Error(`sale ${sale.id} already earned`);
    const expiresAt = expiryFor(programme.settings, now);
    if (calc.points > 0) {
      const before = w.available;
      w.available += calc.points;
      const entry = await client.query(POST_2, [
        memberId, 'EARN', calc.points, calc.points, w.available, w.pending, w.held, describeEarn(calc), sale.channel, sale.id, null, null, ACTOR, now,
        memberId, 'programme.issued', -calc.points, memberId, 'member.available', calc.points,
      ]);
      const lotId = randomUUID();
      const debt = Math.max(0, -before);
      await client.query(INSERT_LOT, [lotId, memberId, entry.rows[0].entry_id, calc.points, Math.max(0, calc.points - debt), 'AVAILABLE', null, expiresAt, now]);
      await client.query(SET_LOT, [lotId, saleEarnId]);
      w.lifetime += calc.points;
      w.tierPoints += calc.points;
      const best = (await client.query(BEST_TIER, [w.tierPoints])).rows[0];
      if (best && (w.tierRank === null || Number(best.rank) > w.tierRank)) await client.query(SET_TIER, [best.id, memberId]);
    }
    await client.query(SAVE_WALLET, [w.available, w.pending, w.held, w.lifetime, w.tierPoints, now, memberId]);
    const result = {
      saleEarnId, memberId, saleId: sale.id, channel: sale.channel, points: calc.points, status: 'AVAILABLE', availableAt: null,
      expiresAt: calc.points > 0 && expiresAt ? expiresAt.toISOString() : null, duplicate: false,
      lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, points: l.points })),
    };
    await client.query(STORE, [JSON.stringify(result), 'earnPoints', SCOPE, key]);
  });
}

function snapshot(row: Record<string, any>) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id, memberId: row.member_id, points: Number(row.points), cashValue: { amount: Number(row.cash_value_minor), currencyCode: row.currency_code },
    status: row.status, saleId: row.sale_id, tillId: row.till_id, storeId: row.store_id, expiresAt: iso(row.expires_at), createdAt: iso(row.created_at),
    capturedPoints: row.captured_points === null ? null : Number(row.captured_points),
    capturedCash: row.captured_cash_minor === null ? null : { amount: Number(row.captured_cash_minor), currencyCode: row.currency_code },
    resolvedAt: iso(row.resolved_at),
  };
}

/** holdPoints' transaction: claim, lock, take lots first-in-first-out, post available -> held, insert the hold, save, store. Returns the hold id. */
export function holdOnce(pool: pg.Pool, programme: FloorProgramme, memberId: string): Promise<string> {
  const id0 = randomUUID();
  const args = { memberId, points: HOLD_POINTS, saleId: `S-${id0}`, channel: 'store', ttlSeconds: HOLD_TTL_SECONDS };
  const key = `hold-${id0}`;
  const now = new Date();
  const cashMinor = Math.floor((HOLD_POINTS * programme.settings.redeemAmountMinor) / programme.settings.redeemPoints);
  return transaction(pool, async (client) => {
    await claim(client, 'holdPoints', key, args);
    const w = await lock(client, memberId, now);
    if (w.available < HOLD_POINTS) throw new Error(`only ${w.available} points available`);
    const lots = (await client.query(LOTS, [memberId, '{}'])).rows as { id: string; remaining: string }[];
    const taken: { lotId: string; points: number }[] = [];
    let left = HOLD_POINTS;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(left, Number(lot.remaining));
      taken.push({ lotId: lot.id, points: take });
      left -= take;
    }
    if (taken.length) await client.query(adjustLots(taken.length), taken.flatMap((a) => [a.lotId, -a.points]));
    const holdId = randomUUID();
    w.available -= HOLD_POINTS;
    w.held += HOLD_POINTS;
    await client.query(POST_2, [
      memberId, 'HOLD', 0, -HOLD_POINTS, w.available, w.pending, w.held, null, args.channel, args.saleId, holdId, null, ACTOR, now,
      memberId, 'member.available', -HOLD_POINTS, memberId, 'member.held', HOLD_POINTS,
    ]);
    const rows = (await client.query(INSERT_HOLD, [
      holdId, memberId, HOLD_POINTS, cashMinor, programme.settings.currencyCode, args.saleId, args.channel, 'store-001', 'till-01',
      JSON.stringify(taken), new Date(now.getTime() + HOLD_TTL_SECONDS * 1000), now,
    ])).rows;
    await client.query(SAVE_WALLET, [w.available, w.pending, w.held, w.lifetime, w.tierPoints, now, memberId]);
    await client.query(STORE, [JSON.stringify(snapshot(rows[0])), 'holdPoints', SCOPE, key]);
    return holdId;
  });
}

/** capturePointsHold's transaction (full capture): claim, find the hold's member, lock, read the hold, post held -> redeemed, mark captured, save, store. */
export function captureOnce(pool: pg.Pool, holdId: string): Promise<void> {
  const key = `capture-${holdId}`;
  const now = new Date();
  return transaction(pool, async (client) => {
    await claim(client, 'capturePointsHold', key, { holdId, points: null });
    const owner = (await client.query(HOLD_OWNER, [holdId])).rows[0];
    if (!owner) throw new Error(`no hold ${holdId}`);
    const w = await lock(client, owner.member_id, now);
    const hold = (await client.query(HOLD_ROW, [holdId])).rows[0];
    if (hold.status !== 'ACTIVE') throw new Error(`hold ${holdId} is ${hold.status}`);
    const held = Number(hold.points);
    w.held -= held;
    await client.query(POST_2, [
      owner.member_id, 'HOLD_CAPTURE', -held, 0, w.available, w.pending, w.held, null, hold.channel, hold.sale_id, hold.id, null, ACTOR, now,
      owner.member_id, 'member.held', -held, owner.member_id, 'programme.redeemed', held,
    ]);
    const rows = (await client.query(CAPTURE, [held, Number(hold.cash_value_minor), now, hold.id])).rows;
    await client.query(SAVE_WALLET, [w.available, w.pending, w.held, w.lifetime, w.tierPoints, now, owner.member_id]);
    await client.query(STORE, [JSON.stringify(snapshot(rows[0])), 'capturePointsHold', SCOPE, key]);
  });
}

export interface FloorResult {
  ops: number;
  requests: number;
  seconds: number;
  latency: LatencySummary;
  histogram: string;
  failures: number;
  failureSamples: string[];
}

/** One way of doing the operations: the floor's plain pg, or the service's layers (diagnostics). */
export interface Driver {
  earn(memberId: string): Promise<void>;
  /** Returns the hold's id. */
  hold(memberId: string): Promise<string>;
  capture(holdId: string): Promise<void>;
}

export function floorDriver(pool: pg.Pool, programme: FloorProgramme): Driver {
  return {
    earn: (memberId) => earnOnce(pool, programme, memberId),
    hold: (memberId) => holdOnce(pool, programme, memberId),
    capture: (holdId) => captureOnce(pool, holdId),
  };
}

/**
 * `concurrency` async workers, each running operations back to back until `seconds` have passed.
 * Latency is per transaction (hold and capture separately), like the service's per HTTP request.
 */
export async function runDriver(driver: Driver, scenario: Scenario, concurrency: number, seconds: number, memberIds: string[]): Promise<FloorResult> {
  const latencies = new Latencies();
  let ops = 0;
  let failures = 0;
  const failureSamples: string[] = [];
  const timed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      latencies.recordMs(performance.now() - t0);
    }
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        try {
          if (scenario === 'earn') {
            await timed(() => driver.earn(pick(memberIds)));
          } else {
            const holdId = await timed(() => driver.hold(pick(memberIds)));
            await timed(() => driver.capture(holdId));
          }
          ops++;
        } catch (err) {
          failures++;
          if (failureSamples.length < 5) failureSamples.push(`${scenario}: ${(err as Error).message}`);
        }
      }
    }),
  );
  return { ops, requests: latencies.count, seconds: (performance.now() - started) / 1000, latency: latencies.summary(), histogram: latencies.encode(), failures, failureSamples };
}
