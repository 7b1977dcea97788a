import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../test-support/harness';
import { AnalyticsBucket, bucketStarts, type AnalyticsRange } from './buckets';
import { memberSales, type MemberSalesFigures, type SalesFilter } from './member-sales';
import { rollUpAnalytics } from './rollup';

/**
 * loyaltyMemberSales reads each sale's `member_first_sale_at` (kept by triggers) and groups in one
 * pass; this compares it, on random sales (some recorded out of order, some moved in time or to
 * another member afterwards), with a straightforward query per bucket that looks every "earlier
 * sale" up in the sales themselves.
 */

let svc: TestService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(q, p);

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse('2026-01-01T00:00:00Z');
const DAYS = 120;
const STORES = ['store-a', 'store-b', 'store-c'];
const CHANNELS = ['store', 'web'];

async function insertSale(r: () => number, memberId: string) {
  const at = new Date(START + Math.floor(r() * DAYS * 86_400_000));
  const total = 100 + Math.floor(r() * 100_000);
  const returned = r() < 0.2 ? Math.floor(r() * total) : 0;
  const channel = CHANNELS[Math.floor(r() * CHANNELS.length)]!;
  await sql(
    `insert into sale_earn (id, channel, sale_id, member_id, points, currency_code, total_minor, returned_amount_minor, lines, store_id, occurred_at, created_at)
     values (?, ?, ?, ?, 0, 'GBP', ?, ?, '[]'::jsonb, ?, ?, now())`,
    [randomUUID(), channel, randomUUID(), memberId, total, returned, channel === 'store' ? STORES[Math.floor(r() * STORES.length)] : null, at],
  );
}

/**
 * The figures of the sales in [start, end), straight from the definitions (docs/analytics.md): "before"
 * is a sale before `bucketStart` (a bucket's own start, which may precede the range's).
 */
async function reference(start: Date, end: Date, bucketStart: Date, f: SalesFilter): Promise<Omit<MemberSalesFigures, 'enrolled' | 'membersAtEnd' | 'loyaltyIndex'>> {
  const cond = `s.occurred_at >= ? and s.occurred_at < ? and (?::text is null or s.store_id = ?) and (?::text is null or s.channel = ?)`;
  const p = [start, end, f.storeId ?? null, f.storeId ?? null, f.channel ?? null, f.channel ?? null];
  const [row] = await sql<Record<string, string | null>>(
    `with s as (select * from sale_earn s where ${cond}),
          m as (select s.member_id, count(*) as n, exists (select 1 from sale_earn p where p.member_id = s.member_id and p.occurred_at < ?) as before from s group by 1)
     select (select count(*) from m) as active, (select count(*) from m where n >= 2 or before) as repeat, (select count(*) from s) as sales,
            (select coalesce(sum(total_minor - returned_amount_minor), 0) from s) as value, (select coalesce(sum(returned_amount_minor), 0) from s) as returned,
            (select coalesce(sum(total_minor - returned_amount_minor), 0) from s where exists (select 1 from sale_earn p where p.member_id = s.member_id and p.occurred_at < s.occurred_at)) as returning`,
    [...p, bucketStart],
  );
  const active = Number(row!.active);
  const repeat = Number(row!.repeat);
  const value = Number(row!.value);
  const returning = Number(row!.returning);
  return {
    activeMembers: active, repeatMembers: repeat, salesCount: Number(row!.sales), salesValue: value, returnedValue: Number(row!.returned),
    returningSalesValue: returning, repeatRate: active > 0 ? repeat / active : null, returningSalesShare: value > 0 ? returning / value : null,
  };
}

const pick = ({ enrolled: _e, membersAtEnd: _m, loyaltyIndex: _l, ...rest }: MemberSalesFigures) => rest;

beforeAll(async () => {
  svc = await startTestService();
  const r = rng(14);
  const members = Array.from({ length: 12 }, () => randomUUID());
  for (let i = 0; i < 150; i++) await insertSale(r, members[Math.floor(r() * members.length)]!);
  // moved afterwards: a sale's time (earlier and later), a sale to another member
  const some = await sql<{ id: string }>('select id from sale_earn order by id limit 12');
  for (const [i, { id }] of some.entries()) {
    if (i % 3 === 2) await sql('update sale_earn set member_id = ? where id = ?', [members[i % members.length], id]);
    else await sql(`update sale_earn set occurred_at = occurred_at + make_interval(days => ?) where id = ?`, [i % 3 === 0 ? -40 : 25, id]);
  }
  // recorded late: sales earlier than their member's first so far
  for (let i = 0; i < 10; i++) await insertSale(() => r() * 0.3, members[i]!);
}, 120_000);
afterAll(() => svc?.stop());

describe('loyaltyMemberSales against a straightforward query', () => {
  it('keeps every sale\'s member_first_sale_at equal to the member\'s earliest sale', async () => {
    const wrong = await sql(`select s.id from sale_earn s where s.member_first_sale_at <> (select min(p.occurred_at) from sale_earn p where p.member_id = s.member_id)`);
    expect(wrong).toEqual([]);
  });

  it('answers the same figures for random ranges, buckets, time zones and filters', async () => {
    const r = rng(2026);
    const zones = ['UTC', 'Europe/London', 'Asia/Tokyo', 'America/New_York'];
    const buckets = [AnalyticsBucket.DAY, AnalyticsBucket.WEEK, AnalyticsBucket.MONTH];
    for (let q = 0; q < 12; q++) {
      const from = new Date(START + Math.floor(r() * 90) * 86_400_000 + Math.floor(r() * 24) * 3_600_000);
      const to = new Date(from.getTime() + (1 + Math.floor(r() * 50)) * 86_400_000);
      const a: AnalyticsRange = { from, to, bucket: buckets[q % 3]!, timeZone: zones[Math.floor(r() * zones.length)]! };
      const f: SalesFilter = q % 4 === 1 ? { storeId: STORES[q % 3] } : q % 4 === 2 ? { channel: 'web' } : q % 4 === 3 ? { storeId: 'store-a', channel: 'store' } : {};
      const em = svc.orm.em.fork();
      const got = await memberSales(em, a, f);
      const starts = await bucketStarts(em, a);
      const want = [];
      for (const [i, s] of starts.entries()) {
        const end = starts[i + 1] ?? to;
        want.push(await reference(s < from ? from : s, end, s, f).then((x) => ({ ...x, start: s })));
      }
      const label = JSON.stringify({ a, f });
      expect(got.buckets.map(({ start, ...x }) => ({ ...pick(x), start })), label).toEqual(want);
      expect(pick(got.totals), label).toEqual(await reference(from, to, from, f));
    }
  });
});

