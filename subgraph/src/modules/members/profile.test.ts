import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../db/bootstrap';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { enrol } from '../../test-support/ledger-fixtures';

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateLoyaltyMemberProfileInput!) {
    updateLoyaltyMemberProfile(input: $input) {
      member { id firstName lastName email phone birthday emailOptIn smsOptIn }
      userErrors { code message field }
    }
  }
`;
const ME = `{ loyaltyMe { id firstName lastName email phone birthday emailOptIn smsOptIn } }`;
const EMAILABLE = `query { previewLoyaltyAudience(rules: { emailOptIn: true }, sampleSize: 0) { memberCount userErrors { code } } }`;

let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
  await seedDemoOnce(svc.orm);
});
afterAll(() => svc?.stop());

describe('updateLoyaltyMemberProfile', () => {
  it('lets a member edit their own profile, changing only the fields given', async () => {
    const id = await enrol(svc, { firstName: 'Grace', lastName: 'Hopper', phone: '+447700900001', emailOptIn: false });
    const token = await svc.tokens.member(id);
    const res = ok(await svc.gql(UPDATE, { input: { firstName: ' Amazing ', email: ' Grace.H@Example.COM ', birthday: '1906-12-09', smsOptIn: true } }, token));
    expect(res.updateLoyaltyMemberProfile.userErrors).toEqual([]);
    const expected = { id, firstName: 'Amazing', lastName: 'Hopper', email: 'grace.h@example.com', phone: '+447700900001', birthday: '1906-12-09', emailOptIn: false, smsOptIn: true };
    expect(res.updateLoyaltyMemberProfile.member).toEqual(expected);
    // read back through a fresh request: stored, not just echoed
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toEqual(expected);
    // null removes an optional field
    const cleared = ok(await svc.gql(UPDATE, { input: { phone: '' } }, token)).updateLoyaltyMemberProfile;
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.member).toMatchObject({ birthday: '1906-12-09', phone: null, email: 'grace.h@example.com' });
  });

  it('lets a member record their birthday once; changing it afterwards is for staff', async () => {
    const id = await enrol(svc);
    const token = await svc.tokens.member(id);
    expect(ok(await svc.gql(UPDATE, { input: { birthday: '1990-05-01' } }, token)).updateLoyaltyMemberProfile.userErrors).toEqual([]);
    // the same date again is no change; another date (or none) would move the birthday bonus and offers
    expect(ok(await svc.gql(UPDATE, { input: { birthday: '1990-05-01', firstName: 'May' } }, token)).updateLoyaltyMemberProfile.userErrors).toEqual([]);
    for (const birthday of ['1990-12-08', null]) {
      const refused = ok(await svc.gql(UPDATE, { input: { birthday, firstName: 'June' } }, token)).updateLoyaltyMemberProfile;
      expect(refused.userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'Your birthday is already recorded: ask us to correct it', field: ['input', 'birthday'] }]);
    }
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe).toMatchObject({ birthday: '1990-05-01', firstName: 'May' });
    const byAdmin = ok(await svc.gql(UPDATE, { input: { memberId: id, birthday: '1990-05-10' } })).updateLoyaltyMemberProfile;
    expect(byAdmin.userErrors).toEqual([]);
    expect(byAdmin.member.birthday).toBe('1990-05-10');
  });

  it("acts for a shopper's token as the member enrolled with that customer id", async () => {
    const id = await enrol(svc, { customerId: 'shopper-profile-1' });
    const res = ok(await svc.gql(UPDATE, { input: { lastName: 'Shopper' } }, await svc.tokens.customer('shopper-profile-1'))).updateLoyaltyMemberProfile;
    expect(res.userErrors).toEqual([]);
    expect(res.member).toMatchObject({ id, lastName: 'Shopper' });
    const stranger = ok(await svc.gql(UPDATE, { input: { lastName: 'Nobody' } }, await svc.tokens.customer('not-enrolled-9'))).updateLoyaltyMemberProfile;
    expect(stranger.userErrors).toEqual([expect.objectContaining({ code: 'MEMBER_NOT_FOUND' })]);
  });

  it("refuses a member's token editing another member, and changes nothing", async () => {
    const victim = await enrol(svc, { firstName: 'Victim' });
    const other = await enrol(svc);
    const res = await svc.gql(UPDATE, { input: { memberId: victim, firstName: 'Hacked', emailOptIn: true } }, await svc.tokens.member(other));
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.updateLoyaltyMemberProfile ?? null).toBeNull();
    const after = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { firstName emailOptIn } }`, { id: victim }));
    expect(after.loyaltyMember).toEqual({ firstName: 'Victim', emailOptIn: false });
    // naming oneself is fine; a till may not edit profiles at all
    expect(ok(await svc.gql(UPDATE, { input: { memberId: other, smsOptIn: true } }, await svc.tokens.member(other))).updateLoyaltyMemberProfile.userErrors).toEqual([]);
    expect((await svc.gql(UPDATE, { input: { memberId: victim, firstName: 'Till' } }, svc.tokens.till)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an admin edit a member by id, and needs the id', async () => {
    const id = await enrol(svc);
    const res = ok(await svc.gql(UPDATE, { input: { memberId: id, phone: '0044 7700 900 123' } })).updateLoyaltyMemberProfile;
    expect(res.userErrors).toEqual([]);
    expect(res.member.phone).toBe('+447700900123');
    const none = ok(await svc.gql(UPDATE, { input: { phone: '+447700900124' } })).updateLoyaltyMemberProfile;
    expect(none.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'memberId'] })]);
  });

  it('reports bad fields as userErrors by field, all at once, and changes nothing', async () => {
    const id = await enrol(svc, { firstName: 'Kept' });
    const token = await svc.tokens.member(id);
    const res = ok(await svc.gql(UPDATE, { input: { firstName: '   ', email: 'not-an-email', phone: '123', birthday: '2999-01-01' } }, token)).updateLoyaltyMemberProfile;
    expect(res.member).toBeNull();
    expect(res.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.birthday', 'input.email', 'input.firstName', 'input.phone']);
    expect(res.userErrors.every((e: { code: string }) => e.code === 'INVALID_INPUT')).toBe(true);
    expect(ok(await svc.gql(ME, {}, token)).loyaltyMe.firstName).toBe('Kept');
  });

  it("refuses another member's e-mail address, and removing the last way to find the member", async () => {
    const taken = `taken.${Date.now()}@example.com`;
    await enrol(svc, { email: taken });
    const id = await enrol(svc);
    const token = await svc.tokens.member(id);
    const dup = ok(await svc.gql(UPDATE, { input: { email: taken.toUpperCase() } }, token)).updateLoyaltyMemberProfile;
    expect(dup.userErrors).toEqual([expect.objectContaining({ code: 'EMAIL_ALREADY_REGISTERED', field: ['input', 'email'] })]);
    // the member's own address again is no conflict
    const own = ok(await svc.gql(ME, {}, token)).loyaltyMe.email;
    expect(ok(await svc.gql(UPDATE, { input: { email: own } }, token)).updateLoyaltyMemberProfile.userErrors).toEqual([]);
    const lost = ok(await svc.gql(UPDATE, { input: { email: null } }, token)).updateLoyaltyMemberProfile;
    expect(lost.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'email'] })]);
  });

  it('honours an opt-out: the member leaves the audiences that may be e-mailed', async () => {
    const id = await enrol(svc, { emailOptIn: true });
    const token = await svc.tokens.member(id);
    const before = ok(await svc.gql(EMAILABLE)).previewLoyaltyAudience.memberCount;
    const res = ok(await svc.gql(UPDATE, { input: { emailOptIn: false } }, token)).updateLoyaltyMemberProfile;
    expect(res.member).toMatchObject({ emailOptIn: false });
    expect(ok(await svc.gql(EMAILABLE)).previewLoyaltyAudience.memberCount).toBe(before - 1);
    expect(ok(await svc.gql(UPDATE, { input: { emailOptIn: true } }, token)).updateLoyaltyMemberProfile.member.emailOptIn).toBe(true);
    expect(ok(await svc.gql(EMAILABLE)).previewLoyaltyAudience.memberCount).toBe(before);
  });
});
