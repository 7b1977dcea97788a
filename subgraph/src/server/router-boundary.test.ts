import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { startTestService, type TestService } from '../test-support/harness';

const SECRET = 'router-secret-0123456789abcdef';

async function post(svc: TestService, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

describe('with LOYALTY_ROUTER_SECRET set', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { LOYALTY_ROUTER_SECRET: SECRET, NODE_ENV: 'production' } });
  });
  afterAll(() => svc?.stop());

  it('answers only requests that carry the secret: anything else gets HTTP 403', async () => {
    const entities = `{ _entities(representations: [{ __typename: "Customer", id: "c1" }]) { ... on Customer { loyalty { id } } } }`;
    const auth = { authorization: `Bearer ${svc.tokens.service}` };
    for (const headers of [auth, { ...auth, 'x-loyalty-router-secret': 'wrong' }, { ...auth, 'x-loyalty-router-secret': `${SECRET}x` }, { 'x-loyalty-router-secret': '' }]) {
      const res = await post(svc, entities, headers);
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data).toBeUndefined();
    }
    const routed = await post(svc, entities, { ...auth, 'x-loyalty-router-secret': SECRET });
    expect(routed.status).toBe(200);
    expect(routed.body.data).toEqual({ _entities: [{ loyalty: null }] });
  });

  it('serves the SDL to the router (the secret is the proof), and keeps /health open for probes', async () => {
    const sdl = await post(svc, `{ _service { sdl } }`, { 'x-loyalty-router-secret': SECRET });
    expect(sdl.body.data._service.sdl).toContain('type LoyaltyMember');
    expect((await fetch(svc.url.replace('/graphql', '/health'))).status).toBe(200);
  });
});

describe('in production without a router secret', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => svc?.stop());

  it('gives the SDL only to a service or admin token', async () => {
    const query = `{ _service { sdl } }`;
    expect((await post(svc, query)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const member = await post(svc, query, { authorization: `Bearer ${await svc.tokens.member('00000000-0000-4000-8000-000000000001')}` });
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const till = await post(svc, query, { authorization: `Bearer ${svc.tokens.till}` });
    expect(till.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const service = await post(svc, query, { authorization: `Bearer ${svc.tokens.service}` });
    expect(service.body.data._service.sdl).toContain('@tag(name: "loyalty-staff")');
  });
});

describe('outside production', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc?.stop());

  it('serves the SDL to anyone, for local composition', async () => {
    expect((await post(svc, `{ _service { sdl } }`)).body.data._service.sdl).toContain('type LoyaltyMember');
  });
});

describe('configuration of the boundary and the commerce entities', () => {
  it('refuses a weak router secret', () => {
    expect(() => loadConfig({ LOYALTY_ROUTER_SECRET: 'short' })).toThrow(/LOYALTY_ROUTER_SECRET/);
    expect(() => loadConfig({ LOYALTY_ROUTER_SECRET: 'has spaces in it but long' })).toThrow(ConfigError);
    expect(loadConfig({ LOYALTY_ROUTER_SECRET: SECRET }).routerSecret).toBe(SECRET);
  });

  it('reads each entity as type name and key, or none', () => {
    const { commerce } = loadConfig({ COMMERCE_CUSTOMER_TYPE: 'Account', COMMERCE_CUSTOMER_KEY: 'entityId:Int', COMMERCE_ORDER_TYPE: 'none', COMMERCE_PRODUCT_KEY: 'sku:String' });
    expect(commerce).toEqual({
      customer: { typeName: 'Account', keyField: 'entityId', keyType: 'Int' },
      order: null,
      product: { typeName: 'Product', keyField: 'sku', keyType: 'String' },
      orderChannel: 'web',
    });
    expect(loadConfig({}).commerce.customer).toEqual({ typeName: 'Customer', keyField: 'id', keyType: 'ID' });
  });

  it.each([
    ['COMMERCE_CUSTOMER_KEY', 'email:Email'],
    ['COMMERCE_CUSTOMER_KEY', 'id: ID'],
    ['COMMERCE_ORDER_KEY', 'a.b'],
    ['COMMERCE_PRODUCT_KEY', 'loyaltyEarnPreview'],
    ['COMMERCE_CUSTOMER_TYPE', 'Customer!'],
    ['COMMERCE_CUSTOMER_TYPE', 'LoyaltyMember'],
    ['COMMERCE_ORDER_CHANNEL', 'two words'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('refuses two extensions on one type', () => {
    expect(() => loadConfig({ COMMERCE_ORDER_TYPE: 'Customer' })).toThrow(/must differ/);
  });
});
