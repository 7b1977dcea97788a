/**
 * The back office as `npm start` serves it: /admin/ and /portal/ from the service itself, the
 * sign-in of each with the right and the wrong token, and signing out.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;

/** GET with the path exactly as given (no client-side normalisation); the status code. */
function rawGet(pathname: string): Promise<number> {
  const { hostname, port } = new URL(bo.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: pathname, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  bo = await startBackOffice();
});

afterAll(async () => {
  await bo?.stop();
});

describe('serving', () => {
  it('redirects /admin and /portal to their pages, which carry a content security policy', async () => {
    const redirect = await fetch(`${bo.origin}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/admin/');
    for (const page of ['/admin/', '/portal/']) {
      const res = await fetch(`${bo.origin}${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const html = await res.text();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset, html).toBeTruthy();
      const js = await fetch(`${bo.origin}${asset}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('serves nothing outside the build and only GET', async () => {
    // raw request lines: fetch would normalise the dots away before they reach the service
    for (const p of ['/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/admin/../../package.json', '/assets/', '/admin/secret.txt', '/portal/../subgraph/src/config.ts']) {
      const status = await rawGet(p);
      expect([404, 400], p).toContain(status);
    }
    expect((await fetch(`${bo.origin}/admin/`, { method: 'POST' })).status).toBe(405);
    // GraphQL is where it was
    expect((await fetch(`${bo.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(200);
  });
});

describe('sign-in', () => {
  it('lets an admin into the console, refuses a till token, and signs out', async () => {
    const page = await bo.browser.newPage();
    await page.goto(`${bo.origin}/admin/`);
    await checkAccessibility(page, 'the console sign-in');
    await page.getByLabel('Access token').fill(bo.svc.tokens.till);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not include admin');
    await page.getByLabel('Access token').fill('not a token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('That is not a token');

    await signIn(page, `${bo.origin}/admin/`, bo.svc.tokens.admin);
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('refuses a token the service does not accept, even with the right role', async () => {
    const page = await bo.browser.newPage();
    const forged = `${bo.svc.tokens.admin.slice(0, -6)}AAAAAA`;
    await page.goto(`${bo.origin}/admin/`);
    await page.getByLabel('Access token').fill(forged);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The service refused this token');
    await page.close();
  });

  it('offers a token handed over in the address for the user to confirm, and removes it from the address', async () => {
    const memberId = await enrol(bo.svc);
    const token = await bo.svc.tokens.member(memberId);
    const page = await bo.browser.newPage();
    await page.goto(`${bo.origin}/portal/#token=${token}`);
    await expect.poll(() => page.url()).toBe(`${bo.origin}/portal/`);
    // not signed in behind the user's back: the form names the account and waits for the click
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`member:${memberId}`);
    expect(await page.getByLabel('Access token').inputValue()).toBe(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor({ state: 'detached' });
    // a link does not silently replace the session: the next one is offered again
    const other = await bo.svc.tokens.member(await enrol(bo.svc));
    await page.goto(`${bo.origin}/portal/#token=${other}`);
    await page.reload();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('removes a fragment whose token is malformed, and offers nothing', async () => {
    const page = await bo.browser.newPage();
    await page.goto(`${bo.origin}/admin/#token=<script>alert(1)</script>`);
    await expect.poll(() => page.url()).toBe(`${bo.origin}/admin/`);
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Access token').inputValue()).toBe('');
    await page.close();
  });
});
