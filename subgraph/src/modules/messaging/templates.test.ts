import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { enrol } from '../../test-support/ledger-fixtures';
import { MessageChannel } from './messaging.entities';
import { placeholdersIn, render, renderMessage, TemplateError, templateProblems } from './templates';

describe('rendering', () => {
  it('fills every placeholder, spaces inside the braces allowed, values inserted once and as plain text', () => {
    expect(render('Hi {{firstName}}, {{ couponCode }} and {{firstName}} again', { firstName: 'Ann <b>', couponCode: 'AB-{{firstName}}' })).toBe(
      'Hi Ann <b>, AB-{{firstName}} and Ann <b> again',
    );
    expect(render('{{daysLeft}} days', { daysLeft: 0 })).toBe('0 days');
  });

  it('fails loudly on a placeholder without a value rather than leaving it empty', () => {
    expect(() => render('Your {{couponTitle}} expires', { firstName: 'Ann' })).toThrow(TemplateError);
    expect(() => render('Your {{couponTitle}} expires', { couponTitle: undefined as unknown as string })).toThrow(/couponTitle/);
  });

  it('refuses stray or malformed braces', () => {
    expect(() => placeholdersIn('Hello {{first name}}')).toThrow(TemplateError);
    expect(() => placeholdersIn('Hello {{firstName}')).toThrow(TemplateError);
    expect(() => render('50% off }}', {})).toThrow(TemplateError);
    expect(placeholdersIn('{{a}} {{b}} {{a}} {single}')).toEqual(['a', 'b']);
  });

  it('makes the subject one line of at most 200 characters', () => {
    const out = renderMessage({ subject: 'About {{couponTitle}}', body: 'Line 1\n{{couponTitle}}' }, { couponTitle: 'Free\r\ncoffee' + 'x'.repeat(300) });
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.subject.length).toBe(200);
    expect(out.subject.startsWith('About Free coffeexx')).toBe(true);
    expect(out.body).toBe('Line 1\nFree\r\ncoffee' + 'x'.repeat(300));
  });

  it('validates templates before they are saved', () => {
    expect(templateProblems('coupon_expiry_reminder', MessageChannel.EMAIL, 'Hi {{firstName}}', 'Code {{couponCode}}\nuntil {{expiresOn}}')).toEqual([]);
    expect(templateProblems('coupon_expiry_reminder', MessageChannel.EMAIL, 'Hi {{name}}', 'x')).toEqual([
      { field: 'subject', message: expect.stringContaining('{{name}}') },
    ]);
    expect(templateProblems('nope', MessageChannel.EMAIL, 'a', 'b').map((p) => p.field)).toEqual(['key']);
    expect(templateProblems('coupon_expiry_reminder', MessageChannel.SMS, 'a', 'x'.repeat(481)).map((p) => p.field)).toEqual(['body']);
    expect(templateProblems('coupon_expiry_reminder', MessageChannel.INBOX, '', ' ').map((p) => p.field)).toEqual(['subject', 'body']);
  });
});

