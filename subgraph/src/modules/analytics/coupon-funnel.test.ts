import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { configureProgramme, enrol } from '../../test-support/ledger-fixtures';

const F = 'issued redeemed voided expired openAtEnd redemptionRate';
const FUNNEL = `query($from: DateTimeISO!, $to: DateTimeISO!, $b: LoyaltyAnalyticsBucket) { loyaltyCouponFunnel(from: $from, to: $to, bucket: $b) {
  buckets { start all { ${F} } byKind { kind ${F} } } totals { all { ${F} } byKind { kind ${F} } } userErrors { field } } }`;

let svc: TestService;
const sql = (q: string, p: unknown[] = []) => svc.orm.em.fork().getConnection().execute(q, p);

/** Issues a coupon to the member through the API and dates it. */
async function coupon(memberId: string, kind: 'CASH_VOUCHER' | 'PERCENT_DISCOUNT', issuedAt: string, expiresAt: string) {
  const i = { idempotencyKey: randomUUID(), kind, memberId, ...(kind === 'CASH_VOUCHER' ? { value: { amount: 500, currencyCode: 'GBP' } } : { percent: 10 }) };
  const r = ok(await svc.gql(`mutation($i: IssueLoyaltyCouponInput!) { issueLoyaltyCoupon(input: $i) { coupon { code } userErrors { message } } }`, { i })).issueLoyaltyCoupon;
  expect(r.userErrors).toEqual([]);
  await sql('update coupon set issued_at = ?, expires_at = ? where code = ?', [issuedAt, expiresAt, r.coupon.code]);
  return r.coupon.code as string;
}

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  const m = await enrol(svc);
  await coupon(m, 'CASH_VOUCHER', '2026-02-20T10:00:00Z', '2026-03-02T12:00:00Z'); // open when the range starts, expires on 2 March
  const used = await coupon(m, 'CASH_VOUCHER', '2026-03-01T10:00:00Z', '2030-01-01T00:00:00Z');
  expect(ok(await svc.gql(`mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { userErrors { message } } }`, { i: { idempotencyKey: randomUUID(), code: used, saleId: 'S-1', memberId: m } }, svc.tokens.till)).redeemLoyaltyCoupon.userErrors).toEqual([]);
  await sql(`update coupon set redeemed_at = '2026-03-02T10:00:00Z' where code = ?`, [used]);
  const voided = await coupon(m, 'PERCENT_DISCOUNT', '2026-03-01T11:00:00Z', '2030-01-01T00:00:00Z');
  expect(ok(await svc.gql(`mutation($i: VoidLoyaltyCouponInput!) { voidLoyaltyCoupon(input: $i) { userErrors { message } } }`, { i: { idempotencyKey: randomUUID(), code: voided } })).voidLoyaltyCoupon.userErrors).toEqual([]);
  await sql(`update coupon set voided_at = '2026-03-03T10:00:00Z' where code = ?`, [voided]);
  await coupon(m, 'CASH_VOUCHER', '2026-03-02T11:00:00Z', '2030-01-01T00:00:00Z'); // stays open
  await coupon(m, 'PERCENT_DISCOUNT', '2026-03-03T11:00:00Z', '2030-01-01T00:00:00Z'); // stays open
}, 120_000);
afterAll(() => svc?.stop());

const f = (issued: number, redeemed: number, voided: number, expired: number, openAtEnd: number, redemptionRate: number | null) => ({ issued, redeemed, voided, expired, openAtEnd, redemptionRate });
const kinds = (cash: object, percent: object, gift = f(0, 0, 0, 0, 0, null)) => [{ kind: 'CASH_VOUCHER', ...cash }, { kind: 'PERCENT_DISCOUNT', ...percent }, { kind: 'GIFT_ITEM', ...gift }];

describe('loyaltyCouponFunnel', () => {
  it('matches the hand-computed funnel per day and kind, with what stays open', async () => {
    const r = ok(await svc.gql(FUNNEL, { from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z', b: 'DAY' })).loyaltyCouponFunnel;
    expect(r.userErrors).toEqual([]);
    expect(r.buckets).toEqual([
      { start: '2026-03-01T00:00:00.000Z', all: f(2, 0, 0, 0, 3, 0.5), byKind: kinds(f(1, 0, 0, 0, 2, 1), f(1, 0, 0, 0, 1, 0)) },
      { start: '2026-03-02T00:00:00.000Z', all: f(1, 1, 0, 1, 2, 0), byKind: kinds(f(1, 1, 0, 1, 1, 0), f(0, 0, 0, 0, 1, null)) },
      { start: '2026-03-03T00:00:00.000Z', all: f(1, 0, 1, 0, 2, 0), byKind: kinds(f(0, 0, 0, 0, 1, null), f(1, 0, 1, 0, 1, 0)) },
    ]);
    expect(r.totals).toEqual({ all: f(4, 1, 1, 1, 2, 0.25), byKind: kinds(f(2, 1, 0, 1, 1, 0.5), f(2, 0, 1, 0, 1, 0)) });
  });

  it('refuses a bad range', async () => {
    const r = ok(await svc.gql(FUNNEL, { from: '2026-03-01T00:00:00Z', to: '2029-03-01T00:00:00Z', b: 'DAY' })).loyaltyCouponFunnel;
    expect(r.userErrors).toEqual([{ field: ['bucket'] }]);
  });
});
