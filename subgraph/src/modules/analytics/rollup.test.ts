import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { configureProgramme, enrol } from '../../test-support/ledger-fixtures';
import { AnalyticsBucket } from './buckets';
import { pointsFlow } from './points-flow';
import { PROGRAMME_ACCOUNTS, rollUpAnalytics } from './rollup';

/**
 * The hourly rollup answers what the journal answers: random journal entries (some rolled up,
 * some not yet, some written while a rollup ran), random ranges, buckets and time zones.
 */

const FLOW = `query($from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket, $tz: String) { loyaltyPointsFlow(from: $from, to: $to, bucket: $b, timeZone: $tz) {
  buckets { start issued bonus redeemed expired returned adjusted intoCoupons outstandingAtEnd } openingOutstanding userErrors { message } } }`;

let svc: TestService;
let member: string;
const sql = <T = unknown[]>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p) as Promise<T>;
const DAY = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00Z');

/** A journal entry of `amount` on a programme account at `at`, balanced on the member (what the books need, not a real operation). */
function entrySql(at: Date, account: string, amount: number): [string, unknown[]] {
  return [
    `with e as (insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after, actor, occurred_at)
       values (?, 'ADJUST', ?, ?, 0, 0, 0, 'test', ?) returning id)
     insert into ledger_posting (entry_id, member_id, account, amount) select e.id, ?::uuid, v.a, v.n from e, (values (?, ?::bigint), ('member.available', ?::bigint)) v(a, n)`,
    [member, -amount, -amount, at, member, account, amount, -amount],
  ];
}

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  member = await enrol(svc);
}, 120_000);
afterAll(() => svc?.stop());

describe('analytics rollup', () => {
  it('counts an entry whose transaction was open while a rollup ran, once', async () => {
    const at = new Date('2026-02-10T12:30:00Z');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const open = svc.orm.em.fork().transactional(async (em) => {
      const [q, p] = entrySql(at, PROGRAMME_ACCOUNTS[0]!, -70);
      await em.execute(q, p);
      written();
      await gate;
    });
    await wrote;
    // a later transaction commits first, with a later entry id
    const [q, p] = entrySql(at, PROGRAMME_ACCOUNTS[0]!, -5);
    await sql(q, p);
    await rollUpAnalytics(svc.orm.em);
    release();
    await open;
    await rollUpAnalytics(svc.orm.em);
    const [row] = await sql<{ amount: string }[]>(`select amount from analytics_points_hour where hour = '2026-02-10T12:00:00Z' and account = ?`, [PROGRAMME_ACCOUNTS[0]]);
    expect(Number(row!.amount)).toBe(-75);
    const f = ok(await svc.gql(FLOW, { from: '2026-02-10T00:00:00Z', to: '2026-02-11T00:00:00Z', b: 'DAY' })).loyaltyPointsFlow;
    expect(f.buckets[0].issued).toBe(75);
  });

  it('answers as the journal does, whatever is rolled up', async () => {
    const zones = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata'];
    const buckets = [AnalyticsBucket.DAY, AnalyticsBucket.WEEK, AnalyticsBucket.MONTH];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 150 }), minute: fc.integer({ min: 0, max: 1439 }), account: fc.constantFrom(...PROGRAMME_ACCOUNTS), amount: fc.integer({ min: -500, max: 500 }) }), { maxLength: 25 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 140 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...buckets),
        fc.constantFrom(...zones),
        async (entries, rollUp, fromDay, days, bucket, timeZone) => {
          for (const e of entries) {
            const [q, p] = entrySql(new Date(BASE + e.day * DAY + e.minute * 60_000), e.account, e.amount);
            await sql(q, p);
          }
          if (rollUp) await rollUpAnalytics(svc.orm.em);
          // local midnight to local midnight: whole UTC hours in every zone here but Kolkata
          const [{ from, to }] = await sql<{ from: Date; to: Date }[]>(
            `select ((?::timestamptz at time zone 'UTC')::timestamp at time zone ?) as from, ((?::timestamptz at time zone 'UTC')::timestamp at time zone ?) as to`,
            [new Date(BASE + fromDay * DAY), timeZone, new Date(BASE + (fromDay + days) * DAY), timeZone],
          );
          const f = ok(await svc.gql(FLOW, { from: new Date(from).toISOString(), to: new Date(to).toISOString(), b: bucket, tz: timeZone })).loyaltyPointsFlow;
          const live = await pointsFlow(svc.orm.em.fork(), { from: new Date(from), to: new Date(to), bucket, timeZone }, { live: true });
          expect(f.openingOutstanding).toBe(live.opening);
          expect(f.buckets).toEqual(live.buckets.map((b) => ({ ...b, start: b.start.toISOString() })));
        },
      ),
      { numRuns: 40 },
    );
    const [{ n }] = await sql<{ n: string }[]>('select count(*) as n from analytics_points_hour');
    expect(Number(n)).toBeGreaterThan(0);
  }, 120_000);
});
