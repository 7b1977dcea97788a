import { describe, expect, it } from 'vitest';
import { CASH_ONLY_RECEIPT, SAMPLE_RECEIPT } from '../shared/fixtures/sample-receipt';
import { checkConfigPatch, checkEarnInput, checkGraphqlRequest, checkNoArguments, checkPrintJob, checkProductMapping, checkProductQuery, checkReceiptDoc, checkReceiptHtml, checkStoredSettings, checkToken, jsonProblem, LIMITS } from './validate';

const earn = () => ({
  idempotencyKey: 'sale-1001:earn',
  memberId: 'm-1',
  sale: { id: '1001', channel: 'store', currencyCode: 'GBP', lines: [{ productId: 'p', quantity: 1, unitPrice: 1299 }] },
});

const message = (result: { ok: boolean; message?: string }) => (result.ok ? 'ok' : result.message);

describe('checkGraphqlRequest', () => {
  it('accepts what the renderer sends, including undefined optional fields', () => {
    const result = checkGraphqlRequest({ query: '{ loyaltyTiers { id } }', variables: undefined, operationName: undefined });
    expect(result).toEqual({ ok: true, value: { query: '{ loyaltyTiers { id } }' } });
    expect(checkGraphqlRequest({ query: 'query Q($id: ID!) { loyaltyMember(id: $id) { id } }', variables: { id: 'm-1' }, operationName: 'Q' })).toEqual({
      ok: true,
      value: { query: 'query Q($id: ID!) { loyaltyMember(id: $id) { id } }', variables: { id: 'm-1' }, operationName: 'Q' },
    });
  });

  it('refuses other shapes and fields', () => {
    expect(message(checkGraphqlRequest('{ loyaltyTiers { id } }'))).toMatch(/must be an object/);
    expect(message(checkGraphqlRequest({ query: '' }))).toMatch(/non-empty/);
    expect(message(checkGraphqlRequest({ query: 42 }))).toMatch(/non-empty string/);
    expect(message(checkGraphqlRequest({ query: '{ a }', extensions: {} }))).toMatch(/Unknown GraphQL request fields: extensions/);
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: [1] }))).toMatch(/variables must be an object/);
    expect(message(checkGraphqlRequest({ query: '{ a }', operationName: 'not a name' }))).toMatch(/operationName/);
  });

  it('limits the query and the variables to 100 KB of UTF-8', () => {
    const atLimit = `{${'a'.repeat(LIMITS.query - 2)}}`;
    expect(checkGraphqlRequest({ query: atLimit }).ok).toBe(true);
    expect(message(checkGraphqlRequest({ query: `${atLimit} ` }))).toMatch(/query is larger than 100 KB/);
    // 40k three-byte characters are 120 KB though only 40k UTF-16 units.
    expect(message(checkGraphqlRequest({ query: `{ a } # ${'€'.repeat(40_000)}` }))).toMatch(/larger than 100 KB/);
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: { note: 'x'.repeat(LIMITS.variables) } }))).toMatch(/variables are larger than 100 KB/);
  });

  it('refuses variables that are not JSON data', () => {
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: { when: new Date() } }))).toMatch(/when is not JSON data \(Date\)/);
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: { m: new Map() } }))).toMatch(/Map/);
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: { n: Number.NaN } }))).toMatch(/finite/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(message(checkGraphqlRequest({ query: '{ a }', variables: cyclic }))).toMatch(/nested more than 32/);
  });
});

describe('checkEarnInput', () => {
  it('accepts an earn and returns exactly what will be sent', () => {
    const input = { ...earn(), cardNumber: undefined };
    const result = checkEarnInput(input);
    expect(result).toEqual({ ok: true, value: earn() });
    expect(result.ok && 'cardNumber' in result.value).toBe(false);
  });

  it('needs an idempotency key, a member or card, and a sale with id and channel', () => {
    expect(message(checkEarnInput({ ...earn(), idempotencyKey: '' }))).toMatch(/idempotencyKey/);
    expect(message(checkEarnInput({ ...earn(), idempotencyKey: 'k'.repeat(201) }))).toMatch(/idempotencyKey/);
    expect(message(checkEarnInput({ ...earn(), memberId: undefined }))).toMatch(/memberId or a cardNumber/);
    expect(checkEarnInput({ ...earn(), memberId: undefined, cardNumber: '0420000000013' }).ok).toBe(true);
    expect(message(checkEarnInput({ ...earn(), sale: { id: '1001' } }))).toMatch(/sale with an id and a channel/);
    expect(message(checkEarnInput({ ...earn(), sale: { ...earn().sale, lines: 'x'.repeat(LIMITS.earnInput) } }))).toMatch(/larger than 100 KB/);
  });
});

