/**
 * The console's programme pages in Chromium against the demo programme: settings (a field error,
 * then a change the API confirms), rewards with stock, levels, template preview, earning rules and
 * the outbox with a queued and a failed message.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../subgraph/src/db/bootstrap';
import { deliverOutbox } from '../../subgraph/src/modules/messaging/outbox.service';
import { queueCouponReminders } from '../../subgraph/src/modules/messaging/reminders.service';
import { ok } from '../../subgraph/src/test-support/harness';
import { enrol } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, SHOTS, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;
let page: Page;

beforeAll(async () => {
  bo = await startBackOffice();
  await seedDemoOnce(bo.svc.orm);
  page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, `${bo.origin}/admin/`, bo.svc.tokens.admin);
});

afterAll(async () => {
  await bo?.stop();
});

const open = async (route: string, heading: string) => {
  await page.goto(`${bo.origin}/admin/#/${route}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

describe('programme settings', () => {
  it('shows the field error of an invalid value, then saves a valid change the API confirms', async () => {
    await open('programme', 'Programme settings');
    const share = page.getByLabel('Largest share of a sale paid in points (%)');
    await share.waitFor();
    await checkAccessibility(page, 'programme settings');

    await share.fill('150');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => share.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field.invalid .field-error').allTextContents()).toEqual(['Largest share of a sale paid in points (%) must be from 0 to 100.']);

    // a value only the service refuses: its userError lands on the field
    const before = ok(await bo.svc.gql(`{ loyaltyProgramme { holdTtlMaxSeconds maxRedeemSharePercent } }`)).loyaltyProgramme as { holdTtlMaxSeconds: number; maxRedeemSharePercent: number };
    const max = before.holdTtlMaxSeconds;
    const wanted = before.maxRedeemSharePercent === 40 ? 45 : 40;
    await share.fill(String(wanted));
    const hold = page.getByLabel('Default hold (seconds)');
    await hold.fill(String(max + 1));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => hold.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('.field.invalid .field-error').allTextContents()).toEqual(['holdTtlDefaultSeconds must not exceed holdTtlMaxSeconds']);
    expect(ok(await bo.svc.gql(`{ loyaltyProgramme { maxRedeemSharePercent } }`)).loyaltyProgramme.maxRedeemSharePercent).toBe(before.maxRedeemSharePercent);

    await hold.fill(String(Math.min(60, max)));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).textContent()).toBe('Saved 2 changes.');
    expect(ok(await bo.svc.gql(`{ loyaltyProgramme { maxRedeemSharePercent holdTtlDefaultSeconds } }`)).loyaltyProgramme).toEqual({ maxRedeemSharePercent: wanted, holdTtlDefaultSeconds: Math.min(60, max) });
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'admin-programme.png') });
  });
});

describe('rewards', () => {
  it('adds a reward with stock, refusing it first without a product, and lists it', async () => {
    await open('rewards', 'Rewards');
    await page.getByRole('cell', { name: 'Branded mug', exact: true }).waitFor();
    await checkAccessibility(page, 'the reward catalogue');
    await page.getByRole('button', { name: 'New reward' }).click();
    const form = page.getByRole('form', { name: 'New reward' });
    await form.getByLabel('Name').fill('Umbrella');
    await form.getByLabel('Points cost').fill('700');
    await form.getByLabel('Stock').fill('25');
    await form.getByRole('button', { name: 'Add reward' }).click();
    await expect.poll(() => form.getByLabel('Product id').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Product id').fill('umbrella-golf');
    await checkAccessibility(page, 'the reward form');
    await form.getByRole('button', { name: 'Add reward' }).click();
    await page.getByRole('status').filter({ hasText: 'Umbrella saved.' }).waitFor();
    const row = page.getByRole('row', { name: /Umbrella/ });
    await expect.poll(() => row.textContent()).toContain('700');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('25');
    const saved = (ok(await bo.svc.gql(`{ loyaltyRewards(includeInactive: true) { name stock pointsCost productId } }`)).loyaltyRewards as { name: string }[]).find((r) => r.name === 'Umbrella');
    expect(saved).toEqual({ name: 'Umbrella', stock: 25, pointsCost: 700, productId: 'umbrella-golf' });
    await page.screenshot({ path: path.join(SHOTS, 'admin-rewards.png') });
  });
});

describe('levels', () => {
  it('edits a level and shows the change', async () => {
    await open('levels', 'Levels');
    const tiers = ok(await bo.svc.gql(`{ loyaltyTiers { id name rank earnMultiplierPercent } }`)).loyaltyTiers as { id: string; name: string; rank: number; earnMultiplierPercent: number }[];
    const tier = tiers.find((t) => t.rank === 1)!;
    await page.getByRole('button', { name: `Edit ${tier.name}` }).click();
    const form = page.getByRole('form', { name: `Edit ${tier.name}` });
    await checkAccessibility(page, 'the level form');
    await form.getByLabel('Earn multiplier (%)').fill('abc');
    await form.getByRole('button', { name: 'Save level' }).click();
    await expect.poll(() => form.getByLabel('Earn multiplier (%)').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Earn multiplier (%)').fill('135');
    await form.getByRole('button', { name: 'Add a benefit' }).click();
    await form.getByLabel(/^Benefit \d+ code$/).last().fill('LATE_CHECKOUT');
    await form.getByLabel(/^Benefit \d+ description$/).last().fill('Late checkout on weekends');
    await form.getByRole('button', { name: 'Save level' }).click();
    await page.getByRole('status').filter({ hasText: `${tier.name} saved.` }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(tier.name) });
    await expect.poll(() => row.textContent()).toContain('1.35×');
    expect(await row.textContent()).toContain('Late checkout on weekends');
    const after = (ok(await bo.svc.gql(`{ loyaltyTiers { id earnMultiplierPercent benefits { code } } }`)).loyaltyTiers as { id: string; earnMultiplierPercent: number; benefits: { code: string }[] }[]).find((t) => t.id === tier.id)!;
    expect(after.earnMultiplierPercent).toBe(135);
    expect(after.benefits.map((b) => b.code)).toContain('LATE_CHECKOUT');
    await checkAccessibility(page, 'levels');
    await page.screenshot({ path: path.join(SHOTS, 'admin-levels.png') });
  });
});

describe('message templates', () => {
  it('previews a draft with sample values, escaped, and refuses an unknown placeholder by field', async () => {
    await open('messages', 'Message templates');
    await checkAccessibility(page, 'message templates');
    await page.getByRole('button', { name: 'Edit coupon expiry reminder (E-mail)' }).click();
    const form = page.getByRole('form', { name: 'Edit coupon expiry reminder (E-mail)' });
    await expect.poll(() => form.textContent()).toContain('{{couponCode}}');
    await form.getByLabel('Subject').fill('Hi {{nickname}}');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => form.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Subject').fill('{{firstName}}, your {{couponTitle}} expires soon');
    await form.getByLabel('Text', { exact: true }).fill('Use {{couponCode}} by {{expiresOn}}.');
    await form.getByLabel('HTML version (optional)').fill('<p>Hello {{firstName}}</p>');
    await form.getByLabel('firstName', { exact: true }).fill('Ann <b>');
    await form.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('Ann <b>, your Free coffee expires soon');
    expect(await page.getByTestId('preview-body').textContent()).toBe('Use ABCD-EFGH-JKLM by 2030-06-30.');
    expect(await page.getByTestId('preview-html').textContent()).toBe('<p>Hello Ann &lt;b&gt;</p>');
    // shown as text, never as markup
    expect(await page.locator('[data-testid="preview-subject"] b').count()).toBe(0);
    await checkAccessibility(page, 'a template preview');
    await page.screenshot({ path: path.join(SHOTS, 'admin-messages.png') });
  });
});

describe('earning rules', () => {
  it('lists the rules in order and reports refused arguments by field', async () => {
    await open('rules', 'Earning rules');
    await page.getByRole('cell', { name: /SPEND/ }).first().waitFor();
    await checkAccessibility(page, 'earning rules');
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New earning rule' });
    await form.getByLabel('Kind').selectOption('SPEND');
    await form.getByLabel('Name').fill('Double spend');
    await form.getByLabel('Arguments (JSON)').fill('{"pointsPerStep": 0, "stepMinor": 100}');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => form.getByLabel('Arguments (JSON)').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Arguments (JSON)').fill('{"pointsPerStep": 2, "stepMinor": 100}');
    await form.getByLabel('Active').uncheck();
    await form.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('status').filter({ hasText: 'Double spend saved.' }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Double spend/ }).textContent()).toContain('Inactive');
  });
});

describe('outbox', () => {
  it('lists a sent reminder and a failed message with its error, failed first and by filter', async () => {
    ok(await bo.svc.gql(`mutation { updateLoyaltyProgramme(input: { couponReminderDays: 3 }) { userErrors { message } } }`));
    const email = `outbox.${randomUUID().slice(0, 8)}@example.com`;
    const failing = `bounce.${randomUUID().slice(0, 8)}@example.com`;
    for (const address of [email, failing]) {
      const memberId = await enrol(bo.svc, { email: address });
      const res = ok(
        await bo.svc.gql(`mutation($i: IssueLoyaltyCouponInput!) { issueLoyaltyCoupon(input: $i) { userErrors { message } } }`, {
          i: { idempotencyKey: randomUUID(), kind: 'PERCENT_DISCOUNT', percent: 10, memberId, title: 'Ten off', validDays: 1 },
        }),
      );
      expect(res.issueLoyaltyCoupon.userErrors).toEqual([]);
    }
    expect((await queueCouponReminders(bo.svc.orm.em)).emails).toBeGreaterThanOrEqual(2);
    // the bounced address fails for good (one attempt allowed); the other is sent
    const report = await deliverOutbox(
      bo.svc.orm.em,
      {
        async send(m) {
          if (m.recipient.startsWith('bounce')) throw new Error('550 No such user here');
        },
      },
      { maxAttempts: 1 },
    );
    expect(report.failed).toBeGreaterThanOrEqual(1);

    await open('outbox', 'Outbox');
    const failedRow = page.getByRole('row', { name: new RegExp(failing.replace('.', '\\.')) });
    await expect.poll(() => failedRow.textContent()).toContain('550 No such user here');
    expect(await failedRow.textContent()).toContain('Failed');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) }).count()).toBe(1);
    // failed first
    expect(await page.getByRole('row').nth(1).textContent()).toContain('Failed');
    await checkAccessibility(page, 'the outbox');
    await page.screenshot({ path: path.join(SHOTS, 'admin-outbox.png') });

    await page.getByLabel('Status').selectOption('FAILED');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) }).count()).toBe(0);
    expect(await page.getByRole('row', { name: new RegExp(failing.replace('.', '\\.')) }).count()).toBeGreaterThan(0);
    expect(await page.locator('tbody tr').filter({ hasNotText: 'Failed' }).count()).toBe(0);
    await page.getByLabel('Status').selectOption('SENT');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) }).count()).toBeGreaterThan(0);
    expect(await page.locator('tbody tr').filter({ hasNotText: 'Sent' }).count()).toBe(0);
  });
});
