/**
 * The console's campaigns and automations (issue 14) in real Chromium against a real service on the
 * demo programme: a manager creates a campaign (a field error first), simulates it over sales made
 * days ago, activates it, and sees what it gives on new sales; then creates and activates an
 * automation and sees its run.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../subgraph/src/db/bootstrap';
import { runMaintenance } from '../../subgraph/src/modules/ledger/maintenance.service';
import { ok } from '../../subgraph/src/test-support/harness';
import { enrol, sale, wallet } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, SHOTS, signIn, startBackOffice, type BackOffice } from './web-support';

const EARN = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { points campaignPoints campaigns { campaign { code } points } } userErrors { code message field } } }`;
const CODE = 'E2E-TOYS-BONUS';
const DAY = 86_400_000;

let bo: BackOffice;
let page: Page;
let memberA: string;
let memberB: string;

/** A one-line sale through the till; `daysAgo` dates it back (within the 72-hour offline grace, so campaigns judge it then). */
async function tillSale(memberId: string, categoryId: string, unitPrice: number, daysAgo = 0) {
  const s = { ...sale(randomUUID(), [{ productId: `E2E-${categoryId}`, categoryId, unitPrice }]), ...(daysAgo ? { occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString() } : {}) };
  const res = ok(await bo.svc.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId, sale: s } }, bo.svc.tokens.till)).earnPoints;
  expect(res.userErrors).toEqual([]);
  return res.earn as { points: number; campaignPoints: number; campaigns: { campaign: { code: string }; points: number }[] };
}

const utcDate = (at: number) => new Date(at).toISOString().slice(0, 10);
/** `YYYY-MM-DDTHH:MM` in UTC, as a datetime-local input takes it. */
const utcLocal = (at: number) => new Date(at).toISOString().slice(0, 16);
const figure = (label: string) => page.getByRole('listitem', { name: new RegExp(`^${label}: `) });

beforeAll(async () => {
  // no programme cache: the campaign activated in the console applies to the next sale at once
  bo = await startBackOffice({ env: { LOYALTY_PROGRAMME_CACHE_SECONDS: '0' } });
  await seedDemoOnce(bo.svc.orm);
  memberA = await enrol(bo.svc);
  memberB = await enrol(bo.svc);
  // sales two days ago, which the simulation replays: in category E2E-TOYS (no demo campaign takes
  // them: no clothing, all under £50), 50 points on toy sales of £10 or more, once per member
  await tillSale(memberA, 'E2E-TOYS', 2_000, 2); // rewarded
  await tillSale(memberA, 'E2E-TOYS', 2_500, 2); // qualifies, but A had the one award already
  await tillSale(memberA, 'E2E-TOYS', 500, 2); // under the minimum spend
  await tillSale(memberB, 'E2E-TOYS', 1_500, 2); // rewarded
  await tillSale(memberB, 'E2E-FOOD', 3_000, 2); // not a toy
  page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, `${bo.origin}/admin/`, bo.svc.tokens.admin);
}, 240_000);

afterAll(async () => {
  await bo?.stop();
});

