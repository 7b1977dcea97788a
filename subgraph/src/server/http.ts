import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Logger } from '../common/logger';
import { errorForLog } from '../common/redact';
import { isWebPath, serveWeb } from './web';

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (req: http.IncomingMessage) => Promise<TContext>;
  /** Answers GET /health: true when the service can reach its database. */
  health: () => Promise<boolean>;
  maxBodyBytes: number;
  /** When set, GraphQL requests without this value in `x-loyalty-router-secret` get HTTP 403. */
  routerSecret?: string;
  /** The back office's build (console at /admin/, portal at /portal/); null serves neither. */
  webDir?: string | null;
  logger: Logger;
}

export const ROUTER_SECRET_HEADER = 'x-loyalty-router-secret';

/** Constant-time comparison of the header with the secret (both hashed first: lengths may differ). */
function carriesSecret(req: http.IncomingMessage, secret: string): boolean {
  const sent = req.headers[ROUTER_SECRET_HEADER];
  if (typeof sent !== 'string') return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(sent), digest(secret));
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Reads the body up to `limit` bytes. Past it (declared, or counted as a chunked body arrives) it
 * stops reading and rejects with 413; the handler answers and closes the connection, so the
 * caller gets the 413 rather than a reset (destroying the request here would drop the answer).
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new HttpError(413, `Request body larger than ${limit} bytes`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.pause();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers 413 and closes the connection once the answer is out: the rest of the body is never read. */
function refuseBody(res: http.ServerResponse, err: HttpError) {
  res.setHeader('connection', 'close');
  sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: 'BAD_REQUEST' } }] });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * A small HTTP front for Apollo Server: GraphQL at /graphql (GET and POST), GET /health (open to
 * the orchestrator's probes, whatever the router secret), the back office's static pages (web.ts),
 * a body size limit, the router secret, JSON errors for everything else. No framework needed for that much.
 */
export function createRequestHandler<TContext extends BaseContext>(opts: HttpOptions<TContext>) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/health' && req.method === 'GET') {
        const ok = await opts.health().catch(() => false);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'database unavailable' });
      }
      if (opts.webDir && isWebPath(url.pathname)) return await serveWeb(opts.webDir, req, res, url.pathname);
      if (url.pathname !== '/graphql') {
        return sendJson(res, 404, { error: `Not found: GraphQL is served at /graphql${opts.webDir ? ', the admin console at /admin/, the member portal at /portal/' : ''}` });
      }
      if (opts.routerSecret !== undefined && !carriesSecret(req, opts.routerSecret)) {
        // Before the body is read: a caller that is not the router gets nothing but this.
        req.resume();
        return sendJson(res, 403, { errors: [{ message: `Only the router may call this service (${ROUTER_SECRET_HEADER})`, extensions: { code: 'FORBIDDEN' } }] });
      }
      if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'OPTIONS') {
        return sendJson(res, 405, { error: 'Use GET or POST' });
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown;
      if (req.method === 'POST') {
        const raw = await readBody(req, opts.maxBodyBytes);
        const type = headers.get('content-type') ?? '';
        if (type.includes('application/json') || type.includes('application/graphql-response+json')) {
          try {
            body = raw === '' ? undefined : JSON.parse(raw);
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          }
        } else {
          body = raw;
        }
      }
      const response = await opts.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
        context: () => opts.context(req),
      });
      // Loyalty data is personal and changes with every sale: no cache may keep it (Apollo's
      // cache-control plugin, which would say the same after walking every field, is off).
      res.setHeader('cache-control', 'no-store');
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      if (err instanceof HttpError && err.status === 413) return refuseBody(res, err);
      if (err instanceof HttpError) return sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: 'BAD_REQUEST' } }] });
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
      opts.logger.error('unhandled error in HTTP handler', errorForLog(err));
    }
  };
}

export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
