/**
 * The member portal in real Chromium at phone width (390x844): a demo member with points signs in,
 * sees their balance, its cash value and the way to the next level, redeems a gift item (after a
 * confirmation) and gets its QR code, turns points into a voucher (a wrong amount first), reads an
 * inbox message, changes an opt-in, and moves between the tabs by keyboard. Every tab passes axe.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../subgraph/src/db/bootstrap';
import { ok } from '../../subgraph/src/test-support/harness';
import { ADJUST, WALLET_FIELDS } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, SHOTS, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;
let page: Page;
let memberId: string;
/** Coupons the demo member had before the test (the demo seed may have given some). */
let couponsAtStart: { code: string; kind: string }[];

const points = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const money = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);

const MEMBER = `query($id: ID!) { loyaltyMember(id: $id) { id emailOptIn wallet { ${WALLET_FIELDS} } tierProgress { toNextTier nextTier { name } } coupons(status: ACTIVE) { code kind } } }`;
const member = async () => ok(await bo.svc.gql(MEMBER, { id: memberId })).loyaltyMember;
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `portal-${name}.png`), fullPage: true });
/** The text of the focused element (the test's tsconfig has no DOM types: evaluated as a string). */
const focused = () => page.evaluate<string | null>('document.activeElement && document.activeElement.textContent');
const tab = (name: string) => page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: new RegExp(`^${name}`) });

beforeAll(async () => {
  bo = await startBackOffice();
  await seedDemoOnce(bo.svc.orm);
  // the first demo member (card 0420000000013), topped up by an admin so there is something to spend
  memberId = ok(await bo.svc.gql(`{ loyaltyMemberByCard(cardNumber: "0420000000013") { id } }`)).loyaltyMemberByCard.id;
  const topUp = ok(await bo.svc.gql(ADJUST, { input: { idempotencyKey: randomUUID(), memberId, points: 3000, reason: 'portal test top-up' } })).adjustPoints;
  expect(topUp.userErrors).toEqual([]);
  couponsAtStart = (await member()).coupons;
  // two unread messages, as the reminders write them
  const conn = bo.svc.orm.em.fork().getConnection();
  for (const [i, title] of ['Your points are waiting', 'A new reward in the catalogue'].entries()) {
    await conn.execute(`insert into inbox_message (id, member_id, kind, dedupe_key, title, body, created_at) values (?, ?, 'news', ?, ?, ?, now() - (? * interval '1 minute'))`, [
      randomUUID(),
      memberId,
      `portal-test-${i}`,
      title,
      `Hello!\nThis is message ${i + 1}.`,
      i,
    ]);
  }
  const context = await bo.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  page = await context.newPage();
  await signIn(page, `${bo.origin}/portal/`, await bo.svc.tokens.member(memberId));
}, 120_000);

afterAll(async () => {
  await bo?.stop();
});

