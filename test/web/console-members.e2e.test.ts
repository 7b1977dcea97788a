/**
 * The console's members table and member page in a browser, on the demo programme: a manager finds
 * a member by search, sorts the table, reaches a member by keyboard, adjusts their points with a
 * reason (a bad entry named by field first) and blocks a card after confirming.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../subgraph/src/db/bootstrap';
import { ok } from '../../subgraph/src/test-support/harness';
import { checkAccessibility, SHOTS, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;
let member: { id: string; firstName: string; lastName: string; wallet: { available: number }; cards: { number: string; status: string }[] };
const CARD = '0420000000013';

const BY_CARD = /* GraphQL */ `
  query ByCard($n: String!) {
    loyaltyMemberByCard(cardNumber: $n) { id firstName lastName wallet { available } cards { number status } }
  }
`;
const FIRST_BY = /* GraphQL */ `
  query FirstBy($sort: LoyaltyMemberSort) { loyaltyMembers(first: 1, sort: $sort) { nodes { id firstName lastName } } }
`;

beforeAll(async () => {
  bo = await startBackOffice();
  await seedDemoOnce(bo.svc.orm);
  member = ok(await bo.svc.gql(BY_CARD, { n: CARD }, bo.svc.tokens.till)).loyaltyMemberByCard;
  expect(member).toBeTruthy();
}, 240_000);

afterAll(async () => {
  await bo?.stop();
});

const firstOf = async (sort: string) => {
  const m = ok(await bo.svc.gql(FIRST_BY, { sort })).loyaltyMembers.nodes[0];
  return `${m.firstName} ${m.lastName}`;
};

describe('members table', () => {
  it('sorts on the server, searches, and opens a member from the keyboard', async () => {
    const page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, `${bo.origin}/admin/#/members`, bo.svc.tokens.admin);
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    const firstName = () => page.locator('tbody tr').first().locator('td').first().textContent();

    // newest enrolment first, then by name, then oldest first: each the service's first member
    await expect.poll(firstName).toBe(await firstOf('NEWEST'));
    await expect.poll(() => page.getByText(/of \d+ +members, newest enrolment first/).count()).toBe(1);
    await checkAccessibility(page, 'the members table');
    await page.getByRole('button', { name: 'Name', exact: true }).click();
    await expect.poll(firstName).toBe(await firstOf('NAME'));
    expect(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Enrolled', exact: true }).click(); // newest first
    await expect.poll(firstName).toBe(await firstOf('NEWEST'));
    await page.getByRole('button', { name: 'Enrolled', exact: true }).click(); // oldest first
    await expect.poll(firstName).toBe(await firstOf('OLDEST'));
    expect(await firstOf('OLDEST')).not.toBe(await firstOf('NEWEST'));

    // next and previous pages
    const pageOne = await page.locator('tbody tr').allTextContents();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByText('Page 2').count()).toBe(1);
    await expect.poll(async () => (await page.locator('tbody tr').allTextContents())[0]).not.toBe(pageOne[0]);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => page.locator('tbody tr').allTextContents()).toEqual(pageOne);

    // from the top of the page: Tab to the search box, type, Tab to the member's link, Enter
    // (as strings: the tests are compiled without the DOM's types)
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    // the focused control itself (its tag and attributes), not what it contains
    const focused = async () =>
      String(await page.evaluate("document.activeElement && document.activeElement !== document.body ? document.activeElement.outerHTML.replace(/>[\\s\\S]*$/, '>') : ''"));
    for (let i = 0; i < 30 && !(await focused()).includes('type="search"'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toContain('type="search"');
    await page.keyboard.type(`${member.firstName} ${member.lastName}`);
    const link = page.locator(`a[href="#/members/${member.id}"]`);
    await link.waitFor();
    await expect.poll(() => page.locator('p[aria-live]').textContent()).toMatch(/matching members, listed by how they match/);
    await page.screenshot({ path: path.join(SHOTS, 'admin-members.png') });
    for (let i = 0; i < 60 && !(await focused()).includes(`#/members/${member.id}`); i++) await page.keyboard.press('Tab');
    expect(await focused()).toContain(`#/members/${member.id}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/members/${member.id}`);
    await page.getByRole('heading', { name: `${member.firstName} ${member.lastName}`, level: 1 }).waitFor();
    // the focus moved to the new page's heading, not left on a link that is gone
    await expect.poll(focused).toMatch(/^<h1 /);

    // a card number finds its holder
    await page.goto(`${bo.origin}/admin/#/members`);
    await page.getByLabel('Search members').fill(CARD);
    // (a loading row may come first: wait for the answer, which is the holder alone)
    await expect.poll(() => page.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(member.lastName)]);
    await page.close();
  });
});

