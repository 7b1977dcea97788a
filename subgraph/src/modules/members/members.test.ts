import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { seedDemoOnce } from '../../db/bootstrap';

const ENROLL = /* GraphQL */ `
  mutation Enroll($input: EnrollLoyaltyMemberInput!) {
    enrollLoyaltyMember(input: $input) {
      member { id customerId firstName lastName email phone birthday status emailOptIn tier { code } cards { number status } }
      userErrors { code message field }
    }
  }
`;
const LINK = /* GraphQL */ `
  mutation Link($input: LinkLoyaltyCardInput!) {
    linkLoyaltyCard(input: $input) { member { id cards { number } } card { number status } userErrors { code message field } }
  }
`;
const BY_CARD = /* GraphQL */ `query ByCard($n: String!) { loyaltyMemberByCard(cardNumber: $n) { id firstName } }`;

let svc: TestService;
let n = 0;
/** A valid enrolment input with unique identifiers. */
const person = (over: Record<string, unknown> = {}) => {
  n++;
  return { idempotencyKey: randomUUID(), firstName: 'Ada', lastName: 'Lovelace', email: `ada${n}@example.com`, phone: `+44 7700 900${String(n).padStart(3, '0')}`, ...over };
};

beforeAll(async () => {
  svc = await startTestService();
  // tiers exist so that enrolment can place members in the entry tier
  await seedDemoOnce(svc.orm);
});
afterAll(() => svc?.stop());

