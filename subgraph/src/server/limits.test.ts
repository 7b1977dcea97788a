import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../config';
import { CardStatus, LoyaltyCard } from '../modules/members/card.entity';
import { Member } from '../modules/members/member.entity';
import { Tier } from '../modules/tiers/tier.entity';
import { ok, startTestService, type GqlResult, type TestService } from '../test-support/harness';
import { costShape } from './limits';

const NO_MEMBER = '00000000-0000-4000-8000-000000000000';

/** `member -> cards -> member -> cards ...`: each fragment spreads the next one twice, so the selection doubles per level. */
function doublingQuery(memberId = NO_MEMBER, bytes = 1_500): string {
  let fragments = '';
  let i = 0;
  while (fragments.length < bytes - 120) {
    fragments += `fragment F${i} on LoyaltyMember { cards { member { ...F${i + 1} ...F${i + 1} } } }\n`;
    i++;
  }
  fragments += `fragment F${i} on LoyaltyMember { id }\n`;
  return `query Doubling { loyaltyMember(id: "${memberId}") { ...F0 } }\n${fragments}`;
}

/** `loyaltyMember { cards { member { cards ... } } }`, `depth` fields deep counting the leaf. */
function deepQuery(depth: number): string {
  let selection = (depth - 1) % 2 === 0 ? 'number' : 'id';
  for (let level = depth - 1; level >= 2; level--) selection = `${level % 2 === 0 ? 'cards' : 'member'} { ${selection} }`;
  return `{ loyaltyMember(id: "${NO_MEMBER}") { ${selection} } }`;
}

function aliasedActivity(count: number, memberId = NO_MEMBER): string {
  const fields = Array.from({ length: count }, (_, i) => `a${i}: activity(first: 100) { nodes { id points } }`).join(' ');
  return `{ loyaltyMember(id: "${memberId}") { ${fields} } }`;
}

const ENTITIES = /* GraphQL */ `
  query RouterBatch($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on LoyaltyMember { id firstName tier { name } wallet { available } }
    }
  }
`;

function refusal(res: GqlResult, limit: string) {
  expect(res.status, JSON.stringify(res.errors)).toBe(400);
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit });
}

