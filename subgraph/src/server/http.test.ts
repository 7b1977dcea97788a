import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../test-support/harness';

const LIMIT = 50_000;

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ env: { LOYALTY_MAX_BODY_BYTES: String(LIMIT) } });
});
afterAll(() => svc?.stop());

interface Outcome {
  status?: number;
  body?: string;
  connection?: string;
  /** An error before any response arrived (a reset instead of an answer). */
  error?: string;
  sent: number;
}

/**
 * POSTs a chunked body (no Content-Length) of up to `total` bytes in 8 KB chunks, and stops
 * sending once the server answers.
 */
function postChunked(total: number): Promise<Outcome> {
  const url = new URL(svc.url);
  return new Promise((resolve) => {
    const outcome: Outcome = { sent: 0 };
    let answered = false;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.tokens.admin}` },
    });
    req.on('response', (res) => {
      answered = true;
      outcome.status = res.statusCode;
      outcome.connection = res.headers.connection;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        outcome.body = body;
        req.destroy();
        resolve(outcome);
      });
    });
    req.on('error', (err) => {
      // after the answer, the server closing the connection under our writes is expected
      if (answered) return;
      outcome.error = `${(err as NodeJS.ErrnoException).code ?? ''} ${err.message}`;
      resolve(outcome);
    });
    expect(req.getHeader('content-length')).toBeUndefined();
    const chunk = Buffer.alloc(8 * 1024, 'x');
    req.write('{"query":"{ loyaltyTiers { id } }","variables":{"pad":"');
    const pump = () => {
      while (!answered && !req.destroyed && outcome.sent < total) {
        outcome.sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end('"}}');
    };
    pump();
  });
}

describe('request bodies over LOYALTY_MAX_BODY_BYTES', () => {
  it('a chunked body gets HTTP 413, not a reset, and the server stops reading it', async () => {
    const total = 64 * 1024 * 1024;
    const outcome = await postChunked(total);
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe(413);
    expect(outcome.connection).toBe('close');
    expect(JSON.parse(outcome.body!)).toEqual({ errors: [{ message: `Request body larger than ${LIMIT} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
    // the server stopped reading: the answer came before the 64 MB were sent (socket buffers hold a few)
    expect(outcome.sent).toBeLessThan(total);
    expect(ok(await svc.gql('{ loyaltyTiers { id } }')).loyaltyTiers).toEqual([]);
  });

  it('a chunked body under the limit is served', async () => {
    const outcome = await postChunked(LIMIT / 2);
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe(200);
    expect(JSON.parse(outcome.body!)).toEqual({ data: { loyaltyTiers: [] } });
  });
});

describe('GraphQL responses', () => {
  it('tell every cache not to keep them (wallets and members are personal and change with each sale)', async () => {
    for (const token of [svc.tokens.till, undefined]) {
      const res = await fetch(svc.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ loyaltyTiers { id } }' }),
      });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
