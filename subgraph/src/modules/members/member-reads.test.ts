import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, earn, enrol, expectBooksBalanced, hold } from '../../test-support/ledger-fixtures';

/**
 * The reads a till and a router make most (identify by card, `_entities` of many members) cost a
 * fixed, small number of plain SELECTs; a wallet read writes only when something has fallen due.
 */

let svc: TestService;
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

/** The till's identify, as the bench sends it, plus the tier's multiplier the till shows. */
const IDENTIFY = /* GraphQL */ `
  query Identify($card: String!) {
    loyaltyMemberByCard(cardNumber: $card) { id firstName lastName tier { name earnMultiplierPercent } wallet { available pending held cashValue { amount currencyCode } } }
  }
`;

const ENTITIES = /* GraphQL */ `
  query Entities($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on LoyaltyMember {
        id firstName tier { code } cards { number status } wallet { available pending held }
        activity(first: 2) { totalCount nodes { type points } pageInfo { hasNextPage } }
      }
    }
  }
`;

/** Statements that write or open a transaction (a read with nothing due must send none). */
const WRITES = /^(begin|start transaction|commit|savepoint|insert|update|delete)\b|\bfor (no key )?update\b/i;

let cardSeq = 0;
async function memberWithCard(pointsMinor = 10_000): Promise<{ id: string; card: string }> {
  const card = `READ${String(++cardSeq).padStart(6, '0')}X`;
  const id = await enrol(svc, { cardNumber: card });
  if (pointsMinor > 0) await earn(svc, id, pointsMinor);
  return { id, card };
}