describe('operation limits with the defaults', () => {
  let svc: TestService;
  const memberIds: string[] = [];
  beforeAll(async () => {
    svc = await startTestService();
    const em = svc.orm.em.fork();
    const tier = em.create(Tier, { code: 'BASE', name: 'Base', rank: 0, qualificationThreshold: 0, earnMultiplierPercent: 100, benefits: [], createdAt: new Date() });
    for (let i = 0; i < 500; i++) {
      const m = em.create(Member, { firstName: `F${i}`, lastName: `L${i}`, email: `limits${i}@example.com`, tier, enrolledAt: new Date(Date.now() - i * 1000) });
      memberIds.push(m.id);
      if (i === 0) em.create(LoyaltyCard, { number: 'LIMITS0001', member: m, status: CardStatus.ACTIVE, linkedAt: new Date(), statusChangedAt: new Date() });
    }
    await em.flush();
    await em.execute('insert into wallet (member_id, updated_at) select id, now() from member');
  });
  afterAll(() => svc?.stop());

  it('refuses a query whose fragments double at every level, fast and before any SQL', async () => {
    // a real member with a card. graphql-js runs each fragment once per selection set, so executed it
    // would "only" walk 40-odd levels of SQL; a naive cost estimate would expand 2^21 spreads
    const query = doublingQuery(memberIds[0]);
    expect(query.length).toBeGreaterThanOrEqual(1_400);
    expect(query.length).toBeLessThanOrEqual(1_600);
    let res!: GqlResult;
    const started = performance.now();
    const queries = await svc.countQueries(async () => {
      res = await svc.gql(query);
    });
    const ms = performance.now() - started;
    refusal(res, 'depth');
    expect(res.errors![0]!.message).toMatch(/depth limit of 12 exceeded/);
    expect(queries).toBe(0);
    // The goal is milliseconds; this only catches a refusal that does the work first (seconds).
    expect(ms).toBeLessThan(2_000);
  });

  it('keeps answering /health while such queries arrive in parallel', async () => {
    const query = doublingQuery(memberIds[0]);
    const health = svc.url.replace(/\/graphql$/, '/health');
    let stop = false;
    const attackers = Array.from({ length: 8 }, async () => {
      let refused = 0;
      while (!stop) {
        const res = await svc.gql(query);
        expect(res.status).toBe(400);
        refused++;
      }
      return refused;
    });
    const probes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const res = await fetch(health);
      expect(res.status).toBe(200);
      probes.push(performance.now() - started);
    }
    stop = true;
    const refused = await Promise.all(attackers);
    expect(refused.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...probes)).toBeLessThan(2_000);
  });

  it('refuses 1,000 aliases of activity(first: 100) on one member', async () => {
    const res = await svc.gql(aliasedActivity(1_000, memberIds[0]));
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    // 11,000 tokens: the parser stops at the token limit before the alias rule sees it
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/more tha[nt] 2000 tokens/);
  });

  it('refuses depth 200', async () => {
    const res = await svc.gql(deepQuery(200));
    refusal(res, 'depth');
    expect(res.errors![0]!.message).toContain('found 200');
  });

  it('refuses an operation whose list sizes multiply past the cost limit, naming the cost', async () => {
    // 100 members x 100 entries: 10,000 ledger rows
    const res = await svc.gql(`{ loyaltyMembers(first: 100) { nodes { activity(first: 100) { nodes { id } } } } }`);
    refusal(res, 'cost');
    expect(res.errors![0]!.extensions).toMatchObject({ cost: 100 * (1 + 1 + 100 * 2), maxCost: DEFAULT_LIMITS.maxCost });
    // `first` from variables counts as well
    const vars = await svc.gql(`query($n: Int) { loyaltyMembers(first: 100) { nodes { activity(first: $n) { nodes { id } } } } }`, { n: 100 });
    refusal(vars, 'cost');
    // and the same shape with pages that fit is served
    ok(await svc.gql(`query($n: Int) { loyaltyMembers(first: 20) { nodes { activity(first: $n) { nodes { id } } } } }`, { n: 20 }));
  });

  it('estimates the same document again when its variables make it costlier (costs are remembered per shape)', async () => {
    const q = `query($n: Int) { loyaltyMembers(first: 100) { nodes { activity(first: $n) { nodes { id } } } } }`;
    ok(await svc.gql(q, { n: 20 }));
    ok(await svc.gql(q, { n: 20 }));
    refusal(await svc.gql(q, { n: 100 }), 'cost');
    ok(await svc.gql(q, { n: 20 }));
    // a router batch: the cost grows with the number of representations, not with their ids
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'LoyaltyMember', id: memberIds[i % memberIds.length] }));
    ok(await svc.gql(ENTITIES, { representations: reps(10) }, svc.tokens.service));
    const many = await svc.gql(ENTITIES, { representations: reps(4_000) }, svc.tokens.service);
    refusal(many, 'cost');
    expect(many.errors![0]!.extensions).toMatchObject({ cost: 4_000 * 3 });
    // variables of the wrong type are refused each time, never served from a remembered cost
    for (let i = 0; i < 2; i++) expect((await svc.gql(q, { n: 'twenty' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves a router batch of 500 LoyaltyMember representations', async () => {
    const representations = memberIds.map((id) => ({ __typename: 'LoyaltyMember', id }));
    const res = ok(await svc.gql(ENTITIES, { representations }, svc.tokens.service));
    expect(res._entities).toHaveLength(500);
    expect(res._entities[1]).toEqual({ id: memberIds[1], firstName: 'F1', tier: { name: 'Base' }, wallet: { available: 0 } });
  });

  it('masks field suggestions', async () => {
    const res = await svc.gql(`{ loyaltyTiers { nam } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toContain('Cannot query field "nam"');
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean|"name"/);
  });
});

describe('operation limits set lower by environment', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({
      env: { LOYALTY_MAX_DEPTH: '4', LOYALTY_MAX_ALIASES: '2', LOYALTY_MAX_TOKENS: '60', LOYALTY_MAX_DIRECTIVES: '1', LOYALTY_MAX_COST: '50' },
    });
  });
  afterAll(() => svc?.stop());

  it('refuses, one limit at a time, queries the defaults allow', async () => {
    const byDefault = await startTestService({ databaseName: svc.databaseName, keyFrom: svc });
    try {
      const cases: [string, string, Record<string, unknown>?][] = [
        ['depth', `{ loyaltyMember(id: "${NO_MEMBER}") { cards { member { cards { number } } } } }`],
        ['aliases', `{ a: loyaltyTiers { id } b: loyaltyTiers { id } c: loyaltyTiers { id } }`],
        ['directives', `query($y: Boolean!) { loyaltyTiers { id @include(if: $y) name @skip(if: $y) } }`, { y: true }],
        ['cost', `{ loyaltyMembers(first: 30) { nodes { id } } }`],
      ];
      for (const [limit, query, variables] of cases) {
        ok(await byDefault.gql(query, variables));
        refusal(await svc.gql(query, variables), limit);
      }
      const long = `{ loyaltyTiers { ${Array.from({ length: 60 }, () => 'id').join(' ')} } }`;
      ok(await byDefault.gql(long));
      const res = await svc.gql(long);
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    } finally {
      await byDefault.stop();
    }
  });
});

describe('with the depth and token limits raised', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { LOYALTY_MAX_DEPTH: '1000', LOYALTY_MAX_TOKENS: '100000' } });
  });
  afterAll(() => svc?.stop());

  it('the alias limit refuses 1,000 aliases, and the cost estimate the doubling fragments (bounded work)', async () => {
    refusal(await svc.gql(aliasedActivity(1_000)), 'aliases');
    let res!: GqlResult;
    const started = performance.now();
    const queries = await svc.countQueries(async () => {
      res = await svc.gql(doublingQuery());
    });
    refusal(res, 'cost');
    expect(res.errors![0]!.message).toMatch(/more than 10000 selections/);
    expect(queries).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('costShape', () => {
  it('keeps what a cost can depend on and leaves strings out', () => {
    expect(costShape({ card: 'A1', first: 5 })).toBe(costShape({ card: 'B2', first: 5 }));
    expect(costShape({ first: 5 })).not.toBe(costShape({ first: 6 }));
    expect(costShape({ y: true })).not.toBe(costShape({ y: false }));
    expect(costShape({ first: 5 })).not.toBe(costShape({ first: '5' }));
    expect(costShape({ r: [{ id: 'a' }] })).not.toBe(costShape({ r: [{ id: 'a' }, { id: 'b' }] }));
    expect(costShape({ r: [{ id: 'a' }, { id: 'b' }] })).toBe(costShape({ r: [{ id: 'c' }, { id: 'd' }] }));
    let deep: unknown = 'x';
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    expect(costShape({ deep })).toBeNull();
  });
});

describe('limit settings', () => {
  it('are read from LOYALTY_MAX_* and refused when out of range', () => {
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(loadConfig({ LOYALTY_MAX_DEPTH: '20', LOYALTY_MAX_COST: '50000' }).limits).toMatchObject({ maxDepth: 20, maxCost: 50_000 });
    for (const [name, value] of [
      ['LOYALTY_MAX_DEPTH', '1'],
      ['LOYALTY_MAX_ALIASES', 'many'],
      ['LOYALTY_MAX_TOKENS', '-5'],
      ['LOYALTY_MAX_DIRECTIVES', '1.5'],
      ['LOYALTY_MAX_COST', '0'],
    ]) {
      expect(() => loadConfig({ [name!]: value }), name).toThrow(ConfigError);
      expect(() => loadConfig({ [name!]: value }), name).toThrow(name!);
    }
  });
});
