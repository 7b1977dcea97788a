import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, EARN, enrol, RETURN, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';

const MOVES = 'upgrades downgrades movements { from { code } to { code } upgrade members }';
const REPORT = `query($from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket) { loyaltyLevelMovements(from: $from, to: $to, bucket: $b) {
  distributionAtEnd { tier { code } members } distributionNow { tier { code } members } buckets { start ${MOVES} } totals { ${MOVES} } userErrors { field } } }`;
const DAY = 86_400_000;

let svc: TestService;
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);

async function earn(memberId: string, amountMinor: number) {
  const id = randomUUID();
  const r = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: sale(id, [{ unitPrice: amountMinor }]) } }, svc.tokens.till));
  expect(r.earnPoints.userErrors).toEqual([]);
  return id;
}
/** Dates the member's change to level `code`. */
const dateChange = (memberId: string, code: string, at: string) =>
  sql(`update ledger_entry set occurred_at = ? where member_id = ? and type = 'TIER_CHANGE' and tier_id = (select id from tier where code = ?)`, [at, memberId, code]);

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { expiryCount: 0, expiryUnit: null, tierQualificationBasis: 'SPEND', tierQualificationWindow: 'ROLLING_MONTHS', tierQualificationMonths: 12, tierReview: 'ROLLING', tierReviewEveryDays: 30, tierDowngrade: 'ONE_LEVEL' });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  for (const [code, rank, qualificationThreshold] of [['BASE', 0, 0], ['SILVER', 1, 10_000], ['GOLD', 2, 50_000]] as const) {
    const r = ok(await svc.gql(`mutation($i: SaveLoyaltyTierInput!) { saveLoyaltyTier(input: $i) { userErrors { message } } }`, { i: { code, name: code, rank, qualificationThreshold } }));
    expect(r.saveLoyaltyTier.userErrors).toEqual([]);
  }
  const [x, y, w, z] = [await enrol(svc), await enrol(svc), await enrol(svc), await enrol(svc)];
  await earn(x, 12_000); // Base -> Silver
  await earn(x, 40_000); // Silver -> Gold
  await earn(y, 60_000); // Base -> Gold
  await returnAll(await earn(w, 12_000)); // Base -> Silver, then it all comes back
  await runMaintenance(svc.orm.em, { now: new Date(Date.now() + 31 * DAY) }); // the review: W down to Base
  // a floor at the level Y has: a TIER_CHANGE entry that is no movement
  const gold = (await sql(`select id from tier where code = 'GOLD'`))[0] as { id: string };
  const floor = ok(await svc.gql(`mutation($i: SetLoyaltyMemberTierInput!) { setLoyaltyMemberTier(input: $i) { userErrors { message } } }`, { i: { memberId: y, tierId: gold.id, reason: 'VIP', until: new Date(Date.now() + 90 * DAY).toISOString() } }));
  expect(floor.setLoyaltyMemberTier.userErrors).toEqual([]);
  await sql(`update member set enrolled_at = '2026-02-01T00:00:00Z'`);
  await sql(`update member set enrolled_at = '2026-03-04T00:00:00Z' where id = ?`, [z]);
  await dateChange(x, 'SILVER', '2026-03-02T10:00:00Z');
  await dateChange(x, 'GOLD', '2026-03-03T15:00:00Z');
  await dateChange(y, 'GOLD', '2026-03-03T10:00:00Z');
  await dateChange(w, 'SILVER', '2026-03-02T11:00:00Z');
  await dateChange(w, 'BASE', '2026-03-04T10:00:00Z');
}, 120_000);
afterAll(() => svc?.stop());

async function returnAll(saleId: string) {
  const r = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }, svc.tokens.till));
  expect(r.returnLoyaltySale.userErrors).toEqual([]);
}

const move = (from: string, to: string, members: number) => ({ from: { code: from }, to: { code: to }, upgrade: from === 'BASE' || to === 'GOLD', members });

describe('loyaltyLevelMovements', () => {
  it('counts upgrades and downgrades per day from level to level, and members by level at the end and now', async () => {
    const r = ok(await svc.gql(REPORT, { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z', b: 'DAY' })).loyaltyLevelMovements;
    expect(r.userErrors).toEqual([]);
    expect(r.buckets).toEqual([
      { start: '2026-03-01T00:00:00.000Z', upgrades: 0, downgrades: 0, movements: [] },
      { start: '2026-03-02T00:00:00.000Z', upgrades: 2, downgrades: 0, movements: [move('BASE', 'SILVER', 2)] },
      { start: '2026-03-03T00:00:00.000Z', upgrades: 2, downgrades: 0, movements: [move('BASE', 'GOLD', 1), move('SILVER', 'GOLD', 1)] },
      { start: '2026-03-04T00:00:00.000Z', upgrades: 0, downgrades: 1, movements: [{ ...move('SILVER', 'BASE', 1), upgrade: false }] },
    ]);
    expect(r.totals).toEqual({ upgrades: 4, downgrades: 1, movements: [move('BASE', 'SILVER', 2), move('BASE', 'GOLD', 1), { ...move('SILVER', 'BASE', 1), upgrade: false }, move('SILVER', 'GOLD', 1)] });
    expect(r.distributionAtEnd).toEqual([{ tier: { code: 'BASE' }, members: 2 }, { tier: { code: 'GOLD' }, members: 2 }]);
    expect(r.distributionNow).toEqual(r.distributionAtEnd);
  });

  it('gives the levels members had at an earlier end, leaving out members enrolled after it', async () => {
    const r = ok(await svc.gql(REPORT, { from: '2026-03-01T00:00:00Z', to: '2026-03-03T12:00:00Z', b: 'WEEK' })).loyaltyLevelMovements;
    // X and W at Silver (X reaches Gold at 15:00), Y at Gold since 10:00; Z enrols on 4 March
    expect(r.distributionAtEnd).toEqual([{ tier: { code: 'SILVER' }, members: 2 }, { tier: { code: 'GOLD' }, members: 1 }]);
    expect(r.buckets.map((b: { start: string; upgrades: number }) => [b.start, b.upgrades])).toEqual([['2026-02-23T00:00:00.000Z', 0], ['2026-03-02T00:00:00.000Z', 3]]);
  });

  it('refuses a bad range', async () => {
    const r = ok(await svc.gql(REPORT, { from: '2026-03-05T00:00:00Z', to: '2026-03-01T00:00:00Z' })).loyaltyLevelMovements;
    expect(r.userErrors).toEqual([{ field: ['to'] }]);
  });
});
