/**
 * The till renderer in real headless Chromium (Debian's, driven by playwright-core) against a real
 * subgraph on embedded PostgreSQL, through the Vite dev server of browser mode: keyboard-wedge
 * input only, as on machines where the Electron binary is unavailable.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../../pos-desktop/src/shared/money';
import { seedDemoOnce } from '../../subgraph/src/db/bootstrap';
import { ok, startTestService, type TestService } from '../../subgraph/src/test-support/harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
// Screenshots go to a temporary directory, so tests leave the work tree clean; `npm run screenshots`
// sets TILL_SCREENSHOTS_DIR=docs/screenshots to regenerate the committed ones.
const SHOTS = process.env.TILL_SCREENSHOTS_DIR ? path.resolve(ROOT, process.env.TILL_SCREENSHOTS_DIR) : mkdtempSync(path.join(tmpdir(), 'till-shots-'));
const CARD = '0420000000013';
const LIPSTICK = '5000112637922'; // £12.99, beauty (double points in the demo rules)
const CARD_2 = '0420000000020';
const HEADPHONES = '5099999999995'; // £129.99, in the demo catalogue file
const JEANS = '5012345678900'; // £45.00, clothing: 10% off for Gold members in the demo programme
const GOLD_CARD = '0420000000037'; // made a Gold member's card below
const STORE_NAME = 'Harbour Street';

let svc: TestService;
let vite: ViteDevServer;
let browser: Browser;
let page: Page;
let baseUrl: string;
let memberId: string;

async function wallet() {
  return ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { wallet { available held } } }`, { id: memberId })).loyaltyMember.wallet as { available: number; held: number };
}

/** A scanner in keyboard mode: characters a few milliseconds apart, then Enter. */
async function wedgeScan(text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function notice(): Promise<string> {
  return (await page.getByTestId('notice').textContent()) ?? '';
}

async function text(testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** The member's card, then products, by wedge scans; waits for the total. */
async function memberSale(products: string[], total: string) {
  await wedgeScan(CARD);
  await page.getByTestId('member-panel').waitFor();
  for (const p of products) await wedgeScan(p);
  await expect.poll(async () => text('sale-total')).toBe(`Total ${total}`);
}

/** A person at the keyboard: slower than the wedge threshold, so never taken for a scan. */
async function typeByHand(value: string) {
  await page.keyboard.type(value, { delay: 180 });
}

function pointsEarned(receipt: string): number {
  return Number(/Points earned(\d+)/.exec(receipt)?.[1]);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  svc = await startTestService();
  await seedDemoOnce(svc.orm);
  memberId = ok(await svc.gql(`{ loyaltyMemberByCard(cardNumber: "${CARD}") { id } }`, {}, svc.tokens.till)).loyaltyMemberByCard.id;
  // a generous balance so the tender can use points
  ok(await svc.gql(`mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { userErrors { code } } }`, { i: { idempotencyKey: 'e2e-topup', memberId, points: 20_000, reason: 'e2e set-up' } }));
  // a demo member in Gold, whose level takes 10% off clothing
  await svc.orm.em.fork().getConnection().execute(
    `update member set tier_id = (select id from tier where code = 'GOLD') where id = (select member_id from loyalty_card where number = ?)`,
    [GOLD_CARD],
  );
  process.env.POS_GRAPHQL_URL = svc.url;
  process.env.POS_TILL_TOKEN = svc.tokens.till;
  // Playwright's keystrokes come through the DevTools protocol; on a loaded 2-core CI machine they
  // can arrive further apart than a real scanner's. Widen the gap, keep typing clearly slower.
  process.env.POS_WEDGE_MAX_GAP_MS = '150';
  process.env.POS_STORE_NAME = STORE_NAME;
  vite = await createServer({ configFile: path.join(ROOT, 'pos-desktop/vite.config.mts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await vite.listen();
  baseUrl = vite.resolvedUrls!.local[0]!;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  await svc?.stop();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(baseUrl);
  await page.locator('#member-search').waitFor();
});

describe('the till in a browser', () => {
  it('identifies a member from a keyboard-wedge card scan, and does not hijack typing', async () => {
    await page.screenshot({ path: path.join(SHOTS, '1-identify.png') });
    // a person typing slowly into the search field keeps their text
    await page.locator('#member-search').click();
    await page.keyboard.type('Taylor', { delay: 400 });
    expect(await page.locator('#member-search').inputValue()).toBe('Taylor');
    await page.locator('#member-search').fill('');
    await page.locator('body').click();
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    const before = await wallet();
    expect(await page.getByTestId('points-available').textContent()).toBe(String(before.available));
    expect(await notice()).toContain(`Card ${CARD}`);
    await expect.poll(async () => text('connectivity')).toBe('● online');
    // the demo's coffee challenge, as a progress bar in the member panel
    expect(await page.getByTestId('challenge').allTextContents()).toEqual(['Five coffees 0 of 5']);
    await page.screenshot({ path: path.join(SHOTS, '10-member-challenges.png') });
  });

  it('splits a sale between points and cash with the right change, and shows the points earned', async () => {
    const before = await wallet();
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(LIPSTICK);
    await wedgeScan(LIPSTICK); // 2 x £12.99 = £25.98
    await expect.poll(async () => page.getByTestId('sale-total').textContent()).toBe('Total £25.98');
    await page.screenshot({ path: path.join(SHOTS, '2-sale.png') });
    await page.keyboard.press('F8');
    await page.locator('#points').fill('500'); // £5.00
    expect(await page.getByTestId('points-equiv').textContent()).toBe('= £5.00');
    await page.locator('#points').press('Enter');
    await page.getByTestId('hold').waitFor();
    expect(await wallet()).toEqual({ available: before.available - 500, held: 500 });
    await expect.poll(async () => page.getByTestId('points-held').textContent()).toBe('500');
    expect(await page.getByTestId('cash-due').textContent()).toBe('Cash due £20.98');
    await page.locator('#cash').fill('25');
    expect(await page.getByTestId('change-due').textContent()).toBe('Change £4.02');
    await page.screenshot({ path: path.join(SHOTS, '3-tender.png') });
    await page.keyboard.press('F10');
    await page.getByTestId('receipt').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '4-receipt.png') });
    const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
    expect(receipt).toContain('Paid with 500 points£5.00');
    expect(receipt).toContain('Change£4.02');
    // 25.98 on beauty at double points = 51, times the member's tier multiplier
    const earned = Number(/Points earned(\d+)/.exec(receipt)?.[1]);
    expect(earned).toBeGreaterThanOrEqual(51);
    const after = await wallet();
    expect(after).toEqual({ available: before.available - 500 + earned, held: 0 });
    expect(await page.getByTestId('points-available').textContent()).toBe(String(after.available));
    expect(receipt).toContain(`Points balance${after.available}`);
  });

  it('releases the hold when the tender is abandoned', async () => {
    const before = await wallet();
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(LIPSTICK);
    await page.keyboard.press('F8');
    await page.keyboard.press('F9'); // maximum points (typed ahead: it waits for the tender to open)
    await expect.poll(async () => Number(await page.locator('#points').inputValue())).toBe(1299); // the whole £12.99
    await page.locator('#points').press('Enter');
    await page.getByTestId('hold').waitFor();
    expect((await wallet()).held).toBe(1299);
    await page.keyboard.press('Escape');
    await expect.poll(notice).toContain('Tender abandoned');
    expect(await wallet()).toEqual(before);
    await expect.poll(async () => page.getByTestId('points-held').textContent()).toBe('0');
  });

  it('retries after a network loss mid-tender without charging twice', async () => {
    const startedAt = new Date();
    const before = await wallet();
    let dropCapture = true;
    await page.route('**/graphql', async (route) => {
      if (dropCapture && (route.request().postData() ?? '').includes('TillCaptureHold')) {
        dropCapture = false;
        // the request reaches the server, the answer never comes back: the worst case
        await route.fetch();
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(LIPSTICK);
    await page.keyboard.press('F8');
    await page.locator('#points').fill('300');
    await page.locator('#points').press('Enter');
    await page.getByTestId('hold').waitFor();
    await page.locator('#cash').fill('10');
    await page.keyboard.press('F10');
    await expect.poll(notice).toContain('press F10 to retry');
    await page.keyboard.press('F10');
    await page.getByTestId('receipt').waitFor();
    const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
    const earned = Number(/Points earned(\d+)/.exec(receipt)?.[1]);
    // the demo member may reach a level with this sale's earn: its upgrade bonus is credited too
    const [{ bonus }] = await svc.orm.em.fork().getConnection().execute<{ bonus: string }[]>(
      `select coalesce(sum(available_change), 0) as bonus from ledger_entry where member_id = ? and type = 'BONUS' and occurred_at >= ?`,
      [memberId, startedAt],
    );
    // 300 points taken once, not twice
    expect(await wallet()).toEqual({ available: before.available - 300 + earned + Number(bonus), held: 0 });
  });

  it('queues the earn of a sale completed while the graph is unreachable, and replays it later', async () => {
    const before = await wallet();
    let offline = true;
    await page.route('**/graphql', (route) =>
      offline && (route.request().postData() ?? '').includes('arnPoints') ? route.abort('internetdisconnected') : route.continue(),
    );
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(LIPSTICK);
    await page.keyboard.press('F8');
    await page.locator('#cash').fill('13');
    await page.keyboard.press('F10');
    await page.getByTestId('receipt').waitFor();
    expect(await text('receipt-points-earned')).toBe('Points earned: will be credited when the till is back online');
    await expect.poll(async () => page.getByTestId('queue-badge').textContent(), { timeout: 10_000 }).toContain('1 earn');
    expect(await wallet()).toEqual(before);
    const saleId = await text('receipt-sale-id');
    offline = false;
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await expect.poll(async () => (await wallet()).available, { timeout: 10_000 }).toBeGreaterThan(before.available);
    const earns = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { activity(types: [EARN], first: 1) { nodes { saleId points } } } }`, { id: memberId })).loyaltyMember.activity.nodes;
    expect(earns[0].saleId).toBe(saleId);
    expect((await wallet()).available).toBe(before.available + earns[0].points);
    await expect.poll(async () => page.getByTestId('queue-badge').count(), { timeout: 10_000 }).toBe(0);
  });

  it('shows why a scanned coupon is refused', async () => {
    await wedgeScan(CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan('LC:ABCDEFGHJKMN'); // check characters do not match
    await expect.poll(notice).toContain('COUPON_MALFORMED');
    // a real coupon, already used
    const code = ok(await svc.gql(`mutation($i: ConvertPointsToCouponInput!) { convertPointsToCoupon(input: $i) { coupon { code } } }`, { i: { idempotencyKey: 'e2e-coupon', memberId, points: 100 } })).convertPointsToCoupon.coupon.code;
    ok(await svc.gql(`mutation($i: RedeemLoyaltyCouponInput!) { redeemLoyaltyCoupon(input: $i) { userErrors { code } } }`, { i: { idempotencyKey: 'e2e-use', code, saleId: 'elsewhere' } }, svc.tokens.till));
    await wedgeScan(`LC:${code}`);
    await expect.poll(notice).toContain('COUPON_ALREADY_REDEEMED');
    await page.screenshot({ path: path.join(SHOTS, '5-coupon-refused.png') });
  });

  it('takes a split tender with maximum points and exact cash in four keys, and prints store, time and the sale barcode', async () => {
    // another demo member, whose balance does not cover £129.99: points for part, cash for the rest
    const other = ok(await svc.gql(`{ loyaltyMemberByCard(cardNumber: "${CARD_2}") { id wallet { available held } } }`, {}, svc.tokens.till)).loyaltyMemberByCard;
    const available: number = other.wallet.available;
    expect(available).toBeGreaterThan(100);
    expect(available).toBeLessThan(12_999);
    await wedgeScan(CARD_2);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(HEADPHONES);
    await expect.poll(async () => text('sale-total')).toBe('Total £129.99');
    const keys = ['F8', 'F9', 'F7', 'Enter']; // tender, maximum points (held at once), exact cash, complete
    for (const key of keys) await page.keyboard.press(key);
    expect(keys.length).toBeLessThanOrEqual(5);
    await page.getByTestId('receipt').waitFor();
    // 1 point = 1p in the demo programme: all the member's points, the rest exact in cash
    const money = (minor: number) => formatMoney(minor, 'GBP');
    expect(await text('receipt-points-paid')).toBe(`Paid with ${available} points${money(available)}`);
    expect(await text('receipt-cash')).toBe(`Cash${money(12_999 - available)}`);
    expect(await text('receipt-change')).toBe('Change£0.00');
    const receipt = await text('receipt');
    const earned = pointsEarned(receipt);
    expect(earned).toBeGreaterThan(0);
    const after = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { wallet { available held } } }`, { id: other.id })).loyaltyMember.wallet;
    expect(after).toEqual({ available: earned, held: 0 });
    // the receipt: store, till, date and time, the sale id and its Code 128 barcode
    expect(await text('receipt-store')).toBe(STORE_NAME);
    expect(receipt).toContain('Store store-001 · Till till-01');
    const today = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(receipt).toMatch(new RegExp(`${today.replace(/\//g, '\\/')} \\d{2}:\\d{2}`));
    const saleId = await text('receipt-sale-id');
    expect(saleId).toMatch(/^store-001-till-01-[0-9a-z]+$/);
    expect(receipt).toContain(`Sale ${saleId}`);
    const barcode = page.getByTestId('sale-barcode');
    expect(await barcode.getAttribute('data-payload')).toBe(`LS:${saleId}`);
    // the SVG image loaded and drew something (the test's types have no DOM: the page's image element)
    const drawn = (img: unknown) => (img as { complete: boolean; naturalWidth: number }).complete && (img as { naturalWidth: number }).naturalWidth > 100;
    await expect.poll(async () => barcode.evaluate(drawn)).toBe(true);
  });

  it('finds a typed barcode in the catalogue file, as a scan would', async () => {
    await page.keyboard.press('F4');
    await typeByHand(HEADPHONES);
    await page.keyboard.press('Enter');
    await expect.poll(async () => text('sale-lines')).toContain('Headphones');
    expect(await text('sale-total')).toBe('Total £129.99');
    // and a SKU typed in the same field
    await page.locator('#product-code').fill('bread-white');
    await page.keyboard.press('Enter');
    await expect.poll(async () => text('sale-total')).toBe('Total £131.44');
    // keys change the selected line: one more bread, then void it
    await page.keyboard.press('+');
    await expect.poll(async () => text('sale-total')).toBe('Total £132.89');
    await page.keyboard.press('Delete');
    await expect.poll(async () => text('sale-total')).toBe('Total £129.99');
  });

  it('queues an earn the graph answered with a GraphQL error, says so, and credits it later', async () => {
    const before = await wallet();
    let failEarns = true;
    await page.route('**/graphql', (route) =>
      failEarns && (route.request().postData() ?? '').includes('TillEarnPoints')
        ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null }) })
        : route.continue(),
    );
    await memberSale([LIPSTICK], '£12.99');
    await page.keyboard.press('F8');
    await page.keyboard.press('F7');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    expect(await notice()).toBe('Sale complete. Points will be credited when the till is back online.');
    expect(await text('receipt-points-earned')).toBe('Points earned: will be credited when the till is back online');
    await expect.poll(async () => text('queue-badge')).toContain('1 earn');
    expect((await wallet()).available).toBe(before.available);
    failEarns = false;
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await expect.poll(async () => (await wallet()).available).toBeGreaterThan(before.available);
    await expect.poll(async () => page.getByTestId('queue-badge').count()).toBe(0);
  });

  it('returns part of a sale from its receipt barcode: points taken back and given back, cash refunded', async () => {
    await memberSale([LIPSTICK, LIPSTICK], '£25.98');
    await page.keyboard.press('F8');
    await page.locator('#points').fill('500');
    await page.keyboard.press('Enter'); // hold 500 points (£5.00)
    await page.getByTestId('hold').waitFor();
    await page.keyboard.press('F7');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    const earned = pointsEarned(await text('receipt'));
    const payload = (await page.getByTestId('sale-barcode').getAttribute('data-payload'))!;
    const before = await wallet();
    // the receipt comes back: its barcode, read by the scanner
    await wedgeScan(payload);
    await expect.poll(async () => page.getByTestId('return-line').count()).toBe(1);
    await page.keyboard.press('+'); // one of the two lipsticks
    expect(await text('return-qty')).toBe('1');
    await page.screenshot({ path: path.join(SHOTS, '6-return.png') });
    await page.keyboard.press('F10');
    await page.getByTestId('return-result').waitFor();
    const reversed = Number(await text('return-points-reversed'));
    expect(reversed).toBe(Math.floor(earned / 2));
    expect(await text('return-points-refunded')).toBe('250'); // half the 500 points paid
    expect(await text('return-refund')).toBe('£10.49'); // £12.99 back, £2.50 of it as points
    expect(await notice()).toContain('Refund £10.49 in cash');
    expect(await wallet()).toEqual({ available: before.available - reversed + 250, held: 0 });
  });

  it("returns a sale without a member (no points, no error), and refuses another store's sale with the service's message", async () => {
    await wedgeScan(LIPSTICK);
    await page.keyboard.press('F8');
    await page.keyboard.press('F7');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    const saleId = await text('receipt-sale-id');
    await page.keyboard.press('F6');
    await page.keyboard.press('F7');
    await page.locator('#return-sale').fill(saleId);
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.getByTestId('return-line').count()).toBe(1);
    await page.keyboard.press('F9'); // everything
    await page.keyboard.press('F10');
    await page.getByTestId('return-result').waitFor();
    expect(await text('return-refund')).toBe('£12.99');
    expect(await notice()).toBe('Refund £12.99 in cash. No loyalty points on this sale.');

    // a sale that earned points at another store
    const otherTill = await svc.sign('till:store-002/till-09', { roles: ['till'], storeId: 'store-002', tillId: 'till-09' });
    const other = 'store-002-till-09-e2e1';
    ok(await svc.gql(`mutation($i: EarnPointsInput!) { earnPoints(input: $i) { userErrors { code } } }`, { i: { idempotencyKey: 'e2e-other-store', memberId, sale: { id: other, channel: 'store', storeId: 'store-002', currencyCode: 'GBP', lines: [{ productId: 'lipstick-red', categoryId: 'beauty', quantity: 1, unitPrice: 1299 }] } } }, otherTill));
    const before = await wallet();
    await page.keyboard.press('F6');
    await page.keyboard.press('F7');
    await page.locator('#return-sale').fill(other);
    await page.keyboard.press('Enter');
    await expect.poll(notice).toContain("is not in this till's journal");
    await wedgeScan(LIPSTICK);
    await expect.poll(async () => page.getByTestId('return-line').count()).toBe(1);
    await page.keyboard.press('F10');
    await expect.poll(notice).toBe('Return refused: No sale with this id earned points in this channel (SALE_NOT_FOUND)');
    expect(await wallet()).toEqual(before);
  });

  it("shows a Gold member's level discount under its line and on the receipt, and the service records the same discount", async () => {
    await wedgeScan(GOLD_CARD);
    await page.getByTestId('member-panel').waitFor();
    await wedgeScan(JEANS);
    await wedgeScan(LIPSTICK); // beauty: no level discount
    await expect.poll(async () => text('sale-total')).toBe('Total £53.49'); // 45.00 - 4.50 + 12.99
    expect(await page.getByTestId('line-discount').allTextContents()).toEqual(['Gold 10% off (Clothing)−£4.50']);
    expect(await text('sale-subtotal')).toBe('Subtotal £57.99 · level discounts −£4.50');
    await page.screenshot({ path: path.join(SHOTS, '8-level-discount-sale.png') });
    await page.keyboard.press('F8');
    expect(await text('cash-due')).toBe('Cash due £53.49');
    await page.keyboard.press('F7');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '9-level-discount-receipt.png') });
    expect(await page.getByTestId('receipt-line-discount').allTextContents()).toEqual(['  Gold 10% off (Clothing)-£4.50']);
    expect(await text('receipt-level-discounts')).toBe('Level discounts-£4.50');
    expect(await text('receipt-total')).toBe('Total£53.49');
    // £53.49 reaches the demo's spend-£50 campaign: the receipt says where the gift went
    expect(await text('receipt')).toContain('Spend £50, get a tote bag: a coupon is in your account');
    const saleId = await text('receipt-sale-id');
    const earned = pointsEarned(await text('receipt'));
    const [row] = await svc.orm.em.fork().getConnection().execute<{ total_minor: string; discount_minor: string; points: string }[]>(
      'select total_minor, discount_minor, points from sale_earn where channel = ? and sale_id = ?',
      ['store', saleId],
    );
    expect(row).toEqual({ total_minor: '5349', discount_minor: '450', points: String(earned) });
  });
});
