/**
 * The GraphQL operations the bench sends and the request bodies it builds. Selections are lean:
 * what a till needs to go on (ids, points, status, userErrors), so the comparison with the SQL
 * floor is about the same work. `--rich` adds the member's wallet, as the test fixtures ask.
 */
import { randomUUID } from 'node:crypto';

const WALLET = 'member { id wallet { available pending held lifetimeEarned tierPoints cashValue { amount currencyCode } expiring { points expiresAt } } }';

export function earnDocument(rich: boolean): string {
  return `mutation Earn($input: EarnPointsInput!) { earnPoints(input: $input) { earn { id points status } duplicate ${rich ? WALLET : ''} userErrors { code message } } }`;
}

export function holdDocument(rich: boolean): string {
  return `mutation Hold($input: HoldPointsInput!) { holdPoints(input: $input) { hold { id points status } ${rich ? WALLET : ''} userErrors { code message } } }`;
}

export function captureDocument(rich: boolean): string {
  return `mutation Capture($input: CapturePointsHoldInput!) { capturePointsHold(input: $input) { hold { id status capturedPoints } ${rich ? WALLET : ''} userErrors { code message } } }`;
}

/** Points each benchmark hold reserves (and captures). */
export const HOLD_POINTS = 5;
/** TTL of benchmark holds: longer than any run, so no hold falls due (and no settlement runs) mid-bench. */
export const HOLD_TTL_SECONDS = 3600;

const PRODUCTS = [
  { productId: 'bread-white', categoryId: 'bakery' },
  { productId: 'milk-2l', categoryId: 'dairy' },
  { productId: 'jeans-slim', categoryId: 'clothing' },
  { productId: 'socks-3pk', categoryId: 'clothing' },
  { productId: 'headphones', categoryId: 'electronics' },
  { productId: 'croissant', categoryId: 'bakery' },
];

export interface BenchSale {
  id: string;
  channel: string;
  storeId: string;
  tillId: string;
  currencyCode: string;
  lines: { productId: string; categoryId: string; quantity: number; unitPrice: number }[];
}

/** A fresh three-line sale, £3 to £150. */
export function randomSale(): BenchSale {
  const lines = [0, 1, 2].map(() => {
    const p = PRODUCTS[Math.floor(Math.random() * PRODUCTS.length)]!;
    return { ...p, quantity: 1 + Math.floor(Math.random() * 2), unitPrice: 100 + Math.floor(Math.random() * 4900) };
  });
  return { id: randomUUID(), channel: 'store', storeId: 'store-001', tillId: 'till-01', currencyCode: 'GBP', lines };
}

export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

export function earnVariables(memberId: string, sale: BenchSale = randomSale()) {
  return { input: { idempotencyKey: `earn-${sale.id}`, memberId, sale } };
}

export function holdVariables(memberId: string) {
  const id = randomUUID();
  return { input: { idempotencyKey: `hold-${id}`, memberId, points: HOLD_POINTS, saleId: `S-${id}`, channel: 'store', ttlSeconds: HOLD_TTL_SECONDS } };
}

export function captureVariables(holdId: string) {
  return { input: { idempotencyKey: `capture-${holdId}`, holdId } };
}

/**
 * Problems in a GraphQL response: HTTP status, top-level `errors`, the payload's `userErrors`.
 * Returns the payload when there are none.
 */
export function checkResponse(status: number, body: string, field: string): { payload: Record<string, any> | null; problem: string | null } {
  if (status !== 200) return { payload: null, problem: `HTTP ${status}: ${body.slice(0, 300)}` };
  let json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    json = JSON.parse(body);
  } catch {
    return { payload: null, problem: `not JSON: ${body.slice(0, 300)}` };
  }
  if (json.errors?.length) return { payload: null, problem: `errors: ${JSON.stringify(json.errors).slice(0, 300)}` };
  const payload = json.data?.[field] as Record<string, any> | undefined;
  if (!payload) return { payload: null, problem: `no data.${field}: ${body.slice(0, 300)}` };
  if (Array.isArray(payload.userErrors) && payload.userErrors.length) return { payload: null, problem: `userErrors: ${JSON.stringify(payload.userErrors).slice(0, 300)}` };
  return { payload, problem: null };
}

/** The loyalty card the bench links to a member: derived from its id, so every process knows it. */
export function benchCard(memberId: string): string {
  return `BC${memberId.replace(/-/g, '').slice(0, 24).toUpperCase()}`;
}

/** The reads of the machine comparison, each one request: the service's floor and three real reads. */
export const READ_DOCUMENTS = {
  /** Nothing but the request pipeline (HTTP, JWT, GraphQL): the floor for reads. */
  typename: '{ __typename }',
  /** The till's identify: a member by card, with tier and wallet. */
  identify: 'query Identify($card: String!) { loyaltyMemberByCard(cardNumber: $card) { id firstName lastName tier { name } wallet { available pending held cashValue { amount currencyCode } } } }',
  /** A router's batch: 100 members with tier and wallet. */
  entities: 'query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyMember { id firstName tier { name } wallet { available } } } }',
  /** The admin table's search by name words. */
  search: 'query Search($s: String) { loyaltyMembers(first: 20, search: $s) { totalCount nodes { id firstName lastName email } } }',
} as const;
export type ReadScenario = keyof typeof READ_DOCUMENTS;

/** A request body for a read scenario, with random members. */
export function readVariables(scenario: ReadScenario, memberIds: string[]): Record<string, unknown> {
  switch (scenario) {
    case 'typename':
      return {};
    case 'identify':
      return { card: benchCard(pick(memberIds)) };
    case 'entities':
      return { r: Array.from({ length: 100 }, () => ({ __typename: 'LoyaltyMember', id: pick(memberIds) })) };
    case 'search':
      return { s: `member ${Math.floor(Math.random() * memberIds.length)}` };
  }
}
