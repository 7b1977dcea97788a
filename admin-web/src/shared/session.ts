/**
 * The signed-in caller's bearer token, kept in sessionStorage (gone when the tab closes), one per
 * app. An identity provider that redirects back with `#token=<jwt>` (docs/back-office.md) signs the
 * user in; the fragment is removed from the address at once so it is not bookmarked or shared.
 */
export type AppName = 'admin' | 'portal';

const key = (app: AppName) => `loyalty.${app}.token`;

export function takeTokenFromFragment(app: AppName): void {
  const match = /(?:^#|&)token=([A-Za-z0-9._~+/=-]+)/.exec(window.location.hash);
  if (!match) return;
  sessionStorage.setItem(key(app), match[1]!);
  history.replaceState(null, '', window.location.pathname + window.location.search);
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