describe('member page', () => {
  it('adjusts points with a reason, refusing a bad entry by field, and blocks a card after confirming', async () => {
    const page = await bo.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, `${bo.origin}/admin/#/members/${member.id}`, bo.svc.tokens.admin);
    await page.getByRole('heading', { name: `${member.firstName} ${member.lastName}`, level: 1 }).waitFor();
    const available = () => page.locator('[data-figure="Available"] .value').textContent();
    await expect.poll(available).toBe(member.wallet.available.toLocaleString('en-GB'));
    await page.getByRole('heading', { name: 'Points log' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Points log, newest first' }).count()).toBe(1);
    await checkAccessibility(page, 'the member page');

    // nothing is sent while the entry is wrong: 0 points and no reason, each named at its field
    let adjustments = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('ConsoleMembersAdjustPoints')) adjustments++;
    });
    await page.getByLabel('Points', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Adjust points' }).click();
    await expect.poll(() => page.getByText('Points must not be 0.').count()).toBe(1);
    expect(await page.getByText('Give a reason: it is kept in the points log.').count()).toBe(1);
    expect(await page.getByLabel('Points', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Points', { exact: true }).fill('12.5');
    await page.getByRole('button', { name: 'Adjust points' }).click();
    await expect.poll(() => page.getByText('Points must be a whole number, with a minus sign to remove points.').count()).toBe(1);
    await checkAccessibility(page, 'the member page with field errors');
    expect(adjustments).toBe(0);

    await page.getByLabel('Points', { exact: true }).fill('250');
    await page.getByLabel('Reason').fill('Goodwill: late delivery, ticket 4821');
    await page.getByRole('button', { name: 'Adjust points' }).click();
    const after = member.wallet.available + 250;
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added 250 points' }).count()).toBe(1);
    await expect.poll(available).toBe(after.toLocaleString('en-GB'));
    const row = page.locator('tbody tr', { hasText: 'Goodwill: late delivery, ticket 4821' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('+250');
    expect(adjustments).toBe(1);
    // the service booked it once, as the page says
    expect(ok(await bo.svc.gql(BY_CARD, { n: CARD }, bo.svc.tokens.till)).loyaltyMemberByCard.wallet.available).toBe(after);

    // blocking a card asks first; cancelling changes nothing
    await page.getByRole('button', { name: `Block card ${CARD}` }).click();
    const dialog = page.getByRole('dialog', { name: `Block card ${CARD}?` });
    await dialog.waitFor();
    await checkAccessibility(page, 'the block-card question');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await bo.svc.gql(BY_CARD, { n: CARD }, bo.svc.tokens.till)).data?.loyaltyMemberByCard?.id).toBe(member.id);

    await page.getByRole('button', { name: `Block card ${CARD}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Block the card' }).click();
    await expect.poll(() => page.getByText(`Card ${CARD} is blocked`).count()).toBe(1);
    const cardRow = page.locator('tbody tr', { hasText: CARD });
    await expect.poll(() => cardRow.textContent()).toContain('Blocked');
    expect(await page.getByRole('button', { name: `Block card ${CARD}` }).count()).toBe(0);
    // the till no longer finds the member by this card
    expect((await bo.svc.gql(BY_CARD, { n: CARD }, bo.svc.tokens.till)).data?.loyaltyMemberByCard).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'admin-member.png'), fullPage: true });
    await page.close();
  });
});
