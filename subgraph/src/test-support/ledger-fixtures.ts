import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ok, type TestService } from './harness';

export const WALLET_FIELDS = 'available pending held lifetimeEarned tierPoints cashValue { amount currencyCode } expiring { points expiresAt }';

export const EARN = /* GraphQL */ `
  mutation Earn($input: EarnPointsInput!) {
    earnPoints(input: $input) {
      earn { id saleId channel points status availableAt expiresAt lines { productId quantity points } }
      duplicate
      member { id wallet { ${WALLET_FIELDS} } }
      userErrors { code message field }
    }
  }
`;
const HOLD_FIELDS = 'hold { id points cashValue { amount currencyCode } status expiresAt saleId tillId capturedPoints capturedCash { amount } } member { wallet { available held } } userErrors { code message field }';
export const HOLD = `mutation Hold($input: HoldPointsInput!) { holdPoints(input: $input) { ${HOLD_FIELDS} } }`;
export const CAPTURE = `mutation Capture($input: CapturePointsHoldInput!) { capturePointsHold(input: $input) { ${HOLD_FIELDS} } }`;
export const RELEASE = `mutation Release($input: ReleasePointsHoldInput!) { releasePointsHold(input: $input) { ${HOLD_FIELDS} } }`;
export const REDEEM = `mutation Redeem($input: RedeemPointsAsCashInput!) { redeemPointsAsCash(input: $input) { ${HOLD_FIELDS} } }`;
export const RETURN = `mutation Return($input: ReturnLoyaltySaleInput!) { returnLoyaltySale(input: $input) { pointsReversed pointsClawedBack pointsRefunded member { wallet { available pending } } userErrors { code message field } } }`;
export const ADJUST = `mutation Adjust($input: AdjustPointsInput!) { adjustPoints(input: $input) { entry { id type points reason actor } member { wallet { available } } userErrors { code message field } } }`;
export const WALLET = `query Wallet($id: ID!) { loyaltyMember(id: $id) { id tier { code } wallet { ${WALLET_FIELDS} } } }`;

/** A programme of 1 point per 1.00 GBP, 100 points = 1.00 GBP, no pending period, 24-month expiry. */
export async function configureProgramme(svc: TestService, overrides: Record<string, unknown> = {}) {
  const res = ok(
    await svc.gql(`mutation($i: UpdateLoyaltyProgrammeInput!) { updateLoyaltyProgramme(input: $i) { userErrors { code message } } }`, {
      i: { currencyCode: 'GBP', redeemPoints: 100, redeemAmountMinor: 100, minRedeemPoints: 1, maxRedeemSharePercent: 100, pendingDays: 0, expiryUnit: 'MONTHS', expiryCount: 24, expiryToMonthEnd: false, ...overrides },
    }),
  );
  expect(res.updateLoyaltyProgramme.userErrors).toEqual([]);
}

export async function addRule(svc: TestService, kind: string, args: Record<string, unknown>, position = 0): Promise<string> {
  const res = ok(await svc.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { rule { id } userErrors { code message } } }`, { i: { kind, name: kind, args, position } }));
  expect(res.saveLoyaltyEarningRule.userErrors).toEqual([]);
  return res.saveLoyaltyEarningRule.rule.id;
}

let seq = 0;
export async function enrol(svc: TestService, over: Record<string, unknown> = {}): Promise<string> {
  seq++;
  const res = ok(
    await svc.gql(`mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { code message } } }`, {
      i: { idempotencyKey: randomUUID(), firstName: 'Test', lastName: `Member${seq}`, email: `m${seq}.${randomUUID().slice(0, 8)}@example.com`, ...over },
    }),
  );
  expect(res.enrollLoyaltyMember.userErrors).toEqual([]);
  return res.enrollLoyaltyMember.member.id;
}

export function sale(id: string, lines: { productId?: string; categoryId?: string; quantity?: number; unitPrice: number }[], channel = 'store') {
  return {
    id,
    channel,
    storeId: 'store-001',
    tillId: 'till-01',
    currencyCode: 'GBP',
    lines: lines.map((l, i) => ({ productId: l.productId ?? `P${i + 1}`, categoryId: l.categoryId ?? 'C1', quantity: l.quantity ?? 1, unitPrice: l.unitPrice })),
  };
}

/** Earns for a one-line sale of `amountMinor` and returns the payload. */
export async function earn(svc: TestService, memberId: string, amountMinor: number, saleId: string = randomUUID(), token = svc.tokens.till) {
  const res = ok(await svc.gql(EARN, { input: { idempotencyKey: `earn-${saleId}`, memberId, sale: sale(saleId, [{ unitPrice: amountMinor }]) } }, token));
  expect(res.earnPoints.userErrors).toEqual([]);
  return res.earnPoints;
}

export async function wallet(svc: TestService, memberId: string) {
  return ok(await svc.gql(WALLET, { id: memberId })).loyaltyMember.wallet as {
    available: number;
    pending: number;
    held: number;
    lifetimeEarned: number;
    tierPoints: number;
    cashValue: { amount: number; currencyCode: string };
    expiring: { points: number; expiresAt: string }[];
  };
}

export async function hold(svc: TestService, memberId: string, points: number, extra: Record<string, unknown> = {}) {
  return ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId, points, saleId: `S-${randomUUID()}`, ...extra } }, svc.tokens.till)).holdPoints;
}

/** Asserts that every wallet equals what the journal says (the admin loyaltyLedgerAudit query). */
export async function expectBooksBalanced(svc: TestService) {
  const audit = ok(await svc.gql(`{ loyaltyLedgerAudit { check memberId detail } }`)).loyaltyLedgerAudit;
  expect(audit).toEqual([]);
}