describe('checkPrintJob', () => {
  it('takes a receipt document, field by field, with its HTML', () => {
    expect(checkPrintJob({ receipt: SAMPLE_RECEIPT, html: '<p/>' })).toEqual({ ok: true, value: { receipt: SAMPLE_RECEIPT, html: '<p/>' } });
    expect(checkReceiptDoc(CASH_ONLY_RECEIPT)).toEqual({ ok: true, value: CASH_ONLY_RECEIPT });
    for (const earn of [{ status: 'queued' }, { status: 'refused', message: 'no' }, { status: 'not-kept', message: 'disk' }]) expect(checkReceiptDoc({ ...SAMPLE_RECEIPT, earn }).ok).toBe(true);
  });

  it('refuses anything else, naming the field', () => {
    expect(message(checkPrintJob({ receipt: SAMPLE_RECEIPT, html: '<p/>', bytes: [27, 64] }))).toBe('Unknown print job fields: bytes');
    expect(message(checkPrintJob({ receipt: SAMPLE_RECEIPT }))).toMatch(/non-empty HTML/);
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, saleId: 'a b' }))).toBe('receipt.saleId must be a sale id');
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, change: -0.5 }))).toBe('receipt.change must be a whole number');
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, at: 'yesterday' }))).toBe('receipt.at must be an ISO date and time');
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, lines: [{ name: 'x' }] }))).toBe('receipt.lines[0] must have name, quantity, unitPrice, amount');
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, lines: new Array(LIMITS.receiptLines + 1).fill(SAMPLE_RECEIPT.lines[0]) }))).toMatch(/at most 500/);
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, earn: { status: 'credited' } }))).toMatch(/^receipt.earn must be/);
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, earn: { status: 'credited', points: 1, extras: [{ name: 'x', points: -1, coupon: false }] } }))).toMatch(/^receipt.earn.extras/);
    expect(checkReceiptDoc({ ...SAMPLE_RECEIPT, earn: { status: 'credited', points: 1, extras: [{ name: 'Double points', points: 1, coupon: false }] } }).ok).toBe(true);
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, earnBasis: 'HALF' }))).toMatch(/^receipt.earnBasis/);
    expect(message(checkReceiptDoc({ ...SAMPLE_RECEIPT, storeName: 'x'.repeat(201) }))).toBe('receipt.storeName must be a short text');
  });
});

describe('product lookup settings', () => {
  it('takes a query with $code and a mapping of dotted paths', () => {
    const query = 'query P($code: String!) { product(barcode: $code) { id } }';
    expect(checkProductQuery(query)).toEqual({ ok: true, value: query });
    expect(checkProductQuery(null)).toEqual({ ok: true, value: null });
    expect(message(checkProductQuery('{ products { id } }'))).toMatch(/\$code/);
    expect(message(checkProductQuery(`query($code: String!) { a } #${'x'.repeat(LIMITS.productQuery)}`))).toMatch(/at most 10 KB/);
    const mapping = { product: 'data.product', id: 'id', name: 'name', price: 'price.amount', priceUnit: 'major' };
    expect(checkProductMapping(mapping)).toEqual({ ok: true, value: mapping });
    expect(message(checkProductMapping({ ...mapping, price: 'price[0]' }))).toBe('productMapping.price must be a dotted path such as price.amount');
    expect(message(checkProductMapping({ ...mapping, priceUnit: 'cents' }))).toBe('productMapping.priceUnit must be minor or major');
    expect(message(checkProductMapping({ ...mapping, script: 'x' }))).toBe('Unknown productMapping fields: script');
    expect(checkConfigPatch({ storeName: ' Harbour Street ', productQuery: query, productMapping: mapping })).toEqual({ ok: true, value: { storeName: 'Harbour Street', productQuery: query, productMapping: mapping } });
    expect(message(checkConfigPatch({ storeName: 'two\nlines' }))).toMatch(/storeName/);
    // the machine's files and devices are never settings the renderer saves
    expect(message(checkConfigPatch({ catalogueFile: '/etc/passwd' }))).toBe('Unknown settings: catalogueFile');
    expect(message(checkConfigPatch({ printer: { kind: 'escpos', target: '/dev/sda' } }))).toBe('Unknown settings: printer');
  });
});

