import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, CAPTURE, configureProgramme, enrol, expectBooksBalanced, HOLD, sale, wallet } from '../../test-support/ledger-fixtures';

/**
 * Level discounts (issue 12, point 3), black-box over GraphQL: set by admins per tier, quoted for a
 * member, applied by earnPoints (points on the discounted prices, the discount recorded with the
 * sale) and reversed consistently by returnLoyaltySale.
 */
let svc: TestService;
let gold: string;
let bronze: string;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(q, p);

const SET = `mutation($i: SetLoyaltyTierDiscountsInput!) {
  setLoyaltyTierDiscounts(input: $i) { tier { code } discounts { id kind name args position summary } userErrors { code message field } }
}`;
const QUOTE = `query($s: LoyaltySaleInput!, $m: ID) {
  loyaltySaleQuote(input: $s, memberId: $m) {
    currencyCode points tierMultiplierPercent tier { code }
    subtotal { amount currencyCode } discountTotal { amount } total { amount }
    lines { index productId quantity unitPrice { amount } discountedUnitPrice { amount } lineTotal { amount } discount { amount } lineTotalAfterDiscount { amount } points
            discountReason { tierName ruleName percent text } }
    userErrors { code message field }
  }
}`;
const EARN = `mutation($input: EarnPointsInput!) {
  earnPoints(input: $input) {
    earn { id points total { amount } discount { amount currencyCode } lines { productId quantity points unitPrice { amount } discount { amount } discountReason { tierName ruleName percent text } } }
    duplicate userErrors { code message }
  }
}`;
const RETURN = `mutation($input: ReturnLoyaltySaleInput!) {
  returnLoyaltySale(input: $input) { pointsReversed pointsRefunded returnedAmount { amount } levelDiscountReturned { amount } userErrors { code message } }
}`;

async function setDiscounts(tierId: string, rules: unknown[], token: string | null = svc.tokens.admin) {
  return svc.gql(SET, { i: { tierId, rules } }, token);
}

async function memberIn(tierId: string): Promise<string> {
  const m = await enrol(svc);
  await sql('update member set tier_id = ? where id = ?', [tierId, m]);
  return m;
}

const BASKET = [
  { productId: 'LIPSTICK', categoryId: 'beauty', quantity: 2, unitPrice: 1299 }, // 10% off: 1.30 a unit
  { productId: 'BREAD', categoryId: 'bakery', quantity: 1, unitPrice: 145 }, // no discount
];

beforeAll(async () => {
  svc = await startTestService();
  gold = randomUUID();
  bronze = randomUUID();
  await sql(
    `insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values
       (?, 'BRONZE', 'Bronze', 0, 0, 100, '[]', now()),
       (?, 'GOLD', 'Gold', 1, 1000000, 150, '[]', now())`,
    [bronze, gold],
  );
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  const res = ok(await setDiscounts(gold, [{ kind: 'CATEGORY_PERCENT', name: 'Beauty', args: { categoryIds: ['beauty'], percent: 10 } }])).setLoyaltyTierDiscounts;
  expect(res.userErrors).toEqual([]);
});
afterAll(() => svc?.stop());

