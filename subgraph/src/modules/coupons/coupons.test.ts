import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, EARN, earn, enrol, expectBooksBalanced, RETURN, sale, wallet } from '../../test-support/ledger-fixtures';
import { formatCouponCode } from './coupon-code';

let svc: TestService;
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

const COUPON_FIELDS = 'coupon { code displayCode barcodePayload kind status title value { amount currencyCode } percent productId pointsSpent expiresAt redeemedSaleId } userErrors { code message field }';
const GIFT = `mutation($i: IssueLoyaltyGiftItemInput!) { issueLoyaltyGiftItem(input: $i) { ${COUPON_FIELDS} } }`;
const CONVERT = `mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { ${COUPON_FIELDS} } }`;
const REDEEM = `mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { ${COUPON_FIELDS} } }`;
const VOID = `mutation($i: VoidLoyaltyCouponInput!) { voidLoyaltyCoupon(input: $i) { ${COUPON_FIELDS} } }`;
const VALIDATE = `query($c: String!, $m: ID) { validateLoyaltyCoupon(code: $c, memberId: $m) { valid reason message coupon { code status } } }`;
const SAVE_REWARD = `mutation($i: SaveLoyaltyRewardInput!) { saveLoyaltyReward(input: $i) { reward { id stock } userErrors { code message field } } }`;

let silverRank = 1;

async function reward(over: Record<string, unknown> = {}): Promise<string> {
  const res = ok(await svc.gql(SAVE_REWARD, { i: { kind: 'GIFT_ITEM', name: 'Tote bag', productId: 'tote-bag', pointsCost: 300, ...over } })).saveLoyaltyReward;
  expect(res.userErrors).toEqual([]);
  return res.reward.id;
}

async function memberWith(points: number): Promise<string> {
  const m = await enrol(svc);
  if (points) await earn(svc, m, points * 100);
  return m;
}