describe('enrollLoyaltyMember', () => {
  it('enrols a member with normalised contact details in the entry tier, with a card', async () => {
    const res = ok(
      await svc.gql(ENROLL, {
        input: { ...person(), customerId: 'c-100', email: ' Ada.L@Example.COM ', phone: '0044 (7700) 900-777', birthday: '1990-12-10', emailOptIn: true, cardNumber: '0420 0000 9999 1' },
      }, svc.tokens.till),
    );
    expect(res.enrollLoyaltyMember.userErrors).toEqual([]);
    const m = res.enrollLoyaltyMember.member;
    expect(m).toMatchObject({
      customerId: 'c-100',
      email: 'ada.l@example.com',
      phone: '+447700900777',
      birthday: '1990-12-10',
      status: 'ACTIVE',
      emailOptIn: true,
      tier: { code: 'BRONZE' },
      cards: [{ number: '0420000099991', status: 'ACTIVE' }],
    });
    const found = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { id email } }`, { id: m.id }, svc.tokens.till));
    expect(found.loyaltyMember).toEqual({ id: m.id, email: 'ada.l@example.com' });
    expect(ok(await svc.gql(BY_CARD, { n: '0420000099991' }, svc.tokens.till)).loyaltyMemberByCard.id).toBe(m.id);
  });

  it('reports every invalid field at once and creates nothing', async () => {
    const before = ok(await svc.gql(`{ loyaltyMembers(first: 1) { totalCount } }`)).loyaltyMembers.totalCount;
    const res = ok(
      await svc.gql(ENROLL, {
        input: { idempotencyKey: randomUUID(), firstName: '  ', lastName: 'x'.repeat(101), email: 'not-an-email', phone: '12345', birthday: '2999-01-01', cardNumber: '12' },
      }),
    );
    expect(res.enrollLoyaltyMember.member).toBeNull();
    const fields = res.enrollLoyaltyMember.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields.sort()).toEqual(['input.birthday', 'input.cardNumber', 'input.email', 'input.firstName', 'input.lastName', 'input.phone']);
    expect(res.enrollLoyaltyMember.userErrors.every((e: { code: string }) => e.code === 'INVALID_INPUT')).toBe(true);
    expect(ok(await svc.gql(`{ loyaltyMembers(first: 1) { totalCount } }`)).loyaltyMembers.totalCount).toBe(before);
  });

  it('needs some way to find the member again', async () => {
    const res = ok(await svc.gql(ENROLL, { input: { idempotencyKey: randomUUID(), firstName: 'No', lastName: 'Contact' } }));
    expect(res.enrollLoyaltyMember.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'email'] })]);
  });

  it('refuses a duplicate customer, e-mail or card with their own codes', async () => {
    const first = person({ customerId: 'dup-1', cardNumber: 'DUPCARD01' });
    ok(await svc.gql(ENROLL, { input: first }));
    const res = ok(await svc.gql(ENROLL, { input: { ...person(), customerId: 'dup-1', email: first.email.toUpperCase(), cardNumber: 'dup-card-01' } }));
    expect(res.enrollLoyaltyMember.member).toBeNull();
    expect(res.enrollLoyaltyMember.userErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'CARD_ALREADY_LINKED',
      'EMAIL_ALREADY_REGISTERED',
      'MEMBER_ALREADY_ENROLLED',
    ]);
  });

  it('lets exactly one of two racing enrolments with the same e-mail win', async () => {
    const input = person();
    const results = await Promise.all(Array.from({ length: 8 }, () => svc.gql(ENROLL, { input: { ...input, idempotencyKey: randomUUID() } })));
    const payloads = results.map((r) => ok(r).enrollLoyaltyMember);
    expect(payloads.filter((p) => p.member).length).toBe(1);
    for (const p of payloads.filter((x) => !x.member)) expect(p.userErrors[0].code).toBe('EMAIL_ALREADY_REGISTERED');
  });
});

describe('cards', () => {
  it('links cards, is idempotent for the same member and refuses a card held by another member', async () => {
    const a = ok(await svc.gql(ENROLL, { input: person() })).enrollLoyaltyMember.member;
    const b = ok(await svc.gql(ENROLL, { input: person() })).enrollLoyaltyMember.member;
    const linked = ok(await svc.gql(LINK, { input: { memberId: a.id, cardNumber: 'card-aaa-111' } }, svc.tokens.till)).linkLoyaltyCard;
    expect(linked.userErrors).toEqual([]);
    expect(linked.card).toEqual({ number: 'CARDAAA111', status: 'ACTIVE' });
    const again = ok(await svc.gql(LINK, { input: { memberId: a.id, cardNumber: 'CARDAAA111' } })).linkLoyaltyCard;
    expect(again.userErrors).toEqual([]);
    expect(again.member.cards).toEqual([{ number: 'CARDAAA111' }]);
    const other = ok(await svc.gql(LINK, { input: { memberId: b.id, cardNumber: 'CARDAAA111' } })).linkLoyaltyCard;
    expect(other.userErrors[0]).toMatchObject({ code: 'CARD_ALREADY_LINKED', field: ['input', 'cardNumber'] });
  });

  it('gives MEMBER_NOT_FOUND and INVALID_INPUT for unknown members and malformed numbers', async () => {
    const unknown = ok(await svc.gql(LINK, { input: { memberId: '00000000-0000-4000-8000-000000000000', cardNumber: 'ABC123456' } })).linkLoyaltyCard;
    expect(unknown.userErrors[0].code).toBe('MEMBER_NOT_FOUND');
    const notUuid = ok(await svc.gql(LINK, { input: { memberId: 'nope', cardNumber: 'ABC123456' } })).linkLoyaltyCard;
    expect(notUuid.userErrors[0].code).toBe('MEMBER_NOT_FOUND');
    const a = ok(await svc.gql(ENROLL, { input: person() })).enrollLoyaltyMember.member;
    const bad = ok(await svc.gql(LINK, { input: { memberId: a.id, cardNumber: 'ab!' } })).linkLoyaltyCard;
    expect(bad.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'cardNumber'] });
  });

  it('stops identifying a member by a blocked or lost card, and a lost card stays lost', async () => {
    const a = ok(await svc.gql(ENROLL, { input: person({ cardNumber: 'BLOCKME01' }) })).enrollLoyaltyMember.member;
    const setStatus = (status: string) =>
      svc.gql(`mutation($i: SetLoyaltyCardStatusInput!) { setLoyaltyCardStatus(input: $i) { card { number status } userErrors { code } } }`, { i: { cardNumber: 'BLOCKME01', status } });
    expect(ok(await setStatus('BLOCKED')).setLoyaltyCardStatus.card.status).toBe('BLOCKED');
    expect(ok(await svc.gql(BY_CARD, { n: 'BLOCKME01' })).loyaltyMemberByCard).toBeNull();
    const card = ok(await svc.gql(`{ loyaltyCard(number: "blockme01") { status member { id } } }`, {}, svc.tokens.till)).loyaltyCard;
    expect(card).toEqual({ status: 'BLOCKED', member: { id: a.id } });
    expect(ok(await setStatus('ACTIVE')).setLoyaltyCardStatus.card.status).toBe('ACTIVE');
    expect(ok(await svc.gql(BY_CARD, { n: 'BLOCKME01' })).loyaltyMemberByCard.id).toBe(a.id);
    expect(ok(await setStatus('LOST')).setLoyaltyCardStatus.card.status).toBe('LOST');
    expect(ok(await setStatus('ACTIVE')).setLoyaltyCardStatus.userErrors[0].code).toBe('CARD_NOT_ACTIVE');
    expect(ok(await svc.gql(BY_CARD, { n: 'BLOCKME01' })).loyaltyMemberByCard).toBeNull();
  });

  it('answers null for unknown and malformed card numbers', async () => {
    expect(ok(await svc.gql(BY_CARD, { n: '9999999999' })).loyaltyMemberByCard).toBeNull();
    expect(ok(await svc.gql(BY_CARD, { n: '<script>' })).loyaltyMemberByCard).toBeNull();
    expect(ok(await svc.gql(BY_CARD, { n: 'x'.repeat(10_000) })).loyaltyMemberByCard).toBeNull();
  });
});

describe('members (the admin points table)', () => {
  const PAGE = /* GraphQL */ `
    query Page($first: Int, $after: String, $search: String) {
      loyaltyMembers(first: $first, after: $after, search: $search) {
        totalCount
        edges { cursor node { id firstName lastName email phone } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
      }
    }
  `;

  it('pages through every member exactly once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const res: any = ok(await svc.gql(PAGE, { first: 37, after }, svc.tokens.admin)).loyaltyMembers;
      total = res.totalCount;
      seen.push(...res.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!res.pageInfo.hasNextPage) break;
      after = res.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(240);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('finds members by name words, e-mail prefix, phone digits and card number', async () => {
    ok(await svc.gql(ENROLL, { input: { idempotencyKey: randomUUID(), firstName: 'Zebedee', lastName: 'Quixote', email: 'zq.unique@example.org', phone: '+1 415 555 0199', cardNumber: 'ZQCARD777' } }));
    for (const search of ['zebedee quix', 'QUIXOTE', 'zq.unique@', '415 555 0199', 'zqcard777']) {
      const res = ok(await svc.gql(PAGE, { search })).loyaltyMembers;
      expect(res.totalCount, search).toBe(1);
      expect(res.edges[0].node.lastName).toBe('Quixote');
    }
    expect(ok(await svc.gql(PAGE, { search: '%' })).loyaltyMembers.totalCount).toBe(0);
  });

  it('refuses page sizes out of range and forged cursors with BAD_USER_INPUT', async () => {
    for (const vars of [{ first: 0 }, { first: 101 }, { first: 10, after: 'garbage' }]) {
      const res = await svc.gql(PAGE, vars);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('tiers', () => {
  it('lists the programme tiers, entry tier first, to any authenticated caller', async () => {
    const member = ok(await svc.gql(ENROLL, { input: person() })).enrollLoyaltyMember.member;
    const res = ok(await svc.gql(`{ loyaltyTiers { code rank qualificationThreshold earnMultiplierPercent benefits { code } } }`, {}, await svc.tokens.member(member.id)));
    expect(res.loyaltyTiers.map((t: { code: string }) => t.code)).toEqual(['BRONZE', 'SILVER', 'GOLD', 'PLATINUM']);
    expect(res.loyaltyTiers[3]).toMatchObject({ rank: 3, qualificationThreshold: 15000, earnMultiplierPercent: 150 });
  });
});
