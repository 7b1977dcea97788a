import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { enrol } from '../../test-support/ledger-fixtures';

const PREVIEW = `query($i: PreviewLoyaltyMessageTemplateInput!) { previewLoyaltyMessageTemplate(input: $i) { subject body html values userErrors { code message field } } }`;

describe('previewLoyaltyMessageTemplate', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc?.stop());

  it('renders a draft with sample values, or the given ones, escaping them in HTML only', async () => {
    const res = ok(
      await svc.gql(PREVIEW, {
        i: {
          key: 'coupon_expiry_reminder',
          channel: 'EMAIL',
          subject: 'Hi {{firstName}}: {{ couponTitle }} ends soon',
          body: 'Code {{couponCode}}\r\nuntil {{expiresOn}}  ',
          html: '<p>Hi {{firstName}}, {{couponTitle}}</p>',
          values: { firstName: 'Ann <b>&' },
        },
      }),
    ).previewLoyaltyMessageTemplate;
    expect(res.userErrors).toEqual([]);
    expect(res.subject).toBe('Hi Ann <b>&: Free coffee ends soon');
    expect(res.body).toBe('Code ABCD-EFGH-JKLM\nuntil 2030-06-30');
    expect(res.html).toBe('<p>Hi Ann &lt;b&gt;&amp;, Free coffee</p>');
    expect(Object.keys(res.values).sort()).toEqual(['couponCode', 'couponTitle', 'daysLeft', 'expiresOn', 'firstName']);
    expect(res.values.firstName).toBe('Ann <b>&');
  });

  it('reports what saving would refuse, by field, and saves nothing', async () => {
    const before = ok(await svc.gql(`{ loyaltyMessageTemplates { key channel subject } }`)).loyaltyMessageTemplates;
    const res = ok(await svc.gql(PREVIEW, { i: { key: 'coupon_expiry_reminder', channel: 'SMS', subject: 'Hi {{name}}', body: 'Oops {{couponCode}' } })).previewLoyaltyMessageTemplate;
    expect(res.subject).toBeNull();
    expect(res.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.subject', 'input.body']);
    expect(res.userErrors[0].message).toContain('{{name}}');
    const unknown = ok(await svc.gql(PREVIEW, { i: { key: 'welcome', channel: 'EMAIL', subject: 'a', body: 'b' } })).previewLoyaltyMessageTemplate;
    expect(unknown.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(['input.key']);
    expect(ok(await svc.gql(`{ loyaltyMessageTemplates { key channel subject } }`)).loyaltyMessageTemplates).toEqual(before);
  });

  it('is for admins only', async () => {
    const member = await svc.tokens.member(await enrol(svc));
    for (const token of [member, svc.tokens.till]) {
      const res = await svc.gql(PREVIEW, { i: { key: 'coupon_expiry_reminder', channel: 'INBOX', subject: 'a', body: 'b' } }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
