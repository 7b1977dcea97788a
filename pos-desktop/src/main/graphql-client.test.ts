import { afterEach, describe, expect, it } from 'vitest';
import { GraphqlClient } from './graphql-client';
import { httpServer, json, realFetch } from './testing/support';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJyb2xlcyI6WyJ0aWxsIl19.c2lnbmF0dXJl';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function server(handler: Parameters<typeof httpServer>[0]) {
  const s = await httpServer(handler);
  closers.push(s.close);
  return s;
}

function client(url: string, options: { token?: string | null; timeoutMs?: number; onReachable?: () => void } = {}) {
  return new GraphqlClient({
    fetch: realFetch,
    endpoint: async () => url,
    token: async () => (options.token === undefined ? TOKEN : options.token),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.onReachable ? { onReachable: options.onReachable } : {}),
  });
}

/** A port nothing listens on: a server that was started and closed. */
async function closedUrl(): Promise<string> {
  const s = await httpServer(() => undefined);
  await s.close();
  return s.url;
}

describe('GraphqlClient', () => {
  it('posts the operation as JSON with the till token added, and returns status and body', async () => {
    const graph = await server((_req, res) => json(res, 200, { data: { tiers: [{ id: 't1' }] } }));
    const result = await client(graph.url).send({ query: '{ loyaltyTiers { id } }', variables: { a: 1 }, operationName: 'Tiers' });
    expect(result).toEqual({ ok: true, value: { status: 200, body: '{"data":{"tiers":[{"id":"t1"}]}}' } });
    const [request] = graph.requests;
    expect(request!.method).toBe('POST');
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({ query: '{ loyaltyTiers { id } }', variables: { a: 1 }, operationName: 'Tiers' });
  });

  it('passes HTTP errors through as answers (the body carries the GraphQL errors)', async () => {
    const graph = await server((_req, res) => json(res, 401, { errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const result = await client(graph.url).send({ query: '{ loyaltyMe { id } }' });
    expect(result.ok && result.value.status).toBe(401);
    expect(result.ok && JSON.parse(result.value.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers NETWORK when nothing listens, naming the address but never the token', async () => {
    const url = await closedUrl();
    const result = await client(url).send({ query: '{ loyaltyTiers { id } }' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NETWORK');
    expect(result.error.message).toContain(new URL(url).origin);
    expect(result.error.message).toMatch(/ECONNREFUSED/);
    expect(result.error.message).not.toContain(TOKEN);
  });

  it('gives up after the timeout', async () => {
    const graph = await server(() => undefined); // never answers
    const started = Date.now();
    const result = await client(graph.url, { timeoutMs: 300 }).send({ query: '{ loyaltyTiers { id } }' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({ ok: false, error: { code: 'NETWORK', message: expect.stringMatching(/did not answer within/) } });
  });

  it('does not follow redirects (the token would go with them)', async () => {
    const elsewhere = await server((_req, res) => json(res, 200, { data: {} }));
    const graph = await server((_req, res) => {
      res.writeHead(307, { location: elsewhere.url });
      res.end();
    });
    const result = await client(graph.url).send({ query: '{ loyaltyTiers { id } }' });
    expect(result.ok).toBe(false);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('sends nothing without a token', async () => {
    const graph = await server((_req, res) => json(res, 200, { data: {} }));
    const result = await client(graph.url, { token: null }).send({ query: '{ loyaltyTiers { id } }' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringMatching(/no token/) } });
    expect(graph.requests).toHaveLength(0);
  });

  it('says when the graph becomes reachable again (for the offline queue)', async () => {
    let up = false;
    const graph = await server((_req, res) => {
      if (up) json(res, 200, { data: {} });
      else res.destroy();
    });
    let reachable = 0;
    const c = client(graph.url, { onReachable: () => reachable++ });
    expect((await c.send({ query: '{ a }' })).ok).toBe(false);
    expect(reachable).toBe(0);
    up = true;
    await c.send({ query: '{ a }' });
    await c.send({ query: '{ a }' });
    expect(reachable).toBe(1); // once per recovery, not per request
    up = false;
    await c.send({ query: '{ a }' });
    up = true;
    await c.send({ query: '{ a }' });
    expect(reachable).toBe(2);
  });
});
