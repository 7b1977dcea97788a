import { useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createClient } from './client';
import { forgetToken, storedToken, takeTokenFromFragment, type AppName } from './session';

/**
 * Holds the app's token: shows `signIn` until there is one, then `children` with a GraphQL client
 * that uses it. Signing out (or a 401 from the service) forgets the token.
 */
export function Authenticated({
  app,
  signIn,
  children,
}: {
  app: AppName;
  /** The sign-in form; `offered` is a token a sign-in link brought (`#token=`), to check and confirm. */
  signIn: (onSignedIn: (token: string) => void, offered: string | null) => ReactNode;
  children: (signOut: () => void) => ReactNode;
}) {
  const [offered] = useState(takeTokenFromFragment);
  // a link's token replaces no session without the user's say: it is offered on the sign-in form
  const [token, setToken] = useState<string | null>(() => (offered ? null : storedToken(app)));
  const signOut = () => {
    forgetToken(app);
    setToken(null);
  };
  const client = useMemo(() => (token ? createClient(token, signOut) : null), [token]);
  if (!token || !client) return <>{signIn(setToken, offered)}</>;
  return <Provider value={client}>{children(signOut)}</Provider>;
}