async function stockOf(id: string): Promise<number | null> {
  return (await sql('select stock from reward where id = ?', [id]))[0].stock;
}

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { minRedeemPoints: 100, couponValidityDays: 30 });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await sql(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values
    (gen_random_uuid(), 'BRONZE', 'Bronze', 0, 0, 100, '[]', now()), (gen_random_uuid(), 'SILVER', 'Silver', ?, 5000, 100, '[]', now())`, [silverRank]);
});
afterAll(() => svc?.stop());

describe('from points to a gift coupon to the till', () => {
  it('keeps the ledger and the stock right at every step', async () => {
    const m = await memberWith(1000);
    const bag = await reward({ stock: 5 });
    const gift = ok(await svc.gql(GIFT, { i: { idempotencyKey: 'gift-1', memberId: m, rewardId: bag } }, svc.tokens.till)).issueLoyaltyGiftItem;
    expect(gift.userErrors).toEqual([]);
    expect(gift.coupon).toMatchObject({ kind: 'GIFT_ITEM', status: 'ACTIVE', title: 'Tote bag', productId: 'tote-bag', pointsSpent: 300, value: null });
    expect(gift.coupon.displayCode).toBe(formatCouponCode(gift.coupon.code));
    expect(gift.coupon.barcodePayload).toBe(`LC:${gift.coupon.code}`);
    expect((await wallet(svc, m)).available).toBe(700);
    expect(await stockOf(bag)).toBe(4);
    // a replay issues nothing more
    const again = ok(await svc.gql(GIFT, { i: { idempotencyKey: 'gift-1', memberId: m, rewardId: bag } }, svc.tokens.till)).issueLoyaltyGiftItem;
    expect(again.coupon.code).toBe(gift.coupon.code);
    expect((await wallet(svc, m)).available).toBe(700);
    expect(await stockOf(bag)).toBe(4);
    // the till scans the barcode and validates it live
    const valid = ok(await svc.gql(VALIDATE, { c: gift.coupon.barcodePayload, m }, svc.tokens.till)).validateLoyaltyCoupon;
    expect(valid).toMatchObject({ valid: true, reason: null });
    const used = ok(await svc.gql(REDEEM, { i: { idempotencyKey: 'use-1', code: gift.coupon.displayCode.toLowerCase(), saleId: 'TILL-SALE-1', memberId: m } }, svc.tokens.till)).redeemLoyaltyCoupon;
    expect(used.coupon).toMatchObject({ status: 'REDEEMED', redeemedSaleId: 'TILL-SALE-1' });
    const coupons = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { coupons { code status } active: coupons(status: ACTIVE) { code } } }`, { id: m })).loyaltyMember;
    expect(coupons).toEqual({ coupons: [{ code: gift.coupon.code, status: 'REDEEMED' }], active: [] });
    expect((await wallet(svc, m)).available).toBe(700);
    await expectBooksBalanced(svc);
  });

  it('turns points into a cash voucher at the conversion rate, with a minimum', async () => {
    const m = await memberWith(500);
    const v = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 250 } }, await svc.tokens.member(m))).convertPointsToCoupon;
    expect(v.coupon).toMatchObject({ kind: 'CASH_VOUCHER', value: { amount: 250, currencyCode: 'GBP' }, pointsSpent: 250, title: '2.50 GBP voucher' });
    expect(new Date(v.coupon.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const small = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 99 } })).convertPointsToCoupon;
    expect(small.userErrors[0].code).toBe('BELOW_MINIMUM_POINTS');
    const tooMuch = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 251 } })).convertPointsToCoupon;
    expect(tooMuch.userErrors[0].code).toBe('INSUFFICIENT_POINTS');
    const forSomeoneElse = await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: await enrol(svc), points: 100 } }, await svc.tokens.member(m));
    expect(forSomeoneElse.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await wallet(svc, m)).available).toBe(250);
    const log = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(types: [COUPON_ISSUE]) { nodes { points couponCode } } } }`, { id: m })).loyaltyMember.activity.nodes;
    expect(log).toEqual([{ points: -250, couponCode: v.coupon.code }]);
  });
});

describe('validation at the till', () => {
  it('gives each kind of bad code its own ErrorCode', async () => {
    const m = await memberWith(1000);
    const other = await enrol(svc);
    const make = async () => ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code as string;
    const [fresh, toExpire, toUse, toVoid] = [await make(), await make(), await make(), await make()];
    await sql(`update coupon set expires_at = now() - interval '1 minute' where code = ?`, [toExpire]);
    ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code: toUse, saleId: 'S-USED' } }, svc.tokens.till));
    ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code: toVoid } }));
    const typo = fresh.slice(0, 3) + (fresh[3] === 'A' ? 'B' : 'A') + fresh.slice(4);
    const cases: [string, string | null, string][] = [
      [typo, m, 'COUPON_MALFORMED'],
      ['hello', m, 'COUPON_MALFORMED'],
      ['0000-0000-0000', m, 'COUPON_NOT_FOUND'],
      [toExpire, m, 'COUPON_EXPIRED'],
      [fresh, other, 'COUPON_WRONG_MEMBER'],
      [toUse, m, 'COUPON_ALREADY_REDEEMED'],
      [toVoid, m, 'COUPON_VOIDED'],
    ];
    for (const [code, member, reason] of cases) {
      const r = ok(await svc.gql(VALIDATE, { c: code, m: member }, svc.tokens.till)).validateLoyaltyCoupon;
      expect({ code, valid: r.valid, reason: r.reason }).toEqual({ code, valid: false, reason });
      expect(r.message).toBeTruthy();
      if (reason !== 'COUPON_MALFORMED' && reason !== 'COUPON_NOT_FOUND') {
        const redeem = ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code, saleId: 'S-X', memberId: member } }, svc.tokens.till)).redeemLoyaltyCoupon;
        expect(redeem.userErrors[0].code, code).toBe(reason);
      }
    }
    expect(ok(await svc.gql(VALIDATE, { c: fresh, m }, svc.tokens.till)).validateLoyaltyCoupon.valid).toBe(true);
    // a member checking someone else's code learns nothing
    const snoop = ok(await svc.gql(VALIDATE, { c: fresh, m: null }, await svc.tokens.member(other))).validateLoyaltyCoupon;
    expect(snoop).toMatchObject({ valid: false, reason: 'COUPON_NOT_FOUND', coupon: null });
  });

  it('lets exactly one of two tills redeeming one code at once win', async () => {
    const m = await memberWith(200);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 200 } })).convertPointsToCoupon.coupon.code;
    const tills = await Promise.all([1, 2].map((n) => svc.sign(`till:store-001/till-0${n}`, { roles: ['till'], storeId: 'store-001', tillId: `till-0${n}` })));
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code, saleId: `RACE-${i}` } }, tills[i % 2])));
    const results = attempts.map((r) => ok(r).redeemLoyaltyCoupon);
    expect(results.filter((r) => r.coupon).length).toBe(1);
    expect(results.filter((r) => !r.coupon).map((r) => r.userErrors[0].code)).toEqual(Array(9).fill('COUPON_ALREADY_REDEEMED'));
  });
});

describe('the reward catalogue', () => {
  it('never oversells stock or overspends points when many claim at once', async () => {
    const members = await Promise.all(Array.from({ length: 6 }, () => memberWith(700)));
    const mug = await reward({ name: 'Mug', productId: 'mug', pointsCost: 300, stock: 4 });
    // 6 members x 3 attempts each: each can afford 2, the stock is 4
    const attempts = members.flatMap((m) => [1, 2, 3].map(() => svc.gql(GIFT, { i: { idempotencyKey: randomUUID(), memberId: m, rewardId: mug } }, svc.tokens.till)));
    const results = (await Promise.all(attempts)).map((r) => ok(r).issueLoyaltyGiftItem);
    const issued = results.filter((r) => r.coupon);
    expect(issued.length).toBe(4);
    for (const r of results.filter((x) => !x.coupon)) expect(['OUT_OF_STOCK', 'INSUFFICIENT_POINTS']).toContain(r.userErrors[0].code);
    expect(await stockOf(mug)).toBe(0);
    for (const m of members) expect((await wallet(svc, m)).available).toBeGreaterThanOrEqual(100);
    const spent = (await Promise.all(members.map((m) => wallet(svc, m)))).reduce((s, w) => s + (700 - w.available), 0);
    expect(spent).toBe(4 * 300);
    await expectBooksBalanced(svc);
  });

  it('refuses below tier, over the per-member limit, and out of window, spending nothing', async () => {
    const m = await memberWith(2000);
    const vip = await reward({ name: 'VIP lounge pass', productId: 'lounge', pointsCost: 100, minTierRank: silverRank });
    const once = await reward({ name: 'Welcome gift', productId: 'welcome', pointsCost: 100, perMemberLimit: 1 });
    const later = await reward({ name: 'Summer gift', productId: 'summer', pointsCost: 100, validFrom: new Date(Date.now() + 86_400_000).toISOString() });
    const claim = async (rewardId: string) => ok(await svc.gql(GIFT, { i: { idempotencyKey: randomUUID(), memberId: m, rewardId } })).issueLoyaltyGiftItem;
    expect((await claim(vip)).userErrors[0].code).toBe('TIER_TOO_LOW');
    expect((await claim(once)).userErrors).toEqual([]);
    expect((await claim(once)).userErrors[0].code).toBe('REWARD_LIMIT_REACHED');
    expect((await claim(later)).userErrors[0].code).toBe('REWARD_NOT_AVAILABLE');
    expect((await claim(randomUUID())).userErrors[0].code).toBe('REWARD_NOT_FOUND');
    expect((await wallet(svc, m)).available).toBe(1900);
    const list = ok(await svc.gql(`query($m: ID) { loyaltyRewards(memberId: $m) { id availability { affordable allowed reason } } }`, { m }, svc.tokens.till)).loyaltyRewards;
    const byId = new Map(list.map((r: { id: string }) => [r.id, r]));
    expect((byId.get(vip) as any).availability).toEqual({ affordable: true, allowed: false, reason: 'TIER_TOO_LOW' });
    expect((byId.get(once) as any).availability).toEqual({ affordable: true, allowed: false, reason: 'REWARD_LIMIT_REACHED' });
    expect(byId.has(later)).toBe(false);
    const mine = ok(await svc.gql(`{ loyaltyRewards { id availability { affordable } } }`, {}, await svc.tokens.member(m))).loyaltyRewards;
    expect(mine.every((r: { availability: unknown }) => r.availability !== null)).toBe(true);
  });

  it('validates catalogue entries', async () => {
    const bad = ok(await svc.gql(SAVE_REWARD, { i: { kind: 'GIFT_ITEM', name: '', pointsCost: 0, stock: -1 } })).saveLoyaltyReward;
    expect(bad.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.name', 'input.pointsCost', 'input.productId', 'input.stock']);
    const voucher = ok(await svc.gql(SAVE_REWARD, { i: { kind: 'CASH_VOUCHER', name: '£5 voucher', pointsCost: 450, voucherValue: { amount: 500, currencyCode: 'GBP' } } })).saveLoyaltyReward;
    expect(voucher.userErrors).toEqual([]);
    const m = await memberWith(450);
    const claimed = ok(await svc.gql(`mutation($i: ClaimLoyaltyVoucherInput!) { claimLoyaltyVoucher(input: $i) { ${COUPON_FIELDS} } }`, { i: { idempotencyKey: randomUUID(), memberId: m, rewardId: voucher.reward.id } })).claimLoyaltyVoucher;
    expect(claimed.coupon).toMatchObject({ kind: 'CASH_VOUCHER', value: { amount: 500 }, pointsSpent: 450 });
    const byTill = await svc.gql(SAVE_REWARD, { i: { kind: 'GIFT_ITEM', name: 'x', productId: 'x', pointsCost: 1 } }, svc.tokens.till);
    expect(byTill.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('voiding and returns', () => {
  it('gives the points back to the member when an unused coupon is voided, by the member or an admin', async () => {
    const m = await memberWith(600);
    const bag = await reward({ stock: 3 });
    const code = ok(await svc.gql(GIFT, { i: { idempotencyKey: randomUUID(), memberId: m, rewardId: bag } })).issueLoyaltyGiftItem.coupon.code;
    expect(await stockOf(bag)).toBe(2);
    const voided = ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code, reason: 'changed my mind' } }, await svc.tokens.member(m))).voidLoyaltyCoupon;
    expect(voided.coupon.status).toBe('VOIDED');
    expect((await wallet(svc, m)).available).toBe(600);
    expect(await stockOf(bag)).toBe(3);
    expect(ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code } })).voidLoyaltyCoupon.userErrors[0].code).toBe('COUPON_VOIDED');
    const other = await enrol(svc);
    const theirs = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code;
    const foreign = ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code: theirs } }, await svc.tokens.member(other))).voidLoyaltyCoupon;
    expect(foreign.userErrors).toEqual([expect.objectContaining({ code: 'COUPON_NOT_FOUND' })]);
    await expectBooksBalanced(svc);
  });

  it('cannot void a redeemed coupon, but returning the sale it paid for restores it', async () => {
    const m = await memberWith(500);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 300 } })).convertPointsToCoupon.coupon.code;
    ok(await svc.gql(EARN, { input: { idempotencyKey: 'paid-by-coupon', memberId: m, sale: sale('COUPON-SALE', [{ productId: 'shoes', quantity: 2, unitPrice: 3000 }]) } }, svc.tokens.till));
    ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code, saleId: 'COUPON-SALE' } }, svc.tokens.till));
    expect(ok(await svc.gql(VOID, { i: { idempotencyKey: randomUUID(), code } })).voidLoyaltyCoupon.userErrors[0].code).toBe('COUPON_ALREADY_REDEEMED');
    const part = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: 'COUPON-SALE', channel: 'store', lines: [{ productId: 'shoes', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(part.userErrors).toEqual([]);
    expect(ok(await svc.gql(VALIDATE, { c: code, m }, svc.tokens.till)).validateLoyaltyCoupon.reason).toBe('COUPON_ALREADY_REDEEMED');
    const rest = ok(await svc.gql(`mutation($i: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $i) { couponsRestored userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), saleId: 'COUPON-SALE', channel: 'store', lines: [{ productId: 'shoes', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(rest.couponsRestored).toEqual([code]);
    expect(ok(await svc.gql(VALIDATE, { c: code, m }, svc.tokens.till)).validateLoyaltyCoupon.valid).toBe(true);
  });
});

