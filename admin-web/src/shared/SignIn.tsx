import { useState, type FormEvent } from 'react';
import { Notice } from './forms';
import { storeToken, tokenClaims, type AppName } from './session';

interface Props {
  app: AppName;
  title: string;
  /** Roles any one of which lets the token in. */
  roles: readonly string[];
  /** A query the token must be able to run, to check it with the service before signing in. */
  probe: string;
  help: React.ReactNode;
  onSignedIn: (token: string) => void;
  /** A token a sign-in link brought: filled in, named, and checked when the user signs in with it. */
  offered?: string | null;
}

/**
 * Sign-in with a bearer token: pasted (the demo tokens, `npm run token`), or handed over by an
 * identity provider's redirect (`#token=`, see session.ts). The token is checked locally for its
 * shape and role, then with the service, before it is kept.
 */
export function SignIn({ app, title, roles, probe, help, onSignedIn, offered }: Props) {
  const [token, setToken] = useState(offered ?? '');
  const offeredSubject = offered ? (tokenClaims(offered)?.sub ?? 'an unnamed account') : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const t = token.trim().replace(/^Bearer\s+/i, '');
    const claims = tokenClaims(t);
    if (!claims) return setProblem('That is not a token: paste the whole JWT (three parts separated by dots).');
    // a shopper identity provider's token may carry no roles at all: then the service decides
    if (claims.roles.length > 0 && !claims.roles.some((r) => roles.includes(r))) return setProblem(`This token's roles (${claims.roles.join(', ') || 'none'}) do not include ${roles.join(' or ')}.`);
    if (claims.exp !== undefined && claims.exp * 1000 < Date.now()) return setProblem('This token has expired: ask for a new one.');
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
        body: JSON.stringify({ query: probe }),
      });
      const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
      if (!res.ok || body?.errors?.length) {
        setProblem(`The service refused this token: ${body?.errors?.[0]?.message ?? `HTTP ${res.status}`}`);
        return;
      }
      storeToken(app, t);
      onSignedIn(t);
    } catch (err) {
      setProblem(`The service cannot be reached: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>{title}</h1>
      <form onSubmit={submit} className="panel stack" aria-label="Sign in">
        {offeredSubject && (
          <Notice kind="info">
            A sign-in link brought a token for <strong>{offeredSubject}</strong>. Sign in only if that is you.
          </Notice>
        )}
        <div className="field">
          <label htmlFor="token">Access token</label>
          <textarea id="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby="token-help" required />
          <div className="hint" id="token-help">
            {help}
          </div>
        </div>
        {problem && <Notice kind="error">{problem}</Notice>}
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
