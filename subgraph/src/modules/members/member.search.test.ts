import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { classifySearch } from './member.search';

describe('classifySearch', () => {
  it('tells names, e-mail addresses, phone digits and card numbers apart', () => {
    expect(classifySearch('')).toMatchObject({ kind: 'all' });
    expect(classifySearch('  Smith ')).toEqual({ kind: 'name', terms: ['smith'], card: null });
    expect(classifySearch('Olivia  Smith')).toEqual({ kind: 'name', terms: ['olivia', 'smith'], card: null });
    expect(classifySearch("O'Brien")).toMatchObject({ kind: 'name', terms: ["o'brien"] });
    expect(classifySearch('smith-jones')).toMatchObject({ kind: 'name', terms: ['smith-jones'] });
    expect(classifySearch('Olivia.S')).toEqual({ kind: 'email', terms: ['olivia.s'], card: null });
    expect(classifySearch('ada@')).toMatchObject({ kind: 'email', terms: ['ada@'] });
    expect(classifySearch('0123')).toEqual({ kind: 'digits', terms: ['0123'], card: null });
    // a whole national or international number loses its leading zeros, as E.164 has none
    expect(classifySearch('07700 900123')).toEqual({ kind: 'digits', terms: ['7700900123'], card: '07700900123' });
    expect(classifySearch('0044 7700 900123')).toMatchObject({ kind: 'digits', terms: ['447700900123'] });
    expect(classifySearch('+1 (415) 555-0199')).toMatchObject({ kind: 'digits', terms: ['14155550199'] });
    expect(classifySearch('0420 0000 0001 3')).toMatchObject({ kind: 'digits', card: '0420000000013' });
    expect(classifySearch('zqcard777')).toEqual({ kind: 'card', terms: ['ZQCARD777'], card: 'ZQCARD777' });
    expect(classifySearch('123')).toMatchObject({ kind: 'name' });
  });
});

