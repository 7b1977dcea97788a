import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedNavigation, isTrustedSender, resolveAppLocation, type AppLocation } from './security';

const INDEX = path.resolve('/opt/Loyalty Till/resources/app.asar/dist/renderer/index.html');
const INDEX_URL = pathToFileURL(INDEX).toString();
const fileApp = resolveAppLocation({ packaged: true, indexFile: INDEX });
const devApp = resolveAppLocation({ devUrl: 'http://localhost:5173/', packaged: false, indexFile: INDEX });

function directives(csp: string): Map<string, string> {
  return new Map(csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)] as const));
}

describe('resolveAppLocation', () => {
  it('loads the built index.html unless a dev server is asked for in an unpackaged run', () => {
    expect(fileApp).toEqual({ kind: 'file', url: INDEX_URL });
    expect(devApp).toEqual({ kind: 'dev', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    // A packaged till ignores POS_DEV_URL: the page gets window.pos, so it must be ours.
    expect(resolveAppLocation({ devUrl: 'http://localhost:5173/', packaged: true, indexFile: INDEX }).kind).toBe('file');
  });

  it('accepts only a dev server on this machine', () => {
    expect(() => resolveAppLocation({ devUrl: 'http://192.168.1.20:5173', packaged: false, indexFile: INDEX })).toThrow(/on this machine/);
    expect(() => resolveAppLocation({ devUrl: 'file:///tmp/x.html', packaged: false, indexFile: INDEX })).toThrow(/http\(s\)/);
    expect(() => resolveAppLocation({ devUrl: 'localhost:5173', packaged: false, indexFile: INDEX })).toThrow();
    expect(resolveAppLocation({ devUrl: 'http://127.0.0.1:5173', packaged: false, indexFile: INDEX }).kind).toBe('dev');
  });
});

describe('contentSecurityPolicy', () => {
  it('lets the built page load only its own scripts and styles and talk to no one', () => {
    const csp = directives(contentSecurityPolicy(fileApp));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy(fileApp)).not.toContain('unsafe');
  });

  it("allows the dev server's inline preamble and HMR socket only in development", () => {
    const csp = directives(contentSecurityPolicy(devApp));
    expect(csp.get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(csp.get('script-src')).not.toContain('unsafe-eval');
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the till page itself (reloads, hash routes)', () => {
    expect(isAllowedNavigation(INDEX_URL, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${INDEX_URL}#/settings`, fileApp)).toBe(true);
    expect(isAllowedNavigation(pathToFileURL(path.resolve('/etc/passwd')).toString(), fileApp)).toBe(false);
    expect(isAllowedNavigation(pathToFileURL(path.join(path.dirname(INDEX), 'other.html')).toString(), fileApp)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', fileApp)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAllowedNavigation('not a url', fileApp)).toBe(false);
  });

  it('allows the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/', devApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devApp)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const tillId = 7;
  const sender = (over: Partial<{ webContentsId: number; frameUrl: string | null; isMainFrame: boolean }> = {}) => ({
    webContentsId: tillId,
    frameUrl: INDEX_URL,
    isMainFrame: true,
    ...over,
  });

  it("trusts the till window's main frame on the till page", () => {
    expect(isTrustedSender(sender(), tillId, fileApp)).toBe(true);
    expect(isTrustedSender(sender({ frameUrl: `${INDEX_URL}#/sale` }), tillId, fileApp)).toBe(true);
  });

  it('refuses sub-frames, other windows, other pages and vanished frames', () => {
    expect(isTrustedSender(sender({ isMainFrame: false }), tillId, fileApp)).toBe(false);
    expect(isTrustedSender(sender({ webContentsId: 8 }), tillId, fileApp)).toBe(false);
    expect(isTrustedSender(sender({ frameUrl: 'data:text/html,<p>receipt</p>' }), tillId, fileApp)).toBe(false);
    expect(isTrustedSender(sender({ frameUrl: 'https://evil.example/' }), tillId, fileApp)).toBe(false);
    expect(isTrustedSender(sender({ frameUrl: null }), tillId, fileApp)).toBe(false);
    expect(isTrustedSender(null, tillId, fileApp)).toBe(false);
    expect(isTrustedSender(sender(), null, fileApp)).toBe(false);
  });

  it('trusts the dev server origin in development only', () => {
    const dev: AppLocation = devApp;
    expect(isTrustedSender(sender({ frameUrl: 'http://localhost:5173/' }), tillId, dev)).toBe(true);
    expect(isTrustedSender(sender({ frameUrl: INDEX_URL }), tillId, dev)).toBe(false);
    expect(isTrustedSender(sender({ frameUrl: 'http://localhost:5173/' }), tillId, fileApp)).toBe(false);
  });
});