describe('setLoyaltyTierDiscounts and LoyaltyTier.discounts', () => {
  it("replaces a level's rules and shows them on the tier", async () => {
    const tiers = ok(await svc.gql(`{ loyaltyTiers { code discounts { kind name args position summary } } }`, {}, svc.tokens.till)).loyaltyTiers;
    expect(tiers).toEqual([
      { code: 'BRONZE', discounts: [] },
      { code: 'GOLD', discounts: [{ kind: 'CATEGORY_PERCENT', name: 'Beauty', args: { categoryIds: ['beauty'], productIds: [], percent: 10 }, position: 0, summary: '10% off beauty' }] },
    ]);
    // a member sees their level's benefits too
    const m = await memberIn(gold);
    const own = ok(await svc.gql(`{ loyaltyMe { tier { code discounts { name } } } }`, {}, await svc.tokens.member(m))).loyaltyMe;
    expect(own.tier).toEqual({ code: 'GOLD', discounts: [{ name: 'Beauty' }] });
  });

  it('refuses bad rules with the field at fault, and writes nothing', async () => {
    const cases: [unknown[], string[], RegExp][] = [
      [[{ kind: 'FREE_LUNCH', name: 'x', args: {} }], ['input', 'rules', '0', 'kind'], /Unknown discount kind; one of CATEGORY_PERCENT, PRODUCT_PERCENT/],
      [[{ kind: 'CATEGORY_PERCENT', name: 'x', args: { categoryIds: ['a'], percent: 0 } }], ['input', 'rules', '0', 'args'], /percent must be an integer from 1 to 100, got 0/],
      [[{ kind: 'CATEGORY_PERCENT', name: 'x', args: { categoryIds: ['a'], percent: 101 } }], ['input', 'rules', '0', 'args'], /percent must be an integer from 1 to 100, got 101/],
      [[{ kind: 'CATEGORY_PERCENT', name: 'x', args: { percent: 10 } }], ['input', 'rules', '0', 'args'], /categoryIds must be a list of 1 to 1000 ids/],
      [[{ kind: 'PRODUCT_PERCENT', name: 'x', args: { productIds: ['p'], percent: 10, categoryIds: ['c'] } }], ['input', 'rules', '0', 'args'], /unknown argument "categoryIds"/],
      [[{ kind: 'PRODUCT_PERCENT', name: ' ', args: { productIds: ['p'], percent: 10 } }], ['input', 'rules', '0', 'name'], /name is required/],
      [Array.from({ length: 51 }, () => ({ kind: 'PRODUCT_PERCENT', name: 'x', args: { productIds: ['p'], percent: 1 } })), ['input', 'rules'], /at most 50/],
    ];
    for (const [rules, field, message] of cases) {
      const res = ok(await setDiscounts(gold, rules)).setLoyaltyTierDiscounts;
      expect(res.discounts).toEqual([]);
      expect(res.userErrors).toEqual([{ code: 'INVALID_INPUT', field, message: expect.stringMatching(message) }]);
    }
    const valid = [{ kind: 'PRODUCT_PERCENT', name: 'x', args: { productIds: ['p'], percent: 5 } }];
    expect(ok(await setDiscounts('not-a-tier', valid)).setLoyaltyTierDiscounts.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'tierId'], message: 'tierId must be the id of a tier' }]);
    expect(ok(await setDiscounts(randomUUID(), valid)).setLoyaltyTierDiscounts.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'tierId'], message: 'No tier has this id' }]);
    // Gold still has exactly its one rule
    const rows = await sql<{ name: string }>('select name from tier_discount_rule where tier_id = ?', [gold]);
    expect(rows.map((r) => r.name)).toEqual(['Beauty']);
  });

  it('is for admins only: tills, members and shoppers are refused', async () => {
    const m = await memberIn(gold);
    const rules = [{ kind: 'PRODUCT_PERCENT', name: 'Mine', args: { productIds: ['LIPSTICK'], percent: 100 } }];
    for (const token of [svc.tokens.till, svc.tokens.service, await svc.tokens.member(m), await svc.tokens.customer('cust-discounts')]) {
      const res = await setDiscounts(gold, rules, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await setDiscounts(gold, rules, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const q = await svc.gql(QUOTE, { s: sale('Q-x', BASKET), m }, await svc.tokens.member(m));
    expect(q.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sql('select 1 from tier_discount_rule where name = ?', ['Mine'])).length).toBe(0);
  });
});