const ENROLL = /* GraphQL */ `
  mutation Enroll($input: EnrollLoyaltyMemberInput!) {
    enrollLoyaltyMember(input: $input) { member { id } userErrors { code message } }
  }
`;
const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $search: String) {
    loyaltyMembers(first: $first, after: $after, search: $search) {
      totalCount
      totalCountIsEstimate
      nodes { id firstName lastName email phone }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let svc: TestService;
const ids: Record<string, string> = {};

/** People whose names, addresses and numbers overlap the way real ones do. */
const PEOPLE: [key: string, first: string, last: string, email: string | null, phone: string | null, card: string | null][] = [
  ['olivia', 'Olivia', 'Smith', 'olivia.smith@example.org', '+44 7700 900101', '0420000000101'],
  ['olivias', 'Olivia', 'Smithers', 'olivia.s@example.com', '+44 7700 900202', null],
  ['oliviasj', 'Olivia', 'Smith-Jones', 'osj@example.com', null, null],
  ['oliver', 'Oliver', 'Smith', 'o.smith@example.net', '+1 415 555 0123', null],
  ['maryann', 'Mary Ann', 'Smith', 'mas@example.com', '+44 7700 900303', null],
  ['smithj', 'Smith', 'Jones', 'sj@example.com', '+44 20 7946 0123', null],
  ['obrien', 'Aoife', "O'Brien", null, '+44 7700 900404', 'ZQCARD777'],
  // a card number that is also the end of Oliver's phone number
  ['ada', 'Ada', 'Lovelace', 'ada@example.com', null, '4155550123'],
];

beforeAll(async () => {
  svc = await startTestService();
  for (const [key, firstName, lastName, email, phone, cardNumber] of PEOPLE) {
    const res = ok(await svc.gql(ENROLL, { input: { idempotencyKey: randomUUID(), firstName, lastName, email, phone, cardNumber } }));
    expect(res.enrollLoyaltyMember.userErrors).toEqual([]);
    ids[key] = res.enrollLoyaltyMember.member.id;
  }
}, 60_000);
afterAll(() => svc?.stop());

async function search(text: string, first = 20, service = svc) {
  return ok(await service.gql(PAGE, { search: text, first })).loyaltyMembers as {
    totalCount: number;
    totalCountIsEstimate: boolean;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const keysOf = (nodes: { id: string }[]) => nodes.map((n) => Object.keys(ids).find((k) => ids[k] === n.id));

describe('loyaltyMembers(search:)', () => {
  it('finds names by the start of the surname, then of the given name, listed by name', async () => {
    const res = await search('smith');
    // surnames first in byte order (smith < smith-jones < smithers), given names within; then "Smith Jones"
    expect(keysOf(res.nodes)).toEqual(['maryann', 'oliver', 'olivia', 'oliviasj', 'olivias', 'smithj']);
    expect(res).toMatchObject({ totalCount: 6, totalCountIsEstimate: false });
    expect(keysOf((await search('SMITHE')).nodes)).toEqual(['olivias']);
    expect(keysOf((await search('jon')).nodes)).toEqual(['smithj']);
    expect(keysOf((await search("o'b")).nodes)).toEqual(['obrien']);
  });

  it('finds a given name and a surname in either order, multi-word given names too', async () => {
    expect(keysOf((await search('olivia smith')).nodes)).toEqual(['olivia', 'oliviasj', 'olivias']);
    expect(keysOf((await search('Smith Olivia')).nodes)).toEqual(['olivia', 'oliviasj', 'olivias']);
    expect(keysOf((await search('oli smi')).nodes)).toEqual(['oliver', 'olivia', 'oliviasj', 'olivias']);
    expect(keysOf((await search('mary ann smith')).nodes)).toEqual(['maryann']);
    expect(keysOf((await search('smith jones')).nodes)).toEqual(['smithj']);
    expect((await search('olivia lovelace')).totalCount).toBe(0);
  });

  it('finds e-mail addresses by their start, listed by address', async () => {
    expect(keysOf((await search('olivia.s')).nodes)).toEqual(['olivias', 'olivia']);
    expect(keysOf((await search('O.Smith@')).nodes)).toEqual(['oliver']);
    expect(keysOf((await search('ada@example.com')).nodes)).toEqual(['ada']);
    // the middle of an address is not its start
    expect((await search('smith@')).totalCount).toBe(0);
  });

  it('finds phone numbers by their last digits, typed in national or international form', async () => {
    expect(keysOf((await search('0123')).nodes).sort()).toEqual(['oliver', 'smithj']);
    expect(keysOf((await search('07700 900101')).nodes)).toEqual(['olivia']);
    expect(keysOf((await search('+44 7700 900101')).nodes)).toEqual(['olivia']);
    expect(keysOf((await search('0044 7700 900202')).nodes)).toEqual(['olivias']);
    expect(keysOf((await search('555-0123')).nodes)).toEqual(['oliver']);
    // the start of a number is not its end
    expect((await search('7700')).totalCount).toBe(0);
  });

  it('finds card numbers of any status, the card holder first', async () => {
    expect(keysOf((await search('0420 0000 0010 1')).nodes)).toEqual(['olivia']);
    expect(keysOf((await search('zqcard777')).nodes)).toEqual(['obrien']);
    expect(keysOf((await search('(415) 555-0123')).nodes)).toEqual(['ada', 'oliver']);
    ok(await svc.gql(`mutation { setLoyaltyCardStatus(input: { cardNumber: "ZQCARD777", status: LOST }) { userErrors { code } } }`));
    expect(keysOf((await search('ZQCARD777')).nodes)).toEqual(['obrien']);
  });

  it('pages through every match exactly once, in order, whatever the kind of search', async () => {
    for (const [text, first] of [['smith', 2], ['o', 2], ['oli smi', 3], ['', 3], ['olivia.s', 1], ['0123', 1], ['4155550123', 1]] as const) {
      const all = await search(text, 100);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const res: any = ok(await svc.gql(PAGE, { search: text, first, after })).loyaltyMembers;
        expect(res.totalCount, text).toBe(all.totalCount);
        seen.push(...res.nodes.map((n: { id: string }) => n.id));
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor;
      }
      expect(seen.length, text).toBeGreaterThan(first);
      expect(seen, `"${text}" by ${first}`).toEqual(all.nodes.map((n) => n.id));
    }
    expect((await search('', 100)).totalCount).toBe(PEOPLE.length);
  });

  it('counts exactly up to the limit and says when the total is an estimate', async () => {
    // LOYALTY_SEARCH_EXACT_COUNT=3 on a second instance over the same data
    const small = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_SEARCH_EXACT_COUNT: '3' } });
    try {
      const many = await search('smith', 2, small);
      expect(many.totalCountIsEstimate).toBe(true);
      expect(many.totalCount).toBeGreaterThan(3);
      expect(many.nodes).toHaveLength(2);
      // three matches, on more than one page: counted
      expect(await search('olivia smith', 2, small)).toMatchObject({ totalCount: 3, totalCountIsEstimate: false });
      // every match on the page: no count needed, and exact
      expect(await search('smith', 20, small)).toMatchObject({ totalCount: 6, totalCountIsEstimate: false });
      expect(await search('', 2, small)).toMatchObject({ totalCountIsEstimate: true });
    } finally {
      await small.stop();
    }
  });

  it('treats LIKE wildcards as text', async () => {
    for (const text of ['%', '_', 'o%', 'sm_th', '\\']) expect((await search(text)).totalCount, text).toBe(0);
  });
});