describe('template editing over GraphQL', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc?.stop());

  const SAVE = `mutation($i: SaveLoyaltyMessageTemplateInput!) { saveLoyaltyMessageTemplate(input: $i) { template { key channel subject body placeholders updatedAt } userErrors { code message field } } }`;
  const LIST = `{ loyaltyMessageTemplates { key channel subject body placeholders } }`;

  it('lists the default templates with the placeholders they may use', async () => {
    const all = ok(await svc.gql(LIST)).loyaltyMessageTemplates as { key: string; channel: string; placeholders: string[]; body: string }[];
    expect(all.map((t) => `${t.key}/${t.channel}`)).toEqual([
      'coupon_expiry_reminder/EMAIL', 'coupon_expiry_reminder/INBOX', 'coupon_expiry_reminder/SMS',
      'membership_expiry_reminder/EMAIL', 'membership_expiry_reminder/INBOX', 'membership_expiry_reminder/SMS',
      'membership_renewal_reminder/EMAIL', 'membership_renewal_reminder/INBOX', 'membership_renewal_reminder/SMS',
      'tier_review_warning/EMAIL', 'tier_review_warning/INBOX', 'tier_review_warning/SMS',
    ]);
    const list = all.filter((t) => t.key === 'coupon_expiry_reminder');
    for (const t of list) expect(t.placeholders).toEqual(['firstName', 'couponTitle', 'couponCode', 'expiresOn', 'daysLeft']);
    expect(list[0]!.body).toContain('{{couponCode}}');
    for (const t of all.filter((x) => x.key === 'tier_review_warning')) expect(t.placeholders).toEqual(['firstName', 'tierName', 'nextTierName', 'reviewOn', 'daysLeft', 'amountNeeded']);
    for (const t of all.filter((x) => x.key === 'membership_expiry_reminder')) expect(t.placeholders).toEqual(['firstName', 'expiresOn', 'daysLeft']);
  });

  it('saves an edited template, which the next read returns', async () => {
    const res = ok(await svc.gql(SAVE, { i: { key: 'coupon_expiry_reminder', channel: 'SMS', subject: ' Reminder ', body: 'Hi {{firstName}}: {{couponCode}} ends {{expiresOn}}\r\n' } })).saveLoyaltyMessageTemplate;
    expect(res.userErrors).toEqual([]);
    expect(res.template).toMatchObject({ key: 'coupon_expiry_reminder', channel: 'SMS', subject: 'Reminder', body: 'Hi {{firstName}}: {{couponCode}} ends {{expiresOn}}' });
    const sms = ok(await svc.gql(LIST)).loyaltyMessageTemplates.find((t: { key: string; channel: string }) => t.key === 'coupon_expiry_reminder' && t.channel === 'SMS');
    expect(sms.body).toBe('Hi {{firstName}}: {{couponCode}} ends {{expiresOn}}');
  });

  it('refuses unknown placeholders, unknown keys, malformed braces and over-long texts, and keeps the old text', async () => {
    const before = ok(await svc.gql(LIST)).loyaltyMessageTemplates.find((t: { channel: string }) => t.channel === 'EMAIL');
    const cases = [
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'Hi {{firstname}}', body: 'ok' }, ['input', 'subject'], /\{\{firstname\}\}/],
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'Hi', body: 'Your {{points}} points' }, ['input', 'body'], /\{\{points\}\}/],
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'Hi', body: 'Code {{couponCode}' }, ['input', 'body'], /placeholder/],
      [{ key: 'welcome', channel: 'EMAIL', subject: 'Hi', body: 'Hello' }, ['input', 'key'], /Unknown template key/],
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'x'.repeat(201), body: 'Hello' }, ['input', 'subject'], /200/],
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'Two\nlines', body: 'Hello' }, ['input', 'subject'], /one line/],
      [{ key: 'coupon_expiry_reminder', channel: 'EMAIL', subject: 'Hi', body: '' }, ['input', 'body'], /required/],
    ] as const;
    for (const [input, field, message] of cases) {
      const res = ok(await svc.gql(SAVE, { i: input })).saveLoyaltyMessageTemplate;
      expect(res.template).toBeNull();
      expect(res.userErrors).toEqual([{ code: 'INVALID_INPUT', message: expect.stringMatching(message), field }]);
    }
    const after = ok(await svc.gql(LIST)).loyaltyMessageTemplates.find((t: { channel: string }) => t.channel === 'EMAIL');
    expect(after).toEqual(before);
  });

  it('is for admins only', async () => {
    const member = await svc.tokens.member(await enrol(svc));
    for (const token of [svc.tokens.till, svc.tokens.service, member]) {
      expect((await svc.gql(LIST, {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const save = await svc.gql(SAVE, { i: { key: 'coupon_expiry_reminder', channel: 'SMS', subject: 'x', body: 'y' } }, token);
      expect(save.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await svc.gql(LIST, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await svc.gql(`{ loyaltyOutboxMessages { id } }`, {}, svc.tokens.till)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
