import { promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/**
 * The back office's static files (the `admin-web` build): the admin console at /admin/, the
 * member portal at /portal/, their hashed assets at /assets/. Only GET and HEAD, only files the
 * build wrote (no directory listing, no path outside the build), with a content security policy
 * that lets the pages talk to this origin and nothing else. The pages hold no data: everything
 * they show comes from /graphql with the user's own token.
 */
const PAGES: Record<string, string> = { '/admin/': 'admin/index.html', '/portal/': 'portal/index.html' };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS: Record<string, string> = {
  // style-src 'unsafe-inline': the chart library sets style attributes; no inline script is allowed
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** True when `pathname` belongs to the back office (whether or not it is built). */
export function isWebPath(pathname: string): boolean {
  return pathname === '/admin' || pathname === '/portal' || pathname in PAGES || pathname.startsWith('/admin/') || pathname.startsWith('/portal/') || pathname.startsWith('/assets/');
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}, head = false) {
  res.statusCode = status;
  res.setHeader('content-type', type);
  for (const [k, v] of Object.entries({ ...SECURITY_HEADERS, ...headers })) res.setHeader(k, v);
  res.end(head ? undefined : body);
}

/** Answers a back-office request (see isWebPath) from `dir`, the build's output. */
export async function serveWeb(dir: string, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return send(res, 405, 'text/plain; charset=utf-8', 'Use GET', { allow: 'GET, HEAD' });
  if (pathname === '/admin' || pathname === '/portal') {
    res.setHeader('location', `${pathname}/`);
    return send(res, 308, 'text/plain; charset=utf-8', `See ${pathname}/`, {}, head);
  }
  let file: string | undefined;
  let cache = 'no-cache';
  if (pathname in PAGES || pathname === '/admin/index.html' || pathname === '/portal/index.html') {
    file = PAGES[pathname] ?? pathname.slice(1);
  } else if (/^\/assets\/[A-Za-z0-9._-]+$/.test(pathname) && !pathname.includes('..')) {
    file = pathname.slice(1);
    // Vite puts a content hash in every asset's name: it never changes under the same name
    cache = 'public, max-age=31536000, immutable';
  }
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found', {}, head);
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const built = await fs
      .stat(path.join(dir, 'admin', 'index.html'))
      .then(() => true)
      .catch(() => false);
    return send(res, 404, 'text/plain; charset=utf-8', built ? 'Not found' : `The back office is not built in ${dir}: run npm run build (npm start does it)`, {}, head);
  }
  return send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', body, { 'cache-control': cache }, head);
}
