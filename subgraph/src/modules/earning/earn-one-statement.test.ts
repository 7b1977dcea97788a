import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, enrol, expectBooksBalanced, sale } from '../../test-support/ledger-fixtures';

/**
 * The common earn runs as one statement (`loyalty_earn`); everything else takes the general path.
 * Both must book exactly the same rows, so the general path is forced here (earn basis CASH_PAID,
 * which the one statement does not handle, gives the same points when nothing was paid with
 * points) and the books of two members compared.
 */
let svc: TestService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(q, p);
const EARN_ONLY = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { id points } duplicate userErrors { code } } }`;
/** The earn's answer without the member (whose reads would count as statements). */
const EARN_LINES = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { points status expiresAt lines { points } } userErrors { code } } }`;

beforeAll(async () => {
  svc = await startTestService();
  await sql(
    `insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values
       (gen_random_uuid(), 'BRONZE', 'Bronze', 0, 0, 100, '[]', now()),
       (gen_random_uuid(), 'SILVER', 'Silver', 1, 100, 150, '[]', now())`,
  );
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(() => svc?.stop());

/** A member's books without ids and times: entries, postings, lots, sales, wallet and tier. */
async function books(memberId: string) {
  return {
    entries: await sql(
      `select type, points, available_change, available_after, pending_after, held_after, reason, channel, actor from ledger_entry where member_id = ? order by id`,
      [memberId],
    ),
    postings: await sql(`select p.account, p.amount from ledger_posting p join ledger_entry e on e.id = p.entry_id where e.member_id = ? order by p.entry_id, p.account`, [memberId]),
    lots: await sql(`select points, remaining, status, (available_at is null) as no_available_at, (expires_at is null) as no_expiry from earning_lot where member_id = ? order by created_at`, [memberId]),
    sales: await sql(`select channel, points, currency_code, total_minor, lines, store_id, till_id, (lot_id is null) as no_lot from sale_earn where member_id = ? order by created_at`, [memberId]),
    wallet: await sql(`select available, pending, held, lifetime_earned, tier_points from wallet where member_id = ?`, [memberId]),
    tier: await sql(`select t.code from member m left join tier t on t.id = m.tier_id where m.id = ?`, [memberId]),
  };
}

async function earnSales(memberId: string, amounts: number[]) {
  const results = [];
  for (const amount of amounts) {
    const saleId = `S-${randomUUID()}`;
    const lines = amount === 0 ? [{ unitPrice: 50 }] : [{ unitPrice: amount }, { unitPrice: 99, quantity: 2 }]; // 0: a sale that earns nothing
    const res = ok(await svc.gql(EARN_LINES, { input: { idempotencyKey: randomUUID(), memberId, sale: sale(saleId, lines) } }, svc.tokens.till)).earnPoints;
    expect(res.userErrors).toEqual([]);
    results.push({ points: res.earn.points, status: res.earn.status, lines: res.earn.lines.map((l: { points: number }) => l.points), expires: Boolean(res.earn.expiresAt) });
  }
  return results;
}

describe('earnPoints in one statement', () => {
  it('takes one statement when nothing is due (by card: two, the card first)', async () => {
    const member = await enrol(svc, { cardNumber: `CARD${Date.now()}` });
    await earnSales(member, [500]); // warm the programme cache
    const input = { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 1500 }]) };
    let res: { earnPoints: { userErrors: unknown[]; earn: { points: number } } } | undefined;
    const statements = await svc.countQueries(async () => {
      res = ok(await svc.gql(EARN_ONLY, { input }, svc.tokens.till));
    });
    expect(res!.earnPoints.userErrors).toEqual([]);
    expect(res!.earnPoints.earn.points).toBe(15);
    expect(statements).toBe(1);
    // the replay of the key is the same answer, nothing booked twice
    const again = ok(await svc.gql(EARN_ONLY, { input }, svc.tokens.till)).earnPoints;
    expect(again.earn).toEqual(res!.earnPoints.earn);
    expect((await sql<{ n: string }>(`select count(*) as n from sale_earn where sale_id = ?`, [input.sale.id]))[0]!.n).toBe('1');

    const card = (await sql<{ number: string }>(`select number from loyalty_card where member_id = ?`, [member]))[0]?.number;
    expect(card).toBeTruthy();
    const byCard = { idempotencyKey: randomUUID(), cardNumber: card, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 700 }]) };
    let answer: { earnPoints: { userErrors: unknown[]; earn: { points: number } } } | undefined;
    expect(await svc.countQueries(async () => { answer = ok(await svc.gql(EARN_ONLY, { input: byCard }, svc.tokens.till)); })).toBe(2);
    expect(answer!.earnPoints).toMatchObject({ earn: { points: 7 }, userErrors: [] });
  });

  for (const pendingDays of [0, 14]) {
    it(`books the same rows as the general path (pending period ${pendingDays} days), tier upgrade included`, async () => {
      await configureProgramme(svc, { pendingDays, earnBasis: 'WHOLE_SALE' });
      const amounts = [2500, 9000, 0, 400, 12_000]; // the second sale takes the member past 100 tier points: Silver, x1.5
      const fast = await enrol(svc);
      await earnSales(await enrol(svc), [100]); // the multipliers are read, so every earn below goes in one statement
      const fastResults: Awaited<ReturnType<typeof earnSales>> = [];
      const statements: number[] = [];
      for (const amount of amounts) {
        statements.push(await svc.countQueries(async () => {
          fastResults.push(...(await earnSales(fast, [amount])));
        }));
      }
      // one statement each, but for the sale that reaches Silver: an upgrade takes the general
      // path (it dates the level, logs the change, awards the upgrade's bonus and gift)
      expect(statements.map((n, i) => (i === 1 ? n > 1 : n))).toEqual([1, true, 1, 1, 1]);
      await configureProgramme(svc, { pendingDays, earnBasis: 'CASH_PAID' });
      const general = await enrol(svc);
      const generalResults = await earnSales(general, amounts);
      await configureProgramme(svc, { pendingDays, earnBasis: 'WHOLE_SALE' });

      expect(fastResults).toEqual(generalResults);
      const a = await books(fast);
      const b = await books(general);
      expect(a.tier).toEqual([{ code: 'SILVER' }]);
      // the sale that earns nothing books no entry; the upgrade books a TIER_CHANGE
      expect(a.entries.map((e) => e.type)).toEqual(['EARN', 'EARN', 'TIER_CHANGE', 'EARN', 'EARN']);
      expect(a.sales.length).toBe(amounts.length);
      expect(a).toEqual(b);
      await expectBooksBalanced(svc);
    });
  }

  it('rolls back with LY001 and leaves nothing when no variant has the member\'s multiplier', async () => {
    const member = await enrol(svc);
    const key = randomUUID();
    const call = sql(
      `select loyalty_earn('earnPoints', 'scope', ?, 'hash', ?, '{"150": {"points": 10, "lines": [], "reason": "r", "response": {}}}'::jsonb, now(), 'test',
                           gen_random_uuid(), 'store', ?, null, 'GBP', 1000, null, null, now(), false, null, null, gen_random_uuid())`,
      [key, member, `S-${randomUUID()}`],
    );
    await expect(call).rejects.toMatchObject({ code: 'LY001' });
    expect(await sql(`select key from idempotency_record where key = ?`, [key])).toEqual([]);
    expect(await sql(`select id from sale_earn where member_id = ?`, [member])).toEqual([]);
    expect(await sql(`select available from wallet where member_id = ?`, [member])).toEqual([{ available: '0' }]);
  });

  it('earns at a tier multiplier this instance has not read yet (the general path takes it)', async () => {
    const member = await enrol(svc);
    await earnSales(member, [100]); // the instance has read the multipliers now
    await sql(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (gen_random_uuid(), 'PLATINUM', 'Platinum', 9, 1000000, 175, '[]', now())`);
    await sql(`update member set tier_id = (select id from tier where code = 'PLATINUM') where id = ?`, [member]);
    const res = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 1000 }]) } }, svc.tokens.till)).earnPoints;
    expect(res).toMatchObject({ earn: { points: 17 }, userErrors: [] }); // 10 x 1.75
    await expectBooksBalanced(svc);
  });

  it('leaves a sale already earned, and an inactive member, to the general path, which answers as before', async () => {
    const first = await enrol(svc);
    const second = await enrol(svc);
    const saleId = `S-${randomUUID()}`;
    const s = sale(saleId, [{ unitPrice: 1000 }]);
    expect(ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: first, sale: s } }, svc.tokens.till)).earnPoints.userErrors).toEqual([]);
    const dup = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: first, sale: s } }, svc.tokens.till)).earnPoints;
    expect(dup).toMatchObject({ duplicate: true, earn: { points: 10 }, userErrors: [] });
    const other = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: second, sale: s } }, svc.tokens.till)).earnPoints;
    expect(other.userErrors).toEqual([{ code: 'SALE_ALREADY_EARNED' }]);

    await sql(`update member set status = 'SUSPENDED' where id = ?`, [second]);
    const refused = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: second, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 1000 }]) } }, svc.tokens.till)).earnPoints;
    expect(refused.userErrors).toEqual([{ code: 'MEMBER_NOT_ACTIVE' }]);
    await expectBooksBalanced(svc);
  });
});
