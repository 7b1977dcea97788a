import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, CAPTURE, configureProgramme, EARN, earn, enrol, expectBooksBalanced, HOLD, RETURN, sale, wallet } from '../../test-support/ledger-fixtures';

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
  await svc.orm.em.fork().getConnection().execute(
    `insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values
       (gen_random_uuid(), 'BRONZE', 'Bronze', 0, 0, 100, '[]', now()),
       (gen_random_uuid(), 'SILVER', 'Silver', 1, 100, 150, '[]', now())`,
  );
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await addRule(svc, 'CATEGORY_MULTIPLIER', { categoryIds: ['BEAUTY'], percent: 300 });
  await addRule(svc, 'PRODUCT_POINTS', { productIds: ['GIFT-CARD-BONUS'], pointsPerUnit: 50 });
  await addRule(svc, 'EXCLUDE', { categoryIds: ['TOBACCO'] });
  await addRule(svc, 'CHANNEL_MULTIPLIER', { channels: ['app'], percent: 200 });
});
afterAll(() => svc?.stop());

describe('earnPoints', () => {
  it('computes points on the server from the lines and the rules', async () => {
    const member = await enrol(svc);
    const input = {
      idempotencyKey: randomUUID(),
      memberId: member,
      sale: sale(`S-${randomUUID()}`, [
        { productId: 'BREAD', categoryId: 'FOOD', quantity: 3, unitPrice: 99 }, // 2.97 -> 2.97 pts
        { productId: 'LIPSTICK', categoryId: 'BEAUTY', quantity: 1, unitPrice: 1000 }, // 10 x3 = 30
        { productId: 'CIGARS', categoryId: 'TOBACCO', quantity: 1, unitPrice: 5000 }, // excluded
        { productId: 'GIFT-CARD-BONUS', categoryId: 'GIFT', quantity: 2, unitPrice: 0 }, // 2 x 50
      ]),
    };
    const res = ok(await svc.gql(EARN, { input }, svc.tokens.till)).earnPoints;
    expect(res.userErrors).toEqual([]);
    expect(res.earn.points).toBe(132); // floor(2.97 + 30 + 0 + 100)
    expect(res.earn.lines.map((l: { points: number }) => l.points).reduce((a: number, b: number) => a + b, 0)).toBe(132);
    expect(res.earn.lines[2].points).toBe(0);
    expect(res.earn.status).toBe('AVAILABLE');
    expect(res.member.wallet).toMatchObject({ available: 132, pending: 0, lifetimeEarned: 132, cashValue: { amount: 132, currencyCode: 'GBP' } });
    await expectBooksBalanced(svc);
  });

  it('previews exactly what the sale would earn without writing anything', async () => {
    const member = await enrol(svc);
    const s = sale(`S-${randomUUID()}`, [{ categoryId: 'BEAUTY', unitPrice: 2550 }], 'app');
    const preview = ok(await svc.gql(`query($s: LoyaltySaleInput!, $m: ID) { loyaltyEarnPreview(input: $s, memberId: $m) { points channelMultiplierPercent tierMultiplierPercent userErrors { code } } }`, { s, m: member }, svc.tokens.till)).loyaltyEarnPreview;
    expect(preview).toEqual({ points: 153, channelMultiplierPercent: 200, tierMultiplierPercent: 100, userErrors: [] }); // 25.5 x3 x2
    expect((await wallet(svc, member)).available).toBe(0);
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: s } }, svc.tokens.till)).earnPoints;
    expect(res.earn.points).toBe(preview.points);
  });

  it('earns at most once per (channel, sale id) and replays the same key without moving points', async () => {
    const member = await enrol(svc);
    const saleId = `S-${randomUUID()}`;
    const input = { idempotencyKey: `k-${saleId}`, memberId: member, sale: sale(saleId, [{ unitPrice: 1234 }]) };
    const first = ok(await svc.gql(EARN, { input }, svc.tokens.till)).earnPoints;
    const replay = ok(await svc.gql(EARN, { input }, svc.tokens.till)).earnPoints;
    expect(replay.earn).toEqual(first.earn);
    expect(replay.duplicate).toBe(false);
    // an offline till replaying days later with another key: the same result, nothing credited
    const offline = ok(await svc.gql(EARN, { input: { ...input, idempotencyKey: `offline-${saleId}` } }, svc.tokens.till)).earnPoints;
    expect(offline.duplicate).toBe(true);
    expect(offline.earn.points).toBe(12);
    // the same sale id in another channel is another sale
    const web = ok(await svc.gql(EARN, { input: { ...input, idempotencyKey: `web-${saleId}`, sale: { ...input.sale, channel: 'web' } } }, svc.tokens.till)).earnPoints;
    expect(web.duplicate).toBe(false);
    expect((await wallet(svc, member)).available).toBe(24);
    const reused = ok(await svc.gql(EARN, { input: { ...input, sale: { ...input.sale, lines: [{ productId: 'X', quantity: 1, unitPrice: 99999 }] } } }, svc.tokens.till)).earnPoints;
    expect(reused.userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    await expectBooksBalanced(svc);
  });

  it('moves points once when the same key is replayed concurrently', async () => {
    const member = await enrol(svc);
    const saleId = `S-${randomUUID()}`;
    const input = { idempotencyKey: `k-${saleId}`, memberId: member, sale: sale(saleId, [{ unitPrice: 5000 }]) };
    const results = await Promise.all(Array.from({ length: 12 }, () => svc.gql(EARN, { input }, svc.tokens.till)));
    for (const r of results) expect(ok(r).earnPoints.earn.points).toBe(50);
    expect((await wallet(svc, member)).available).toBe(50);
  });

  it('identifies the member by an active card', async () => {
    const member = await enrol(svc, { cardNumber: `CARD${Date.now()}` });
    const card = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { cards { number } } }`, { id: member })).loyaltyMember.cards[0].number;
    const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), cardNumber: card, sale: sale(randomUUID(), [{ unitPrice: 700 }]) } }, svc.tokens.till)).earnPoints;
    expect(res.member.id).toBe(member);
    const unknown = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), cardNumber: 'NOSUCHCARD1', sale: sale(randomUUID(), [{ unitPrice: 700 }]) } }, svc.tokens.till)).earnPoints;
    expect(unknown.userErrors[0].code).toBe('CARD_NOT_FOUND');
  });

  it('refuses bad sales with userErrors and changes nothing', async () => {
    const member = await enrol(svc);
    const bad = [
      [{ ...sale('S1', [{ unitPrice: 100 }]), currencyCode: 'EUR' }, 'CURRENCY_MISMATCH'],
      [sale('S2', [{ unitPrice: -5 }]), 'INVALID_INPUT'],
      [sale('S3', [{ unitPrice: 100, quantity: 0 }]), 'INVALID_INPUT'],
      [sale('S4', [{ unitPrice: 100, quantity: 10_001 }]), 'INVALID_INPUT'],
      [{ ...sale('S5', [{ unitPrice: 100 }]), lines: [] }, 'INVALID_INPUT'],
      [{ ...sale('S 6', [{ unitPrice: 100 }]) }, 'INVALID_INPUT'],
      [{ ...sale('S7', [{ unitPrice: 100 }]), occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'INVALID_INPUT'],
    ] as const;
    for (const [s, code] of bad) {
      const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: s } }, svc.tokens.till)).earnPoints;
      expect(res.userErrors[0]?.code, JSON.stringify(s)).toBe(code);
      expect(res.earn).toBeNull();
    }
    const fractional = await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale('S8', [{ unitPrice: 1.5 }]) } }, svc.tokens.till);
    expect(fractional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noMember = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: randomUUID(), sale: sale('S9', [{ unitPrice: 100 }]) } }, svc.tokens.till)).earnPoints;
    expect(noMember.userErrors[0].code).toBe('MEMBER_NOT_FOUND');
    expect(await wallet(svc, member)).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
    const members = ok(await svc.gql(`{ loyaltyMembers(search: "S9") { totalCount } }`)).loyaltyMembers;
    expect(members.totalCount).toBe(0);
  });

  it('refuses sales too large to earn on, instead of committing points no client could read', async () => {
    const member = await enrol(svc);
    const huge = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(randomUUID(), [{ unitPrice: 100_000_000, quantity: 10_000 }]) } }, svc.tokens.till)).earnPoints;
    expect(huge.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'sale', 'lines'] });
    const rule = await addRule(svc, 'PRODUCT_POINTS', { productIds: ['JACKPOT'], pointsPerUnit: 1_000_000 });
    try {
      const many = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(randomUUID(), [{ productId: 'JACKPOT', unitPrice: 1, quantity: 10_000 }]) } }, svc.tokens.till)).earnPoints;
      expect(many.userErrors[0].message).toMatch(/more than a wallet can hold/);
      expect((await wallet(svc, member)).available).toBe(0);
    } finally {
      ok(await svc.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { userErrors { code } } }`, { i: { id: rule, kind: 'PRODUCT_POINTS', name: 'off', args: { productIds: ['JACKPOT'], pointsPerUnit: 1_000_000 }, active: false } }));
    }
  });

  it('upgrades the tier on qualifying points and applies the new multiplier at once', async () => {
    const member = await enrol(svc);
    await earn(svc, member, 10_000); // 100 points: reaches Silver
    const after = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { tier { code } tierProgress { tierPoints nextTier { code } pointsToNextTier } } }`, { id: member })).loyaltyMember;
    expect(after.tier.code).toBe('SILVER');
    expect(after.tierProgress).toEqual({ tierPoints: 100, nextTier: null, pointsToNextTier: null });
    const next = await earn(svc, member, 1000); // 10 points x1.5
    expect(next.earn.points).toBe(15);
  });

  it('keeps points pending for the pending period', async () => {
    await configureProgramme(svc, { pendingDays: 14 });
    try {
      const member = await enrol(svc);
      const res = await earn(svc, member, 4200);
      expect(res.earn.status).toBe('PENDING');
      expect(new Date(res.earn.availableAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
      expect(await wallet(svc, member)).toMatchObject({ available: 0, pending: 42 });
      // 14 days later (moved in the database), the points are available by themselves on the next read
      await svc.orm.em.fork().getConnection().execute(`update earning_lot set available_at = now() - interval '1 second' where member_id = ?`, [member]);
      expect(await wallet(svc, member)).toMatchObject({ available: 42, pending: 0 });
      await expectBooksBalanced(svc);
    } finally {
      await configureProgramme(svc, { pendingDays: 0 });
    }
  });

  it('earns on the cash part only when the programme says so, and returns reverse what was earned', async () => {
    const m = await enrol(svc);
    await earn(svc, m, 100_000, `funds-${randomUUID()}`); // 1000 points
    const saleId = `CASH-${randomUUID()}`;
    const held = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: m, points: 1_000, saleId } }, svc.tokens.till)).holdPoints; // pays 10.00
    ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: held.hold.id } }, svc.tokens.till));
    // 40.00 at 1 point per pound, x1.5 for the Silver tier the funds reached: 60 points on the whole sale
    const lines = [{ productId: 'A', unitPrice: 2_000 }, { productId: 'B', unitPrice: 2_000 }];
    let lineA = 0;
    try {
      await configureProgramme(svc, { earnBasis: 'CASH_PAID' });
      expect(ok(await svc.gql(`{ loyaltyProgramme { earnBasis } }`, {}, svc.tokens.till)).loyaltyProgramme.earnBasis).toBe('CASH_PAID');
      const res = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(saleId, lines) } }, svc.tokens.till)).earnPoints;
      expect(res.earn.points).toBe(45); // 30.00 of 40.00 paid in cash
      const split = res.earn.lines.map((l: { points: number }) => l.points);
      expect(split[0] + split[1]).toBe(45);
      expect(Math.abs(split[0] - split[1])).toBeLessThanOrEqual(1);
      lineA = split[0];
      // a sale without points paid earns on the whole of it
      const plain = ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(`P-${randomUUID()}`, lines) } }, svc.tokens.till)).earnPoints;
      expect(plain.earn.points).toBe(60);
    } finally {
      await configureProgramme(svc, { earnBasis: 'WHOLE_SALE' });
    }
    const ret = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'A', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(ret).toMatchObject({ pointsReversed: lineA, pointsRefunded: 500, userErrors: [] });
    await expectBooksBalanced(svc);
  });

  it('is for tills, services and admins only', async () => {
    const member = await enrol(svc);
    const res = await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(randomUUID(), [{ unitPrice: 100 }]) } }, await svc.tokens.member(member));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