beforeAll(async () => {
  svc = await startTestService();
  // an entry tier for enrolment; no demo programme (its rules and bonuses would change the points)
  await sql(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (?, 'BRONZE', 'Bronze', 0, 0, 100, '[]', now())`, [randomUUID()]);
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(() => svc?.stop());

describe('identify by card', () => {
  it('answers from one plain SELECT (card, member and wallet) when nothing is due: no transaction, no write', async () => {
    const m = await memberWithCard(12_300); // 123 points
    ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till)); // programme and tiers cached by this instance
    let res: any;
    const statements = await svc.recordQueries(async () => {
      res = ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till));
    });
    expect(res.loyaltyMemberByCard).toEqual({
      id: m.id,
      firstName: 'Test',
      lastName: expect.any(String),
      tier: { name: 'Bronze', earnMultiplierPercent: 100 },
      wallet: { available: 123, pending: 0, held: 0, cashValue: { amount: 123, currencyCode: 'GBP' } },
    });
    expect(statements.filter((s) => WRITES.test(s))).toEqual([]);
    expect(statements).toHaveLength(1);
    // without the wallet selected, the same lookup does not read it
    const bare = await svc.recordQueries(async () => {
      expect(ok(await svc.gql(`query($card: String!) { loyaltyMemberByCard(cardNumber: $card) { id } }`, { card: m.card }, svc.tokens.till)).loyaltyMemberByCard).toEqual({ id: m.id });
    });
    expect(bare).toHaveLength(1);
    expect(bare[0]).not.toMatch(/\bwallet\b/);
  });

  it('returns an expired hold on the first read, in a write of its own, and reads plainly again after', async () => {
    const m = await memberWithCard(10_000); // 100 points
    const h = await hold(svc, m.id, 80, { ttlSeconds: 3600 });
    expect(h.userErrors).toEqual([]);
    await sql(`update points_hold set expires_at = now() - interval '1 second' where id = ?`, [h.hold.id]);
    let first: any;
    const settling = await svc.recordQueries(async () => {
      first = ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till)).loyaltyMemberByCard;
    });
    expect(first.wallet).toEqual({ available: 100, pending: 0, held: 0, cashValue: { amount: 100, currencyCode: 'GBP' } });
    expect(settling.some((s) => /^update "?points_hold"?/i.test(s))).toBe(true);
    const hold_ = await sql(`select status from points_hold where id = ?`, [h.hold.id]);
    expect(hold_).toEqual([{ status: 'EXPIRED' }]);
    const again = await svc.recordQueries(async () => {
      expect(ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till)).loyaltyMemberByCard.wallet.available).toBe(100);
    });
    expect(again.filter((s) => WRITES.test(s))).toEqual([]);
    await expectBooksBalanced(svc);
  });

  it('makes pending points available and expires lots once their dates have come, on the read', async () => {
    await configureProgramme(svc, { pendingDays: 30 });
    let pendingMember: { id: string; card: string };
    try {
      pendingMember = await memberWithCard(5_000); // 50 points, pending for 30 days
    } finally {
      await configureProgramme(svc);
    }
    const expiring = await memberWithCard(7_000); // 70 points, available
    const before = ok(await svc.gql(IDENTIFY, { card: pendingMember.card }, svc.tokens.till)).loyaltyMemberByCard.wallet;
    expect(before).toMatchObject({ available: 0, pending: 50 });
    await sql(`update earning_lot set available_at = now() - interval '1 second' where member_id = ? and status = 'PENDING'`, [pendingMember.id]);
    await sql(`update earning_lot set expires_at = now() - interval '1 second' where member_id = ?`, [expiring.id]);
    const r = (id: string) => ({ __typename: 'LoyaltyMember', id });
    const res = ok(await svc.gql(ENTITIES, { r: [r(pendingMember.id), r(expiring.id)] }, svc.tokens.service))._entities;
    expect(res[0].wallet).toEqual({ available: 50, pending: 0, held: 0 });
    expect(res[0].activity.nodes[0]).toEqual({ type: 'POINTS_AVAILABLE', points: 0 });
    expect(res[1].wallet).toEqual({ available: 0, pending: 0, held: 0 });
    expect(res[1].activity.nodes[0]).toEqual({ type: 'EXPIRE', points: -70 });
    await expectBooksBalanced(svc);
  });
});

describe('_entities of many members', () => {
  const members: string[] = [];
  beforeAll(async () => {
    // 100 members with a card and one to three earns each (a history longer than a page for some)
    for (let i = 0; i < 100; i++) {
      const { id } = await memberWithCard(0);
      for (let k = 0; k <= i % 3; k++) await earn(svc, id, 1_000 * (k + 1));
      members.push(id);
    }
  });

  const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'LoyaltyMember', id }));

  it('resolves 10 and 100 representations with the same few SELECTs, whatever they select', async () => {
    ok(await svc.gql(ENTITIES, { r: reps(members.slice(0, 1)) }, svc.tokens.service)); // caches warm
    let small: any;
    let large: any;
    const few = await svc.recordQueries(async () => {
      small = ok(await svc.gql(ENTITIES, { r: reps(members.slice(0, 10)) }, svc.tokens.service))._entities;
    });
    const many = await svc.recordQueries(async () => {
      large = ok(await svc.gql(ENTITIES, { r: reps(members) }, svc.tokens.service))._entities;
    });
    expect(small).toHaveLength(10);
    expect(large).toHaveLength(100);
    expect(large.map((e: { id: string }) => e.id)).toEqual(members);
    // member i earned 10, 10 + 20, 10 + 20 + 30 points in 1 to 3 earns
    large.forEach((e: any, i: number) => {
      const earns = (i % 3) + 1;
      expect(e.tier).toEqual({ code: 'BRONZE' });
      expect(e.cards).toEqual([{ number: expect.stringMatching(/^READ\d{6}X$/), status: 'ACTIVE' }]);
      expect(e.wallet).toEqual({ available: (10 * earns * (earns + 1)) / 2, pending: 0, held: 0 });
      expect(e.activity.totalCount).toBe(earns);
      expect(e.activity.nodes).toEqual(Array.from({ length: Math.min(2, earns) }, (_, k) => ({ type: 'EARN', points: 10 * (earns - k) })));
      expect(e.activity.pageInfo.hasNextPage).toBe(earns > 2);
    });
    expect(many.filter((s) => WRITES.test(s))).toEqual([]);
    // members, cards, wallets, the activity page and its count: one statement each
    expect(many).toHaveLength(few.length);
    expect(many.length).toBeLessThanOrEqual(5);
  });

  it('answers repeated and unknown representations in order, each member read once', async () => {
    const ids = [members[3]!, members[3]!, '00000000-0000-4000-8000-000000000000', members[4]!, 'not-a-uuid', members[3]!];
    let res: any;
    const statements = await svc.recordQueries(async () => {
      res = ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyMember { id wallet { available } } } }`, { r: reps(ids) }, svc.tokens.service))._entities;
    });
    expect(res.map((e: { id: string } | null) => e?.id ?? null)).toEqual([members[3], members[3], null, members[4], null, members[3]]);
    expect(statements).toHaveLength(2);
  });

  it('pages each member’s activity on its own cursor within one batch', async () => {
    const m = members[2]!; // three earns
    const first = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(first: 2) { pageInfo { endCursor hasNextPage } } } }`, { id: m }, svc.tokens.till)).loyaltyMember.activity;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const q = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on LoyaltyMember { id activity(first: 2, after: $after) { totalCount nodes { points } pageInfo { hasNextPage } } } } }`;
    const res = ok(await svc.gql(q, { r: reps([m]), after: first.pageInfo.endCursor }, svc.tokens.service))._entities;
    expect(res[0].activity).toEqual({ totalCount: 3, nodes: [{ points: 10 }], pageInfo: { hasNextPage: false } });
    // the same arguments for two members in one batch: each member gets its own page
    const both = ok(await svc.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on LoyaltyMember { activity(first: 1, types: [EARN]) { totalCount nodes { points } } } } }`, { r: reps([members[2]!, members[1]!]) }, svc.tokens.service))._entities;
    expect(both).toEqual([{ activity: { totalCount: 3, nodes: [{ points: 30 }] } }, { activity: { totalCount: 2, nodes: [{ points: 20 }] } }]);
  });

  it('shows a member only their own activity through _entities', async () => {
    const token = await svc.tokens.member(members[5]!);
    const res = ok(await svc.gql(ENTITIES, { r: reps([members[5]!, members[6]!]) }, token))._entities;
    expect(res[0].id).toBe(members[5]);
    expect(res[1]).toBeNull();
  });
});

describe('tiers', () => {
  it('sees a tier created after this instance cached the tiers', async () => {
    const m = await memberWithCard(0);
    ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till));
    const tierId = randomUUID();
    await sql(`insert into tier (id, code, name, rank, qualification_threshold, earn_multiplier_percent, benefits, created_at) values (?, 'READS', 'Reads tier', 42, 99999, 175, '[]', now())`, [tierId]);
    await sql(`update member set tier_id = ? where id = ?`, [tierId, m.id]);
    const res = ok(await svc.gql(IDENTIFY, { card: m.card }, svc.tokens.till)).loyaltyMemberByCard;
    expect(res.tier).toEqual({ name: 'Reads tier', earnMultiplierPercent: 175 });
  });
});
