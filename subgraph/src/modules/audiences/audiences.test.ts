import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { addRule, configureProgramme, earn, enrol, RETURN } from '../../test-support/ledger-fixtures';

const PREVIEW = `query($r: LoyaltyAudienceRulesInput!, $n: Int) { previewLoyaltyAudience(rules: $r, sampleSize: $n) { memberCount sample { id lastName } userErrors { code message field } } }`;
const SAVE = `mutation($i: SaveLoyaltyAudienceInput!) { saveLoyaltyAudience(input: $i) { audience { id code name rules members(sampleSize: 5) { memberCount sample { id } } } userErrors { code message field } } }`;

let svc: TestService;
const m: Record<string, string> = {};

/** Moves a member's sales back in time (the audience windows are measured from now). */
async function ageSales(memberId: string, days: number) {
  await svc.orm.em.fork().getConnection().execute(`update sale_earn set occurred_at = occurred_at - make_interval(days => ?) where member_id = ?`, [days, memberId]);
}

async function members(rules: Record<string, unknown>): Promise<string[]> {
  const res = ok(await svc.gql(PREVIEW, { r: rules, n: 100 })).previewLoyaltyAudience;
  expect(res.userErrors).toEqual([]);
  const ours = new Set(Object.values(m));
  const ids = (res.sample as { id: string }[]).map((s) => s.id).filter((id) => ours.has(id));
  expect(res.memberCount).toBe(res.sample.length); // the whole audience fits in the sample here
  return Object.entries(m).filter(([, id]) => ids.includes(id)).map(([k]) => k).sort();
}

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc, { expiryCount: 0, expiryUnit: null });
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "BASE", name: "Base", rank: 0, qualificationThreshold: 0 }) { userErrors { message } } }`);
  await svc.gql(`mutation { saveLoyaltyTier(input: { code: "GOLD", name: "Gold", rank: 1, qualificationThreshold: 100000 }) { userErrors { message } } }`);
  m.big = await enrol(svc, { birthday: '1990-03-14', emailOptIn: true });
  m.small = await enrol(svc, { birthday: '1985-12-01', emailOptIn: false });
  m.lapsed = await enrol(svc, { smsOptIn: true, phone: '+447700900123' });
  m.never = await enrol(svc);
  await earn(svc, m.big, 30_000);
  await earn(svc, m.big, 25_000);
  await earn(svc, m.small, 2_000);
  await earn(svc, m.lapsed, 9_000);
  await ageSales(m.lapsed, 120);
  await svc.orm.em.fork().getConnection().execute(`update member set tier_id = (select id from tier where code = 'GOLD') where id = ?`, [m.big]);
}, 120_000);
afterAll(() => svc?.stop());

describe('audiences', () => {
  it('selects by spend and visits in a window, counting returns, with a count and a sample', async () => {
    expect(await members({ spend: { windowDays: 30, min: 50_000 } })).toEqual(['big']);
    expect(await members({ spend: { windowDays: 30, max: 5_000 } })).toEqual(['lapsed', 'never', 'small']);
    expect(await members({ spend: { windowDays: 365, min: 5_000 } })).toEqual(['big', 'lapsed']);
    expect(await members({ visits: { windowDays: 30, min: 2 } })).toEqual(['big']);
    // small buys 1,000 more and returns it: their net spend stays 2,000
    const saleId = randomUUID();
    await earn(svc, m.small, 1_000, saleId);
    const ret = ok(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId, channel: 'store', lines: [{ productId: 'P1', quantity: 1 }] } }));
    expect(ret.returnLoyaltySale.userErrors).toEqual([]);
    expect(await members({ spend: { windowDays: 30, min: 2_001 } })).toEqual(['big']);
    expect(await members({ visits: { windowDays: 30, min: 2 } })).toEqual(['big', 'small']); // a returned sale was still a visit
  });

  it('selects by level, birthday month, opt-ins, last purchase and store', async () => {
    expect(await members({ tierCodes: ['gold'] })).toEqual(['big']);
    expect(await members({ birthdayMonths: [3, 12] })).toEqual(['big', 'small']);
    expect(await members({ emailOptIn: true })).toEqual(['big']);
    expect(await members({ smsOptIn: true })).toEqual(['lapsed']);
    expect(await members({ inactiveForDays: 90 })).toEqual(['lapsed', 'never']);
    expect(await members({ purchasedWithinDays: 90 })).toEqual(['big', 'small']);
    expect(await members({ purchasedAt: { storeIds: ['store-001'], withinDays: 30 } })).toEqual(['big', 'small']);
    expect(await members({ purchasedAt: { storeIds: ['store-999'] } })).toEqual([]);
    expect(await members({ purchasedAt: { channels: ['store'] }, inactiveForDays: 60 })).toEqual(['lapsed']);
    expect(await members({})).toEqual(['big', 'lapsed', 'never', 'small']);
  });

  it('refuses rules that cannot be meant, naming the field', async () => {
    const res = ok(await svc.gql(PREVIEW, { r: { birthdayMonths: [13], spend: { windowDays: 0, min: 1 }, visits: { windowDays: 30 }, purchasedWithinDays: 30, inactiveForDays: 60, purchasedAt: {} } })).previewLoyaltyAudience;
    expect(res.memberCount).toBeNull();
    expect(res.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(
      ['rules.birthdayMonths', 'rules.inactiveForDays', 'rules.purchasedAt', 'rules.spend.windowDays', 'rules.visits'].sort(),
    );
  });

  it('saves a named audience by code, replaces it, and evaluates it when read; admins only', async () => {
    const first = ok(await svc.gql(SAVE, { i: { code: 'big-spenders', name: 'Big spenders', rules: { spend: { windowDays: 30, min: 50_000 } } } })).saveLoyaltyAudience;
    expect(first.userErrors).toEqual([]);
    expect(first.audience).toMatchObject({ code: 'BIG-SPENDERS', rules: { spend: { windowDays: 30, min: 50_000 } }, members: { memberCount: 1, sample: [{ id: m.big }] } });
    const second = ok(await svc.gql(SAVE, { i: { code: 'BIG-SPENDERS', name: 'Big spenders', rules: { spend: { windowDays: 365, min: 5_000 } } } })).saveLoyaltyAudience;
    expect(second.audience.id).toBe(first.audience.id);
    expect(second.audience.members.memberCount).toBe(2);
    const list = ok(await svc.gql(`{ loyaltyAudiences { code name } }`)).loyaltyAudiences;
    expect(list).toEqual([{ code: 'BIG-SPENDERS', name: 'Big spenders' }]);
    const denied = await svc.gql(`{ loyaltyAudiences { code } }`, {}, svc.tokens.till);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = ok(await svc.gql(SAVE, { i: { code: 'no spaces', name: '', rules: null } })).saveLoyaltyAudience;
    expect(bad.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.code', 'input.name']);
  });

  it('counts and samples in SQL: the same statements for a large audience as for an empty one', async () => {
    for (let i = 0; i < 30; i++) await enrol(svc);
    const rules = { spend: { windowDays: 365, max: 10_000_000 }, purchasedAt: { channels: ['store'] } };
    const all = await svc.recordQueries(() => svc.gql(PREVIEW, { r: { spend: { windowDays: 365, max: 10_000_000 } }, n: 0 }));
    const none = await svc.recordQueries(() => svc.gql(PREVIEW, { r: { ...rules, tierCodes: ['NOPE'] }, n: 0 }));
    expect(all.filter((q) => /from member m/.test(q))).toHaveLength(1);
    expect(none.filter((q) => /from member m/.test(q))).toHaveLength(1);
    expect(all.some((q) => /from "member"/.test(q))).toBe(false);
  });
  it('answers a count that takes too long with a user error, not a held connection (LOYALTY_AUDIENCE_TIMEOUT_MS)', async () => {
    const quick = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_AUDIENCE_TIMEOUT_MS: '300' } });
    const em = svc.orm.em.fork();
    try {
      // something else holds sale_earn: a statement over it waits, and the time limit counts the wait
      await em.begin();
      await em.execute('lock table sale_earn in access exclusive mode');
      const res = ok(await quick.gql(PREVIEW, { r: { purchasedWithinDays: 30 }, n: 1 })).previewLoyaltyAudience;
      expect(res.memberCount).toBeNull();
      expect(res.userErrors).toEqual([expect.objectContaining({ field: ['rules'], message: expect.stringContaining('longer than 0.3 s') })]);
      // conditions that do not read sales are not held up
      expect(ok(await quick.gql(PREVIEW, { r: { emailOptIn: true }, n: 1 })).previewLoyaltyAudience.userErrors).toEqual([]);
    } finally {
      await em.rollback();
      await quick.stop();
    }
    expect(ok(await svc.gql(PREVIEW, { r: { purchasedWithinDays: 30 }, n: 1 })).previewLoyaltyAudience.userErrors).toEqual([]);
  });
});
