/**
 * The back office as `npm start` serves it: /admin/ and /portal/ from the service itself, the
 * sign-in of each with the right and the wrong token, and signing out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../../subgraph/src/test-support/ledger-fixtures';
import { checkAccessibility, signIn, startBackOffice, type BackOffice } from './web-support';

let bo: BackOffice;

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
    for (const p of ['/assets/../../package.json', '/assets/%2e%2e%2fpackage.json', '/admin/../config.ts', '/assets/', '/admin/secret.txt']) {
      const res = await fetch(`${bo.origin}${p}`);
      expect([404, 400], p).toContain(res.status);
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

  it('lets a member into the portal with a token handed over in the address, which it removes', async () => {
    const token = await bo.svc.tokens.member(await enrol(bo.svc));
    const page = await bo.browser.newPage();
    await page.goto(`${bo.origin}/portal/#token=${token}`);
    await expect.poll(() => page.url()).toBe(`${bo.origin}/portal/`);
    await expect.poll(async () => (await page.getByRole('form', { name: 'Sign in' }).count()) === 0).toBe(true);
    await page.close();
  });
});
