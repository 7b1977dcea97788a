/**
 * The analytics dashboard in a browser: its figures are the service's (checked against a
 * hand-computed day), the range form refuses a backwards range, and the CSV export holds the rows.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../subgraph/src/test-support/harness';
import { ADJUST, addRule, configureProgramme, earn, enrol } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, SHOTS, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;

beforeAll(async () => {
  bo = await startBackOffice();
  const svc = bo.svc;
  await configureProgramme(svc); // 100 points = 1.00 GBP, no welcome bonus
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
  const member = await enrol(svc);
  await earn(svc, member, 12_000); // 120 points
  await earn(svc, member, 3_000); // 30 points
  ok(await svc.gql(ADJUST, { input: { idempotencyKey: randomUUID(), memberId: member, points: -20, reason: 'correction' } }));
}, 180_000);

afterAll(async () => {
  await bo?.stop();
});

describe('analytics dashboard', () => {
  it('shows the points issued, outstanding and liability of the range, and exports them', async () => {
    const page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/London' });
    await signIn(page, `${bo.origin}/admin/#/analytics`, bo.svc.tokens.admin);
    await page.getByRole('heading', { name: 'Points and liability' }).waitFor();
    // 150 points issued on two sales, 20 taken back by hand: 130 held, worth £1.30
    await expect.poll(() => page.getByTestId('kpi-issued').locator('.value').textContent()).toBe('150');
    expect(await page.getByTestId('kpi-outstanding').locator('.value').textContent()).toBe('130');
    expect(await page.getByTestId('kpi-liability').locator('.value').textContent()).toBe('£1.30');
    expect(await page.getByTestId('kpi-breakage-rate').locator('.value').textContent()).toBe('0.0%');
    // members and sales: one member enrolled, two sales of theirs (£120 then £30), the second a returning one
    const kpi = (id: string) => page.getByTestId(id).locator('.value').textContent();
    await expect.poll(() => kpi('kpi-sales-value')).toBe('£150.00');
    expect(await kpi('kpi-enrolled')).toBe('1');
    expect(await kpi('kpi-active')).toBe('1');
    expect(await kpi('kpi-repeat-rate')).toBe('100.0%');
    expect(await kpi('kpi-loyalty-index')).toBe('100.0%');
    expect(await kpi('kpi-returning-share')).toBe('20.0%');
    // another store has none of them
    await page.getByLabel('Store', { exact: true }).fill('store-002');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual([expect.stringContaining('store-002')]);
    await page.getByLabel('Store', { exact: true }).fill('store-001');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => kpi('kpi-sales-value')).toBe('£150.00');
    await checkAccessibility(page, 'the analytics dashboard');
    await page.screenshot({ path: path.join(SHOTS, 'admin-analytics.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export points CSV' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('bucket start,Issued on sales,Bonuses,Redeemed,Into coupons,Expired,Taken back by returns,Adjusted,outstanding at end,liability at end (minor units),currency');
    expect(lines).toHaveLength(31); // the header and 30 days
    const today = lines.at(-1)!.split(',');
    expect(today.slice(1)).toEqual(['150', '0', '0', '0', '0', '0', '-20', '130', '130', 'GBP']);
    await page.close();
  });

  it('checks the range before asking, by field', async () => {
    const page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, `${bo.origin}/admin/#/analytics`, bo.svc.tokens.admin);
    await page.getByLabel('First day').fill('2026-12-10');
    await page.getByLabel('Last day').fill('2026-12-01');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByText('The last day must not be before the first').count()).toBe(1);
    expect(await page.getByText('Mars/Olympus is not a time zone').count()).toBe(1);
    expect(await page.getByLabel('Last day').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'the range form with errors');
    await page.close();
  });
});