describe('campaigns', () => {
  it('a manager creates a campaign, simulates it, activates it, and sees its effect on new sales', async () => {
    await page.goto(`${bo.origin}/admin/#/campaigns`);
    // the demo's campaigns are listed with their offer and budget
    const demo = page.getByRole('row', { name: /CLOTHING-WEEKEND/ });
    await demo.waitFor();
    await expect.poll(() => demo.textContent()).toContain('Double points');
    await expect.poll(() => demo.textContent()).toMatch(/of 1,000,000 points/);
    await checkAccessibility(page, 'the campaign list');
    await page.screenshot({ path: path.join(SHOTS, 'admin-campaigns.png') });

    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'New campaign' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(CODE.toLowerCase());
    await page.getByLabel('Name', { exact: true }).fill('50 points on toys');
    await page.getByLabel('Time zone', { exact: true }).fill('UTC');
    await page.getByLabel('Starts', { exact: true }).fill(utcLocal(Date.now() - 7 * DAY));
    await page.getByLabel('Categories', { exact: true }).fill('E2E-TOYS');
    await page.getByLabel('Minimum spend (GBP)').fill('10');
    await page.getByRole('combobox', { name: 'Offer', exact: true }).selectOption('EXTRA_POINTS');
    await page.getByLabel('Awards per member (optional)').fill('1');
    await page.getByLabel('Budget (points, optional)').fill('10000');
    // no points yet: the form says so by the field, and sends nothing
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const points = page.getByLabel('Extra points', { exact: true });
    await expect.poll(() => points.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('.field.invalid').textContent()).toContain('Enter the extra points');
    await expect.poll(() => page.locator(':focus').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'the campaign editor with a field error');
    expect(ok(await bo.svc.gql(`{ loyaltyCampaign(code: "${CODE}") { id } }`)).loyaltyCampaign).toBeNull();

    await points.fill('50');
    // simulate the draft over the last four days, before saving it
    await page.getByLabel('Sales from').fill(utcDate(Date.now() - 3 * DAY));
    await page.getByLabel('Sales to (inclusive)').fill(utcDate(Date.now()));
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: /^Result for/ }).waitFor();
    const [{ n: replayed }] = await bo.svc.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from sale_earn where occurred_at >= ?::date and occurred_at < now()`, [utcDate(Date.now() - 3 * DAY)]);
    expect(replayed).toBeGreaterThanOrEqual(5);
    await expect.poll(() => figure('Sales replayed').getAttribute('aria-label')).toBe(`Sales replayed: ${replayed.toLocaleString('en-GB')}`);
    // A's first £20 toy sale and B's £15 one; A's second is over the per-member limit, the £5 one under the minimum
    await expect.poll(() => figure('Sales rewarded').getAttribute('aria-label')).toBe('Sales rewarded: 2');
    expect(await figure('Members reached').getAttribute('aria-label')).toBe('Members reached: 2');
    expect(await figure('Points').getAttribute('aria-label')).toBe('Points: 100');
    expect(await figure('Coupons').getAttribute('aria-label')).toBe('Coupons: 0');
    // 100 points at the demo's 100 points = £1
    expect(await figure('Cost').getAttribute('aria-label')).toBe('Cost: £1.00');
    expect(await figure('Budget runs out').getAttribute('aria-label')).toBe('Budget runs out: Not in this range');
    await checkAccessibility(page, 'the simulation result');
    await page.screenshot({ path: path.join(SHOTS, 'admin-campaign-simulation.png'), fullPage: false });
    // nothing was written by the simulation
    expect(ok(await bo.svc.gql(`{ loyaltyCampaign(code: "${CODE}") { id } }`)).loyaltyCampaign).toBeNull();

    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { name: 'Status and results' }).waitFor();
    expect(page.url()).toContain(`#/campaigns/${CODE}`);
    const saved = ok(await bo.svc.gql(`{ loyaltyCampaign(code: "${CODE}") { status startsAt criteria { categoryIds minSpend { amount } } offer { kind points } perMemberLimit budget { points } } }`)).loyaltyCampaign;
    expect(saved).toMatchObject({ status: 'DRAFT', criteria: { categoryIds: ['E2E-TOYS'], minSpend: { amount: 1_000 } }, offer: { kind: 'EXTRA_POINTS', points: 50 }, perMemberLimit: 1, budget: { points: 10_000 } });

    // a draft gives nothing
    expect((await tillSale(memberA, 'E2E-TOYS', 3_000)).campaignPoints).toBe(0);

    // activate, after a confirmation (cancelled once)
    await page.getByRole('button', { name: 'Activate…' }).click();
    const confirm = page.getByRole('alertdialog', { name: /Activate 50 points on toys/ });
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(ok(await bo.svc.gql(`{ loyaltyCampaign(code: "${CODE}") { status } }`)).loyaltyCampaign.status).toBe('DRAFT');
    await page.getByRole('button', { name: 'Activate…' }).click();
    await confirm.getByRole('button', { name: 'Yes, activate' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain(`${CODE} is active.`);
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Active');

    // new sales through the API: each member's first qualifying sale gets the 50 points, once
    const before = await wallet(bo.svc, memberA);
    const a = await tillSale(memberA, 'E2E-TOYS', 3_000);
    expect(a.campaigns).toEqual([{ campaign: { code: CODE }, points: 50 }]);
    const again = await tillSale(memberA, 'E2E-TOYS', 3_000);
    expect(again.campaignPoints).toBe(0);
    expect((await tillSale(memberB, 'E2E-TOYS', 1_200)).campaignPoints).toBe(50);
    const after = await wallet(bo.svc, memberA);
    expect(after.available + after.pending - (before.available + before.pending)).toBe(a.points + 50 + again.points);

    // the campaign page shows what it gave
    await page.reload();
    await expect.poll(() => page.getByTestId('points-given').textContent()).toBe('100');
    await page.goto(`${bo.origin}/admin/#/campaigns`);
    await expect.poll(() => page.getByRole('row', { name: /E2E-TOYS-BONUS/ }).textContent()).toContain('100 of 10,000 points');
    // the member's page shows the balance with the campaign's points
    await page.goto(`${bo.origin}/admin/#/members/${memberA}`);
    await expect.poll(() => page.locator('[data-figure="Available"] .value').textContent()).toBe(after.available.toLocaleString('en-GB'));

    // and the dashboard shows what the campaign gave in the last 30 days: the two live awards
    await page.goto(`${bo.origin}/admin/#/analytics`);
    const row = page.getByTestId('campaign-results').getByRole('row', { name: /E2E-TOYS-BONUS/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // awards, points given, coupons issued, redeemed, members reached, their sales since, incremental
    expect(cells.slice(0, 5)).toEqual(['2', '100', '0', '0', '2']);
    expect(cells[6]).toBe('–');
    await checkAccessibility(page, 'the dashboard with campaign results');
    await page.screenshot({ path: path.join(SHOTS, 'admin-analytics-campaigns.png'), fullPage: true });
  });
});

describe('a campaign without a budget', () => {
  it('shows what it gave since it started, from the analytics', async () => {
    const saved = ok(
      await bo.svc.gql(`mutation($i: SaveLoyaltyCampaignInput!) { saveLoyaltyCampaign(input: $i) { userErrors { code message field } } }`, {
        i: { code: 'E2E-GAMES', name: 'Games bonus', status: 'ACTIVE', startsAt: new Date(Date.now() - 3_600_000).toISOString(), criteria: { categoryIds: ['E2E-GAMES'] }, offer: { kind: 'EXTRA_POINTS', points: 30 } },
      }),
    ).saveLoyaltyCampaign;
    expect(saved.userErrors).toEqual([]);
    expect((await tillSale(memberA, 'E2E-GAMES', 2_000)).campaignPoints).toBe(30);
    expect((await tillSale(memberB, 'E2E-GAMES', 2_000)).campaignPoints).toBe(30);
    await page.goto(`${bo.origin}/admin/#/campaigns/E2E-GAMES`);
    await expect.poll(() => page.getByTestId('points-given').textContent()).toBe('60');
    await checkAccessibility(page, 'a campaign without a budget');
  });
});

describe('automations', () => {
  it('a manager creates an automation (a field error first), activates it, and sees its run', async () => {
    await page.goto(`${bo.origin}/admin/#/automations`);
    await page.getByRole('row', { name: /BIRTHDAY-VOUCHER/ }).waitFor();
    await page.getByRole('button', { name: 'New automation' }).click();
    await page.getByLabel('Code', { exact: true }).fill('E2E-WELCOME');
    await page.getByLabel('Name', { exact: true }).fill('Welcome points');
    await page.getByRole('combobox', { name: 'Trigger', exact: true }).selectOption('ENROLLED');
    await page.getByRole('combobox', { name: 'Action 1', exact: true }).selectOption('AWARD_POINTS');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    const pointsField = page.getByLabel('Action 1 points');
    await expect.poll(() => pointsField.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('.field.invalid').textContent()).toContain('Enter the points');
    await checkAccessibility(page, 'the automation editor with a field error');
    await pointsField.fill('25');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('E2E-WELCOME saved (not active: activate it to run).');
    const row = page.getByRole('row', { name: /E2E-WELCOME/ });
    await expect.poll(() => row.textContent()).toContain('25 points');

    await row.getByRole('button', { name: 'Activate Welcome points…' }).click();
    await page.getByRole('alertdialog', { name: 'Activate Welcome points?' }).getByRole('button', { name: 'Yes, activate' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('E2E-WELCOME is active.');
    await expect.poll(() => row.locator('.badge').first().textContent()).toBe('Active');
    expect(ok(await bo.svc.gql(`{ loyaltyAutomation(code: "E2E-WELCOME") { status trigger { kind } actions { kind points } } }`)).loyaltyAutomation).toEqual({
      status: 'ACTIVE', trigger: { kind: 'ENROLLED' }, actions: [{ kind: 'AWARD_POINTS', points: 25 }],
    });

    // a member enrols after activation; the maintenance run acts on it, and the run is listed
    const newcomer = await enrol(bo.svc);
    await runMaintenance(bo.svc.orm.em);
    await page.reload();
    const run = page.getByRole('region', { name: 'Recent runs' }).getByRole('row', { name: /E2E-WELCOME/ });
    await run.waitFor();
    await expect.poll(() => run.textContent()).toContain('Done');
    expect(await run.textContent()).toContain('25 points');
    expect(await run.getByRole('link').getAttribute('href')).toBe(`#/members/${newcomer}`);
    await checkAccessibility(page, 'the automations page');
    await page.screenshot({ path: path.join(SHOTS, 'admin-automations.png') });
  });
});