describe('returns and other members', () => {
  it("does not bring back another member's coupon used on a sale with the same id", async () => {
    const a = await memberWith(300);
    const b = await memberWith(0);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: a, points: 300 } })).convertPointsToCoupon.coupon.code;
    ok(await svc.gql(REDEEM, { i: { idempotencyKey: randomUUID(), code, saleId: 'SAME-ID-1' } }, svc.tokens.till));
    ok(await svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: b, sale: sale('SAME-ID-1', [{ productId: 'x', unitPrice: 500 }]) } }, svc.tokens.till));
    const back = ok(await svc.gql(`mutation($i: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $i) { couponsRestored userErrors { code } } }`, { i: { idempotencyKey: randomUUID(), saleId: 'SAME-ID-1', channel: 'store', lines: [{ productId: 'x', quantity: 1 }] } }, svc.tokens.till)).returnLoyaltySale;
    expect(back.couponsRestored).toEqual([]);
    expect(ok(await svc.gql(VALIDATE, { c: code, m: a }, svc.tokens.till)).validateLoyaltyCoupon.reason).toBe('COUPON_ALREADY_REDEEMED');
  });
});

describe('federation', () => {
  it('resolves Coupon by its code for services, and a member only their own', async () => {
    const m = await memberWith(100);
    const code = ok(await svc.gql(CONVERT, { i: { idempotencyKey: randomUUID(), memberId: m, points: 100 } })).convertPointsToCoupon.coupon.code;
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyCoupon { code status member { id } } } }`;
    const res = ok(await svc.gql(q, { r: [{ __typename: 'LoyaltyCoupon', code }, { __typename: 'LoyaltyCoupon', code: 'NOPE' }] }, svc.tokens.service));
    expect(res._entities).toEqual([{ code, status: 'ACTIVE', member: { id: m } }, null]);
    // someone else's coupon answers as a code that does not exist
    const stranger = ok(await svc.gql(q, { r: [{ __typename: 'LoyaltyCoupon', code }] }, await svc.tokens.member(await enrol(svc))));
    expect(stranger._entities).toEqual([null]);
    const sdl: string = ok(await svc.gql(`{ _service { sdl } }`, {}, null))._service.sdl;
    expect(sdl).toMatch(/type LoyaltyCoupon\s+@key\(fields: "code"\)/);
  });
});