describe('checkReceiptHtml and checkNoArguments', () => {
  it('takes receipt HTML up to 200 KB', () => {
    expect(checkReceiptHtml('<p>Thank you</p>').ok).toBe(true);
    expect(message(checkReceiptHtml(''))).toMatch(/non-empty/);
    expect(message(checkReceiptHtml({ html: '<p/>' }))).toMatch(/HTML text/);
    expect(checkReceiptHtml('x'.repeat(LIMITS.receiptHtml)).ok).toBe(true);
    expect(message(checkReceiptHtml('x'.repeat(LIMITS.receiptHtml + 1)))).toMatch(/larger than 200 KB/);
  });

  it('refuses arguments where none are expected', () => {
    expect(checkNoArguments([]).ok).toBe(true);
    expect(checkNoArguments([{}]).ok).toBe(false);
  });
});

describe('checkConfigPatch', () => {
  it('accepts any subset of the settings and a token', () => {
    const patch = {
      graphqlUrl: 'https://graph.example.com/graphql',
      storeId: 'store-042',
      tillId: 'till_7',
      currencyCode: 'EUR',
      wedgeMinLength: 8,
      wedgeMaxGapMs: 40,
      wedgeTerminators: ['Tab'],
      token: '  eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0In0.c2ln  ',
    };
    expect(checkConfigPatch(patch)).toEqual({ ok: true, value: { ...patch, token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0In0.c2ln' } });
    expect(checkConfigPatch({})).toEqual({ ok: true, value: {} });
    expect(checkConfigPatch({ token: '' })).toEqual({ ok: true, value: { token: '' } });
  });

  it('says everything that is wrong at once', () => {
    const result = checkConfigPatch({ graphqlUrl: 'ftp://x', storeId: 'store 1', currencyCode: 'gbp', wedgeMinLength: 1.5, wedgeTerminators: ['Enter', 'Enter'] });
    expect(result.ok).toBe(false);
    const text = message(result);
    for (const part of ['http:// or https://', 'storeId', 'currencyCode', 'wedgeMinLength', 'wedgeTerminators']) expect(text).toContain(part);
  });

  it('refuses unknown settings, hasToken included', () => {
    expect(message(checkConfigPatch({ hasToken: true }))).toMatch(/Unknown settings: hasToken/);
    expect(message(checkConfigPatch({ devices: [] }))).toMatch(/Unknown settings: devices/);
  });

  it('keeps credentials out of the URL and header lines out of the token', () => {
    expect(message(checkConfigPatch({ graphqlUrl: 'https://user:secret@graph.example.com/graphql' }))).toMatch(/user name or password/);
    expect(message(checkConfigPatch({ graphqlUrl: 'not a url' }))).toMatch(/must be a URL/);
    expect(checkToken('abc\r\nX-Evil: 1').ok).toBe(false);
    expect(checkToken('abc def').ok).toBe(false);
    expect(checkToken(`a${'b'.repeat(LIMITS.token)}`).ok).toBe(false);
  });
});

describe('checkStoredSettings', () => {
  it('keeps the valid fields of a hand-edited file and reports the rest', () => {
    const { settings, problems } = checkStoredSettings({ storeId: 'store-9', wedgeMaxGapMs: 5000, currencyCode: 'GBP', unknown: 1 });
    expect(settings).toEqual({ storeId: 'store-9', currencyCode: 'GBP' });
    expect(problems).toEqual(['wedgeMaxGapMs must be a whole number from 5 to 500']);
  });
});

describe('jsonProblem', () => {
  it('accepts plain JSON data and names the first path that is not', () => {
    expect(jsonProblem({ a: [1, 'two', null, { b: true }] })).toBeNull();
    expect(jsonProblem({ a: [1, { b: new Uint8Array(2) }] })).toBe('a[1].b is not JSON data (Uint8Array)');
    expect(jsonProblem({ a: 10n })).toBe('a is not JSON data (BigInt)');
  });
});
