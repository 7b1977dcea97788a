/**
 * Window security decisions as pure functions: where the renderer comes from, which
 * Content-Security-Policy it gets, where it may navigate, and which IPC senders are trusted.
 * `main.ts` wires them to Electron.
 */
import { pathToFileURL } from 'node:url';

/** Where the till's page is loaded from. */
export type AppLocation =
  /** The built renderer, `dist/renderer/index.html`, over file://. */
  | { readonly kind: 'file'; readonly url: string }
  /** A Vite dev server on this machine (POS_DEV_URL, only when not packaged). */
  | { readonly kind: 'dev'; readonly url: string; readonly origin: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Chooses the page. POS_DEV_URL is honoured only in an unpackaged run and only on a loopback
 * http(s) address: whatever page loads gets `window.pos`, which sends requests with the till
 * token.
 * @throws Error when POS_DEV_URL is set but not acceptable (better than silently loading another page)
 */
export function resolveAppLocation(options: { devUrl?: string | undefined; packaged: boolean; indexFile: string }): AppLocation {
  const raw = options.devUrl?.trim();
  if (raw && !options.packaged) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`POS_DEV_URL is not a URL: ${raw}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.has(url.hostname)) {
      throw new Error(`POS_DEV_URL must be an http(s) address on this machine (localhost), not ${raw}`);
    }
    return { kind: 'dev', url: url.toString(), origin: url.origin };
  }
  return { kind: 'file', url: pathToFileURL(options.indexFile).toString() };
}

/**
 * The policy for the till's page. The renderer never talks to the network itself (GraphQL goes
 * through `window.pos.graphql`), so `connect-src` is `'self'` only. React's `style={...}` goes
 * through the CSSOM, which CSP does not restrict, so no inline styles are allowed in the built
 * app. The Vite dev server injects its CSS and React-refresh preamble inline and talks to its
 * HMR websocket, so a dev location gets exactly those additions.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const dev = location.kind === 'dev';
  const wsOrigin = dev ? location.origin.replace(/^http/, 'ws') : '';
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['style-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self' data:"],
    ['connect-src', dev ? `'self' ${wsOrigin}` : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['worker-src', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The same document, ignoring `?query` and `#hash` (the renderer may route by hash). */
function sameDocument(target: URL, app: URL): boolean {
  return target.protocol === app.protocol && target.host === app.host && decodeURIComponent(target.pathname) === decodeURIComponent(app.pathname);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether the till's window may navigate to `target`: only to its own page (a reload, or a
 * hash change). Everything else, including other local files and other dev-server paths, is
 * refused; links are not opened in a browser either.
 */
export function isAllowedNavigation(target: string, location: AppLocation): boolean {
  const url = parse(target);
  const app = parse(location.url);
  if (!url || !app) return false;
  return location.kind === 'file' ? sameDocument(url, app) : url.origin === location.origin;
}

/** What `main.ts` reads off an IPC event (`event.sender`, `event.senderFrame`). */
export interface SenderInfo {
  readonly webContentsId: number;
  /** null when the frame is gone (navigated away or destroyed) by the time the message is handled. */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

/**
 * Whether an IPC message may be answered: it must come from the main frame of the till's own
 * window, showing the till's page (file:// the built index.html, or the dev server's origin).
 * Sub-frames, other windows (such as the receipt printer's) and pages navigated elsewhere are
 * refused.
 */
export function isTrustedSender(sender: SenderInfo | null, tillWebContentsId: number | null, location: AppLocation): boolean {
  if (!sender || tillWebContentsId === null) return false;
  if (sender.webContentsId !== tillWebContentsId || !sender.isMainFrame || sender.frameUrl === null) return false;
  const url = parse(sender.frameUrl);
  const app = parse(location.url);
  if (!url || !app) return false;
  return location.kind === 'file' ? sameDocument(url, app) : url.origin === location.origin;
}