describe('loyaltySaleQuote', () => {
  it("quotes a Gold member's category discount per line with its reason, the totals and the points on the discounted prices", async () => {
    const m = await memberIn(gold);
    const q = ok(await svc.gql(QUOTE, { s: sale('Q-1', BASKET), m }, svc.tokens.till)).loyaltySaleQuote;
    expect(q.userErrors).toEqual([]);
    expect(q.tier).toEqual({ code: 'GOLD' });
    expect(q.lines).toEqual([
      {
        index: 0, productId: 'LIPSTICK', quantity: 2, unitPrice: { amount: 1299 }, discountedUnitPrice: { amount: 1169 }, lineTotal: { amount: 2598 },
        discount: { amount: 260 }, lineTotalAfterDiscount: { amount: 2338 }, points: expect.any(Number),
        discountReason: { tierName: 'Gold', ruleName: 'Beauty', percent: 10, text: 'Gold 10% off (Beauty)' },
      },
      { index: 1, productId: 'BREAD', quantity: 1, unitPrice: { amount: 145 }, discountedUnitPrice: { amount: 145 }, lineTotal: { amount: 145 }, discount: { amount: 0 }, lineTotalAfterDiscount: { amount: 145 }, points: expect.any(Number), discountReason: null },
    ]);
    expect(q.subtotal).toEqual({ amount: 2743, currencyCode: 'GBP' });
    expect(q.discountTotal).toEqual({ amount: 260 });
    expect(q.total).toEqual({ amount: 2483 });
    // 24.83 points at 150%: 37 (on the undiscounted 27.43 it would be 41)
    expect(q.tierMultiplierPercent).toBe(150);
    expect(q.points).toBe(37);
    expect(q.lines[0].points + q.lines[1].points).toBe(37);
    // the earn preview agrees
    const preview = ok(await svc.gql(`query($s: LoyaltySaleInput!, $m: ID) { loyaltyEarnPreview(input: $s, memberId: $m) { points eligibleAmount } }`, { s: sale('Q-1', BASKET), m }, svc.tokens.till)).loyaltyEarnPreview;
    expect(preview).toEqual({ points: 37, eligibleAmount: 2483 });
  });

  it('gives no discounts without a member, to a member of a level without discounts, and refuses an unknown member', async () => {
    for (const m of [null, await memberIn(bronze), await enrol(svc)]) {
      const q = ok(await svc.gql(QUOTE, { s: sale('Q-2', BASKET), m }, svc.tokens.admin)).loyaltySaleQuote;
      expect(q.userErrors).toEqual([]);
      expect(q.discountTotal.amount).toBe(0);
      expect(q.total.amount).toBe(2743);
      expect(q.lines.map((l: { discountReason: unknown; discount: { amount: number } }) => [l.discount.amount, l.discountReason])).toEqual([[0, null], [0, null]]);
      expect(q.points).toBe(27);
    }
    const unknown = ok(await svc.gql(QUOTE, { s: sale('Q-3', BASKET), m: randomUUID() }, svc.tokens.till)).loyaltySaleQuote;
    expect(unknown.userErrors).toEqual([{ code: 'MEMBER_NOT_FOUND', message: 'No member has this id', field: ['memberId'] }]);
    expect(unknown.discountTotal.amount).toBe(0);
    const bad = ok(await svc.gql(QUOTE, { s: { ...sale('Q-4', BASKET), currencyCode: 'EUR' }, m: null }, svc.tokens.till)).loyaltySaleQuote;
    expect(bad.userErrors).toEqual([expect.objectContaining({ code: 'CURRENCY_MISMATCH', field: ['input', 'currencyCode'] })]);
  });
});

