/**
 * `loyaltyMembers(sort:)`: the whole list in three orders, paged by keyset cursors without gaps or
 * repeats (ties on the enrolment time broken by id), and a search that keeps its own order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';

const ENROLL = /* GraphQL */ `
  mutation Enroll($input: EnrollLoyaltyMemberInput!) {
    enrollLoyaltyMember(input: $input) { member { id } userErrors { code message } }
  }
`;
const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $search: String, $sort: LoyaltyMemberSort) {
    loyaltyMembers(first: $first, after: $after, search: $search, sort: $sort) {
      totalCount
      nodes { id firstName lastName enrolledAt }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`;

let svc: TestService;
const ids: Record<string, string> = {};

/** key, given name, surname, enrolment time (two share one, so the id decides between them). */
const PEOPLE: [string, string, string, string][] = [
  ['zoe', 'Zoe', 'Adams', '2025-01-01T09:00:00Z'],
  ['ann', 'Ann', 'young', '2025-02-01T09:00:00Z'],
  ['bob', 'Bob', 'Young', '2025-03-01T09:00:00Z'],
  ['cat', 'Cat', 'Brown', '2025-03-01T09:00:00Z'],
  ['dan', 'Dan', 'Brown', '2025-04-01T09:00:00.123456Z'],
  ['eve', 'Eve', 'Carter', '2025-05-01T09:00:00Z'],
  ['fay', 'Fay', 'Adams', '2025-06-01T09:00:00Z'],
];

beforeAll(async () => {
  svc = await startTestService();
  for (const [key, firstName, lastName, at] of PEOPLE) {
    const res = ok(await svc.gql(ENROLL, { input: { idempotencyKey: randomUUID(), firstName, lastName, email: `${key}@sort.example` } }));
    expect(res.enrollLoyaltyMember.userErrors).toEqual([]);
    ids[key] = res.enrollLoyaltyMember.member.id;
    await svc.orm.em.getConnection().execute('update member set enrolled_at = ? where id = ?', [at, ids[key]]);
  }
}, 60_000);
afterAll(() => svc?.stop());

const keyOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id);

/** Every member in `sort` order, read `first` at a time by following the cursors. */
async function readAll(sort: string | null, first = 2, search: string | null = null) {
  const out: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const page: { nodes: { id: string }[]; totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } } = ok(
      await svc.gql(PAGE, { first, after, sort, search }),
    ).loyaltyMembers;
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.totalCount).toBe(search ? page.totalCount : PEOPLE.length);
    out.push(...page.nodes.map((n) => keyOf(n.id)!));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('no last page');
}

/** Bob and Cat enrolled at the same moment: the one with the greater id is "newer". */
function tie(newestFirst: boolean): string[] {
  const [lo, hi] = [ids.bob!, ids.cat!].sort().map(keyOf) as string[];
  return newestFirst ? [hi!, lo!] : [lo!, hi!];
}

describe('loyaltyMembers(sort:)', () => {
  it('lists newest enrolment first by default and with NEWEST, page after page', async () => {
    const expected = ['fay', 'eve', 'dan', ...tie(true), 'ann', 'zoe'];
    expect(await readAll(null)).toEqual(expected);
    expect(await readAll('NEWEST', 2)).toEqual(expected);
    expect(await readAll('NEWEST', 3)).toEqual(expected);
  });

  it('lists oldest enrolment first with OLDEST', async () => {
    const expected = ['zoe', 'ann', ...tie(false), 'dan', 'eve', 'fay'];
    expect(await readAll('OLDEST', 2)).toEqual(expected);
    expect(await readAll('OLDEST', 100)).toEqual(expected);
  });

  it('lists by surname, then given name, case-insensitively, with NAME', async () => {
    // adams (fay, zoe), brown (cat, dan), carter, young (ann, "young" lower-case; bob)
    const expected = ['fay', 'zoe', 'cat', 'dan', 'eve', 'ann', 'bob'];
    expect(await readAll('NAME', 2)).toEqual(expected);
    expect(await readAll('NAME', 1)).toEqual(expected);
  });

  it('keeps a search in its own order whatever the sort', async () => {
    // a surname search lists by surname, then given name
    for (const sort of [null, 'NEWEST', 'OLDEST', 'NAME']) {
      expect(await readAll(sort, 1, 'adams')).toEqual(['fay', 'zoe']);
    }
  });

  it('refuses an unknown sort', async () => {
    const res = await svc.gql(PAGE, { sort: 'POINTS' });
    expect(res.errors?.[0]?.message).toMatch(/LoyaltyMemberSort/);
  });
});