/**
 * The loyalty index's base (members enrolled by a bucket's end) reads the enrolment rollup plus
 * the members written since; this compares it with a count of the member table, before any
 * rollup, rolled up, and after members are enrolled in the past, moved in time or deleted since.
 */
describe('members at end and enrolments against a count of the members', () => {
  async function enrol(r: () => number, n: number) {
    for (let i = 0; i < n; i++) {
      const at = new Date(START - 10 * 86_400_000 + Math.floor(r() * (DAYS + 20) * 86_400_000));
      await sql(`insert into member (id, first_name, last_name, enrolled_at, enrollment_source) values (?, 'Ref', 'Member', ?, ?)`, [randomUUID(), at, r() < 0.5 ? `store:${STORES[Math.floor(r() * STORES.length)]}` : null]);
    }
  }

  async function compare(r: () => number) {
    const zones = ['UTC', 'Europe/London', 'Asia/Kolkata', 'America/New_York'];
    const buckets = [AnalyticsBucket.DAY, AnalyticsBucket.WEEK, AnalyticsBucket.MONTH];
    for (let q = 0; q < 8; q++) {
      const from = new Date(START + Math.floor(r() * 90) * 86_400_000 + Math.floor(r() * 48) * 1_800_000);
      const to = new Date(from.getTime() + (1 + Math.floor(r() * 50)) * 86_400_000);
      const a: AnalyticsRange = { from, to, bucket: buckets[q % 3]!, timeZone: zones[Math.floor(r() * zones.length)]! };
      const f: SalesFilter = q % 2 === 1 ? { storeId: STORES[q % 3] } : {};
      const em = svc.orm.em.fork();
      const got = await memberSales(em, a, f);
      const starts = await bucketStarts(em, a);
      const count = async (cond: string, p: unknown[]) => Number((await sql<{ n: string }>(`select count(*) as n from member where ${cond}`, p))[0]!.n);
      const source = f.storeId ? `store:${f.storeId}` : null;
      const want = [];
      for (const [i, s] of starts.entries()) {
        const end = starts[i + 1] ?? to;
        want.push({
          start: s,
          membersAtEnd: await count('enrolled_at < ?', [end]),
          enrolled: await count('enrolled_at >= ? and enrolled_at < ? and (?::text is null or enrollment_source = ?)', [s < from ? from : s, end, source, source]),
        });
      }
      const label = JSON.stringify({ a, f });
      expect(got.buckets.map(({ start, membersAtEnd, enrolled }) => ({ start, membersAtEnd, enrolled })), label).toEqual(want);
      expect({ m: got.totals.membersAtEnd, e: got.totals.enrolled }, label).toEqual({
        m: await count('enrolled_at < ?', [to]),
        e: await count('enrolled_at >= ? and enrolled_at < ? and (?::text is null or enrollment_source = ?)', [from, to, source, source]),
      });
    }
  }

  it('answers the same before any rollup, rolled up, and with members changed since', async () => {
    const r = rng(1414);
    await enrol(r, 60);
    await compare(r); // nothing rolled up: the member table alone
    expect((await rollUpAnalytics(svc.orm.em)).members).toBeGreaterThanOrEqual(60);
    const [{ n }] = await sql<{ n: string }>('select count(*) as n from analytics_enrolment_hour');
    expect(Number(n)).toBeGreaterThan(0);
    await compare(r); // rolled up
    // since the run: enrolled in the past, moved in time (rolled-up members and new ones), deleted
    await enrol(r, 20);
    const some = await sql<{ id: string }>(`select id from member where first_name = 'Ref' order by id limit 16`);
    for (const [i, { id }] of some.entries()) {
      if (i % 4 === 3) await sql('delete from member where id = ?', [id]);
      else await sql('update member set enrolled_at = enrolled_at + make_interval(days => ?, mins => ?) where id = ?', [i % 2 === 0 ? -30 : 17, i * 7, id]);
    }
    await compare(r);
    await rollUpAnalytics(svc.orm.em);
    await compare(r);
    // changed again after the run, and rolled up twice with nothing new
    for (const { id } of some.slice(0, 6)) await sql(`update member set enrolled_at = enrolled_at - interval '3 hours' where id = ? `, [id]);
    await compare(r);
    await rollUpAnalytics(svc.orm.em);
    await rollUpAnalytics(svc.orm.em);
    await compare(r);
    const [{ off }] = await sql<{ off: string }>(
      `select count(*) as off from (select date_trunc('hour', enrolled_at at time zone 'UTC') at time zone 'UTC' as hour, count(*) as n from member group by 1) m
        full join analytics_enrolment_hour r using (hour) where coalesce(m.n, 0) <> coalesce(r.members, 0)`,
    );
    expect(Number(off)).toBe(0);
  }, 120_000);
});