describe('earnPoints and returnLoyaltySale with a level discount', () => {
  it('earns on the discounted prices, records the discount with the sale, and a return reverses both consistently', async () => {
    const m = await memberIn(gold);
    ok(await svc.gql(`mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), memberId: m, points: 5000, reason: 'test' } }));
    const saleId = `S-${randomUUID()}`;
    const quote = ok(await svc.gql(QUOTE, { s: sale(saleId, BASKET), m }, svc.tokens.till)).loyaltySaleQuote;
    // the till takes 1000 points (10.00) against the discounted total, the rest in cash
    const held = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 1000, saleId, saleTotal: { amount: quote.total.amount, currencyCode: 'GBP' } } }, svc.tokens.till)).holdPoints;
    expect(held.userErrors).toEqual([]);
    expect(ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: held.hold.id } }, svc.tokens.till)).capturePointsHold.userErrors).toEqual([]);

    const input = { idempotencyKey: `earn-${saleId}`, memberId: m, sale: sale(saleId, BASKET) };
    const res = ok(await svc.gql(EARN, { input }, svc.tokens.till)).earnPoints;
    expect(res.userErrors).toEqual([]);
    expect(res.earn.points).toBe(quote.points);
    expect(res.earn.total).toEqual({ amount: 2483 });
    expect(res.earn.discount).toEqual({ amount: 260, currencyCode: 'GBP' });
    expect(res.earn.lines).toEqual([
      { productId: 'LIPSTICK', quantity: 2, points: quote.lines[0].points, unitPrice: { amount: 1169 }, discount: { amount: 260 }, discountReason: { tierName: 'Gold', ruleName: 'Beauty', percent: 10, text: 'Gold 10% off (Beauty)' } },
      { productId: 'BREAD', quantity: 1, points: quote.lines[1].points, unitPrice: { amount: 145 }, discount: { amount: 0 }, discountReason: null },
    ]);
    const [row] = await sql<{ total_minor: string; discount_minor: string; points: string }>('select total_minor, discount_minor, points from sale_earn where sale_id = ?', [saleId]);
    expect(row).toEqual({ total_minor: '2483', discount_minor: '260', points: String(quote.points) });
    expect(await wallet(svc, m)).toMatchObject({ available: 5000 - 1000 + 37 });

    // once: the same key replays the first answer, another key is a duplicate; nothing more is credited
    expect(ok(await svc.gql(EARN, { input }, svc.tokens.till)).earnPoints.earn).toEqual(res.earn);
    const again = ok(await svc.gql(EARN, { input: { ...input, idempotencyKey: randomUUID() } }, svc.tokens.till)).earnPoints;
    expect(again.duplicate).toBe(true);
    expect(again.earn.discount.amount).toBe(260);
    expect((await wallet(svc, m)).available).toBe(4037);

    // a lipstick back: its points from the line (on the discounted price), its money at 11.69
    const back1 = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'LIPSTICK', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(back1.userErrors).toEqual([]);
    expect(back1.returnedAmount).toEqual({ amount: 1169 });
    expect(back1.levelDiscountReturned).toEqual({ amount: 130 });
    expect(back1.pointsReversed).toBe(Math.floor(quote.lines[0].points / 2));
    // redeemed points given back for the share of the money paid: 1000 x 11.69 / 24.83
    expect(back1.pointsRefunded).toBe(Math.floor((1000 * 1169) / 2483));
    // the rest: everything reversed and refunded, exactly
    const back2 = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'LIPSTICK', quantity: 1 }, { productId: 'BREAD', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(back2.returnedAmount).toEqual({ amount: 1169 + 145 });
    expect(back2.levelDiscountReturned).toEqual({ amount: 130 });
    expect(back1.pointsReversed + back2.pointsReversed).toBe(37);
    expect(back1.pointsRefunded + back2.pointsRefunded).toBe(1000);
    const [after] = await sql<{ returned_amount_minor: string; returned_points: string; refunded_points: string }>('select returned_amount_minor, returned_points, refunded_points from sale_earn where sale_id = ?', [saleId]);
    expect(after).toEqual({ returned_amount_minor: '2483', returned_points: '37', refunded_points: '1000' });
    expect((await wallet(svc, m)).available).toBe(5000);
    await expectBooksBalanced(svc);
  });

  it('applies product rules, the most generous rule per line, and categories narrowed to chosen products', async () => {
    const platinum = randomUUID();
    await sql(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (?, 'PLATINUM', 'Platinum', 2, 2000000, 100, '[]', now())`, [platinum]);
    const saved = ok(
      await setDiscounts(platinum, [
        { kind: 'CATEGORY_PERCENT', name: 'Beauty', args: { categoryIds: ['beauty'], percent: 10 } },
        { kind: 'PRODUCT_PERCENT', name: 'Lipstick week', args: { productIds: ['LIPSTICK', 'HEADPHONES'], percent: 15 } },
        { kind: 'CATEGORY_PERCENT', name: 'Jeans', args: { categoryIds: ['clothing'], productIds: ['JEANS'], percent: 25 } },
      ]),
    ).setLoyaltyTierDiscounts;
    expect(saved.userErrors).toEqual([]);
    expect(saved.tier).toEqual({ code: 'PLATINUM' });
    expect(saved.discounts.map((d: { position: number; summary: string }) => [d.position, d.summary])).toEqual([[0, '10% off beauty'], [1, '15% off LIPSTICK, HEADPHONES'], [2, '25% off JEANS in clothing']]);
    const m = await memberIn(platinum);
    const lines = [
      { productId: 'LIPSTICK', categoryId: 'beauty', quantity: 1, unitPrice: 1000 }, // 15% (product) beats 10% (category)
      { productId: 'MASCARA', categoryId: 'beauty', quantity: 1, unitPrice: 1000 }, // 10%
      { productId: 'HEADPHONES', categoryId: 'electronics', quantity: 1, unitPrice: 12999 }, // 15% whatever the category: 19.50 (half up)
      { productId: 'JEANS', categoryId: 'clothing', quantity: 3, unitPrice: 4500 }, // 25%
      { productId: 'SOCKS', categoryId: 'clothing', quantity: 1, unitPrice: 899 }, // not a chosen product
      { productId: 'JEANS', categoryId: 'outlet', quantity: 1, unitPrice: 3000 }, // not in the chosen category
    ];
    const q = ok(await svc.gql(QUOTE, { s: sale('Q-5', lines), m }, svc.tokens.till)).loyaltySaleQuote;
    expect(q.lines.map((l: { discount: { amount: number }; discountReason: { ruleName: string } | null }) => [l.discount.amount, l.discountReason?.ruleName ?? null])).toEqual([
      [150, 'Lipstick week'],
      [100, 'Beauty'],
      [1950, 'Lipstick week'],
      [3375, 'Jeans'],
      [0, null],
      [0, null],
    ]);
    expect(q.discountTotal.amount).toBe(150 + 100 + 1950 + 3375);
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(`S-${randomUUID()}`, lines) } }, svc.tokens.till)).earnPoints;
    expect(res.earn.discount.amount).toBe(q.discountTotal.amount);
    expect(res.earn.points).toBe(q.points);
    // an empty list takes the level's discounts away
    expect(ok(await setDiscounts(platinum, [])).setLoyaltyTierDiscounts.discounts).toEqual([]);
    const none = ok(await svc.gql(QUOTE, { s: sale('Q-6', lines), m }, svc.tokens.till)).loyaltySaleQuote;
    expect(none.discountTotal.amount).toBe(0);
  });

  it('earns as before for a member of a level without discounts, and by card for a member with them', async () => {
    const plain = await memberIn(bronze);
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: plain, sale: sale(`S-${randomUUID()}`, BASKET) } }, svc.tokens.till)).earnPoints;
    expect(res.earn.discount.amount).toBe(0);
    expect(res.earn.total.amount).toBe(2743);
    expect(res.earn.points).toBe(27);
    // a sale no level discounts still goes in one statement
    const other = await memberIn(bronze);
    const bread = sale(`S-${randomUUID()}`, [{ productId: 'BREAD', categoryId: 'bakery', unitPrice: 500 }]);
    await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: other, sale: sale(`S-${randomUUID()}`, [{ productId: 'BREAD', categoryId: 'bakery', unitPrice: 100 }]) } }, svc.tokens.till);
    const statements = await svc.recordQueries(() => svc.gql(`mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { points } userErrors { code } } }`, { input: { idempotencyKey: randomUUID(), memberId: other, sale: bread } }, svc.tokens.till));
    expect(statements.filter((s) => /loyalty_earn/.test(s))).toHaveLength(1);

    const card = `DISC${Date.now()}`;
    const byCard = await enrol(svc, { cardNumber: card });
    await sql('update member set tier_id = ? where id = ?', [gold, byCard]);
    const viaCard = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), cardNumber: card, sale: sale(`S-${randomUUID()}`, BASKET) } }, svc.tokens.till)).earnPoints;
    expect(viaCard.userErrors).toEqual([]);
    expect(viaCard.earn.discount.amount).toBe(260);
    expect(viaCard.earn.points).toBe(37);
    await expectBooksBalanced(svc);
  });
});