describe('the member portal', () => {
  it('shows the balance, its cash value, points not yet spendable, the level and what the next one takes', async () => {
    const m = await member();
    expect(m.wallet.available).toBeGreaterThanOrEqual(3000);
    await expect.poll(() => page.getByTestId('balance').textContent()).toBe(`${points(m.wallet.available)} points`);
    expect(await page.getByTestId('cash-value').textContent()).toBe(money(m.wallet.cashValue.amount));
    expect(await page.getByText('Pending').count()).toBe(1);
    expect(await page.getByText('Held at a till').count()).toBe(1);
    if (m.tierProgress.nextTier) {
      expect(await page.getByTestId('level-progress').textContent()).toContain(`more to reach ${m.tierProgress.nextTier.name}`);
      expect(await page.getByRole('progressbar', { name: `Progress to ${m.tierProgress.nextTier.name}` }).count()).toBe(1);
    }
    expect(await page.getByTestId('home-unread').textContent()).toBe('2 unread messages');
    expect(await tab('Home').getAttribute('aria-current')).toBe('page');
    await checkAccessibility(page, 'the portal home');
    await shot('home');
  });

  it('moves between the tabs with the keyboard', async () => {
    await tab('Home').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Activity');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    expect(page.url()).toMatch(/#\/activity$/);
    // the points log shows the admin's top-up
    await page.getByText('portal test top-up').first().waitFor();
    await checkAccessibility(page, 'the portal activity');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Profile');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Rewards');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
    expect(await tab('Rewards').getAttribute('aria-current')).toBe('page');
  });

  it('redeems a gift item after a confirmation, and shows its QR code with the balance lower by its cost', async () => {
    const before = (await member()).wallet.available;
    await expect.poll(() => page.getByTestId('rewards-balance').textContent()).toBe(`${points(before)} points`);
    await checkAccessibility(page, 'the portal rewards');
    await shot('rewards');
    // the lounge pass needs a higher level: offered, but not to this member
    expect(await page.getByRole('button', { name: /^Redeem Airport lounge pass/ }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Redeem Free coffee for 150 points' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redeem Free coffee?' });
    await dialog.waitFor();
    await checkAccessibility(page, 'the redeem confirmation');
    // cancelling spends nothing, and gives the focus back to the button that asked
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Redeem');
    expect((await member()).wallet.available).toBe(before);

    await page.getByRole('button', { name: 'Redeem Free coffee for 150 points' }).click();
    await dialog.getByRole('button', { name: 'Spend 150 points' }).click();
    await page.getByRole('heading', { name: 'Free coffee is yours' }).waitFor();
    const qr = page.getByRole('img', { name: /^QR code of coupon / }).first();
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 100; })).toBe(true);
    await expect.poll(() => page.getByTestId('rewards-balance').textContent()).toBe(`${points(before - 150)} points`);
    const after = await member();
    expect(after.wallet.available).toBe(before - 150);
    expect(after.coupons).toHaveLength(couponsAtStart.length + 1);
    await checkAccessibility(page, 'the portal rewards after redeeming');
  });

  it('redeems once when the answer is lost, cancelled and asked again (the retry reuses the key)', async () => {
    const before = await member();
    // the first redemption reaches the service and is booked, but its answer never arrives
    let lost = 0;
    await page.route('**/graphql', async (route) => {
      if (lost === 0 && /issueLoyaltyGiftItem/.test(route.request().postData() ?? '')) {
        lost++;
        await route.fetch(); // the service does it...
        return route.abort('connectionreset'); // ...and the portal never hears
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Redeem Free coffee for 150 points' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redeem Free coffee?' });
    await dialog.getByRole('button', { name: 'Spend 150 points' }).click();
    await expect.poll(() => dialog.getByRole('alert').count()).toBeGreaterThan(0);
    expect(lost).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // asked again: the same attempt, so the service answers with the first booking
    await page.getByRole('button', { name: 'Redeem Free coffee for 150 points' }).click();
    await dialog.getByRole('button', { name: 'Spend 150 points' }).click();
    await page.getByRole('heading', { name: 'Free coffee is yours' }).waitFor();
    await page.unroute('**/graphql');
    const after = await member();
    expect(after.wallet.available).toBe(before.wallet.available - 150);
    expect(after.coupons).toHaveLength(before.coupons.length + 1);
  });

  it('turns points into a voucher, refusing an amount below the minimum first', async () => {
    const before = (await member()).wallet.available;
    const field = page.getByLabel('Points to convert');
    await field.fill('50');
    await page.getByRole('button', { name: 'Get a voucher' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('A voucher takes at least 100 points.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await checkAccessibility(page, 'the voucher form with an error');

    await field.fill('200');
    expect(await page.getByText(`A voucher worth ${money(200)}`).count()).toBe(1);
    await page.getByRole('button', { name: 'Get a voucher' }).click();
    await page.getByRole('dialog', { name: 'Get this voucher?' }).getByRole('button', { name: 'Spend 200 points' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('rewards-balance').textContent()).toBe(`${points(before - 200)} points`);
    expect((await member()).wallet.available).toBe(before - 200);
  });

  it('lists the coupons on hand with their QR codes', async () => {
    await tab('Coupons').click();
    await page.getByRole('heading', { level: 1, name: 'Coupons' }).waitFor();
    const onHand = (await member()).coupons.length;
    // two free coffees (one redeemed twice over a lost answer, booked once) and a voucher
    expect(onHand).toBe(couponsAtStart.length + 3);
    await expect.poll(() => page.getByRole('img', { name: /^QR code of coupon / }).count()).toBe(onHand);
    for (const src of await page.getByRole('img', { name: /^QR code of coupon / }).evaluateAll((imgs) => imgs.map((i) => (i as unknown as { src: string }).src))) {
      expect(src).toMatch(/^data:image\/png;base64,/);
    }
    await expect.poll(() => page.getByRole('img', { name: /^Barcode of coupon / }).count()).toBe(onHand);
    expect(await page.getByRole('heading', { level: 3, name: 'Free coffee' }).count()).toBe(2);
    expect(await page.getByText(`${money(200)} off`).count()).toBeGreaterThanOrEqual(1);
    await checkAccessibility(page, 'the portal coupons');
    await shot('coupons');
  });

  it('reads an inbox message, and the unread count drops', async () => {
    await tab('Inbox').click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    expect(await page.getByTestId('inbox-unread').textContent()).toBe('2 unread messages.');
    expect(await tab('Inbox').textContent()).toBe('Inbox2 unread');
    await checkAccessibility(page, 'the portal inbox');
    await page.getByRole('button', { name: 'Mark as read' }).first().click();
    await expect.poll(() => page.getByTestId('inbox-unread').textContent()).toBe('1 unread message.');
    await expect.poll(() => tab('Inbox').textContent()).toBe('Inbox1 unread');
    expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(1);
    const inbox = ok(await bo.svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { inbox { unreadCount } } }`, { id: memberId })).loyaltyMember.inbox;
    expect(inbox.unreadCount).toBe(1);
  });

  it('changes an opt-in on the profile', async () => {
    const before = (await member()).emailOptIn;
    await tab('Profile').click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await checkAccessibility(page, 'the portal profile');
    const box = page.getByLabel('Offers and news by e-mail');
    expect(await box.isChecked()).toBe(before);
    await box.setChecked(!before);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your details are saved.').waitFor();
    expect((await member()).emailOptIn).toBe(!before);
    // a bad e-mail address is caught before sending
    await page.getByRole('textbox', { name: 'E-mail' }).fill('not-an-address');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter an e-mail address such as name@example.com.').waitFor();
    expect(await page.getByRole('textbox', { name: 'E-mail' }).getAttribute('aria-invalid')).toBe('true');
  });
});
