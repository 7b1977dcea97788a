/**
 * The signed-in caller's bearer token, kept in sessionStorage (gone when the tab closes), one per
 * app. An identity provider that redirects back with `#token=<jwt>` (docs/back-office.md) offers a
 * token: the fragment is removed from the address at once (so it is not bookmarked or shared), and
 * the token goes through the sign-in form's checks, with the user's click, before it is kept: a link
 * from someone else cannot silently sign a user into another account.
 */
export type AppName = 'admin' | 'portal';

const key = (app: AppName) => `loyalty.${app}.token`;

/** The token a `#token=` fragment offers (null without one); the fragment is removed either way. */
export function takeTokenFromFragment(): string | null {
  if (!/(?:^#|&)token=/.test(window.location.hash)) return null;
  const match = /(?:^#|&)token=([A-Za-z0-9._~+/=-]+)/.exec(window.location.hash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return match ? match[1]! : null;
}

export function storedToken(app: AppName): string | null {
  return sessionStorage.getItem(key(app));
}

export function storeToken(app: AppName, token: string): void {
  sessionStorage.setItem(key(app), token);
}

export function forgetToken(app: AppName): void {
  sessionStorage.removeItem(key(app));
}

/** What a pasted token says about itself (unverified: the service decides); null when it is not a JWT. */
export function tokenClaims(token: string): { roles: string[]; exp?: number; sub?: string } | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const roles = Array.isArray(json.roles) ? json.roles.filter((r): r is string => typeof r === 'string') : [];
    return { roles, exp: typeof json.exp === 'number' ? json.exp : undefined, sub: typeof json.sub === 'string' ? json.sub : undefined };
  } catch {
    return null;
  }
}
