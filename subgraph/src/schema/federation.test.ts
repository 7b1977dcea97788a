import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardStatus, LoyaltyCard } from '../modules/members/card.entity';
import { Member } from '../modules/members/member.entity';
import { Tier } from '../modules/tiers/tier.entity';
import { ok, startTestService, type TestService } from '../test-support/harness';
import { printLoyaltySdl, repoRoot, SCHEMA_FILE } from './print-schema';

let svc: TestService;
const memberIds: string[] = [];
const tierIds: string[] = [];

beforeAll(async () => {
  svc = await startTestService();
  // Arrange directly in the database: 500 members over 3 tiers, each with 2 cards.
  const em = svc.orm.em.fork();
  const tiers = [0, 1, 2].map((rank) => em.create(Tier, { code: `T${rank}`, name: `Tier ${rank}`, rank, qualificationThreshold: rank * 1000, earnMultiplierPercent: 100 + rank * 25, benefits: [], createdAt: new Date() }));
  for (let i = 0; i < 500; i++) {
    const m = em.create(Member, { firstName: `F${i}`, lastName: `L${i}`, customerId: `cust-${i}`, email: `m${i}@example.com`, tier: tiers[i % 3], enrolledAt: new Date(Date.now() - i * 1000) });
    em.create(LoyaltyCard, { number: `FEDCARD${i}A`, member: m, status: CardStatus.ACTIVE, linkedAt: new Date(), statusChangedAt: new Date() });
    em.create(LoyaltyCard, { number: `FEDCARD${i}B`, member: m, status: CardStatus.LOST, linkedAt: new Date(), statusChangedAt: new Date() });
    memberIds.push(m.id);
  }
  await em.flush();
  tierIds.push(...tiers.map((t) => t.id));
});
afterAll(() => svc?.stop());

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on LoyaltyMember { id firstName tier { name } cards { number status } }
      ... on LoyaltyTier { id code }
      ... on Customer { id loyalty { id customerId } }
    }
  }
`;

describe('federation', () => {
  it('serves its SDL with the entity keys and the extended commerce customer', async () => {
    const sdl: string = ok(await svc.gql(`{ _service { sdl } }`, {}, null))._service.sdl;
    expect(sdl).toMatch(/type LoyaltyMember\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type LoyaltyTier\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Customer\s+@key\(fields: "id"\)\s*\{[^}]*loyalty: LoyaltyMember/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
  });

  it('resolves 500 member representations with a constant number of SQL queries', async () => {
    const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'LoyaltyMember', id }));
    let small: any;
    let large: any;
    ok(await svc.gql(ENTITIES, { representations: reps(memberIds.slice(0, 1)) }, svc.tokens.service)); // this instance caches the tiers
    const fewQueries = await svc.countQueries(async () => {
      small = ok(await svc.gql(ENTITIES, { representations: reps(memberIds.slice(0, 5)) }, svc.tokens.service));
    });
    const manyQueries = await svc.countQueries(async () => {
      large = ok(await svc.gql(ENTITIES, { representations: reps(memberIds) }, svc.tokens.service));
    });
    expect(small._entities).toHaveLength(5);
    expect(large._entities).toHaveLength(500);
    expect(large._entities.map((e: { id: string }) => e.id)).toEqual(memberIds);
    expect(large._entities[1]).toMatchObject({ firstName: 'F1', tier: { name: 'Tier 1' } });
    expect(large._entities[1].cards).toHaveLength(2);
    // members, cards: one query each, however many representations; tiers come from the instance's cache
    expect(manyQueries).toBe(fewQueries);
    expect(fewQueries).toBe(2);
  });

  it('resolves tiers and commerce customers, giving null for unknown ids', async () => {
    const res = ok(
      await svc.gql(
        ENTITIES,
        {
          representations: [
            { __typename: 'LoyaltyTier', id: tierIds[2] },
            { __typename: 'Customer', id: 'cust-7' },
            { __typename: 'Customer', id: 'not-enrolled' },
            { __typename: 'LoyaltyMember', id: '00000000-0000-4000-8000-000000000000' },
            { __typename: 'LoyaltyMember', id: 'not-a-uuid' },
          ],
        },
        svc.tokens.service,
      ),
    );
    expect(res._entities).toEqual([
      { id: tierIds[2], code: 'T2' },
      { id: 'cust-7', loyalty: { id: memberIds[7], customerId: 'cust-7' } },
      { id: 'not-enrolled', loyalty: null },
      null,
      null,
    ]);
  });

  it('checks access in __resolveReference: no token is refused, another member answers as none', async () => {
    const reps = [{ __typename: 'LoyaltyMember', id: memberIds[0] }];
    const anonymous = await svc.gql(ENTITIES, { representations: reps }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // the same answer as for an id that does not exist: members cannot probe who is enrolled
    const other = ok(await svc.gql(ENTITIES, { representations: [...reps, { __typename: 'LoyaltyMember', id: '00000000-0000-4000-8000-00000000dead' }] }, await svc.tokens.member(memberIds[1]!)));
    expect(other._entities).toEqual([null, null]);
    const own = ok(await svc.gql(ENTITIES, { representations: reps }, await svc.tokens.member(memberIds[0]!)));
    expect(own._entities[0].id).toBe(memberIds[0]);
    // another customer answers as "not enrolled": a member cannot probe who is enrolled
    const foreignCustomer = ok(await svc.gql(ENTITIES, { representations: [{ __typename: 'Customer', id: 'cust-1' }] }, await svc.tokens.member(memberIds[0]!)));
    expect(foreignCustomer._entities).toEqual([{ id: 'cust-1', loyalty: null }]);
  });

  it('names the commerce customer type from COMMERCE_CUSTOMER_TYPE', async () => {
    const other = await startTestService({ databaseName: svc.databaseName, env: { COMMERCE_CUSTOMER_TYPE: 'User' } });
    try {
      const sdl: string = ok(await other.gql(`{ _service { sdl } }`, {}, null))._service.sdl;
      expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)/);
      expect(sdl).not.toMatch(/type Customer\b/);
      const res = ok(await other.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { loyalty { customerId } } } }`, { r: [{ __typename: 'User', id: 'cust-3' }] }, other.tokens.service));
      expect(res._entities).toEqual([{ loyalty: { customerId: 'cust-3' } }]);
    } finally {
      await other.stop();
    }
  });

  it(`keeps ${SCHEMA_FILE} in step with the code (run npm run schema:print after a schema change)`, async () => {
    const committed = readFileSync(path.join(repoRoot(), SCHEMA_FILE), 'utf8');
    expect(await printLoyaltySdl()).toBe(committed);
  });
});
