import { useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createClient } from './client';
import { forgetToken, storedToken, takeTokenFromFragment, type AppName } from './session';

/**
 * Holds the app's token: shows `signIn` until there is one, then `children` with a GraphQL client
 * that uses it. Signing out (or a 401 from the service) forgets the token.
 */
export function Authenticated({ app, signIn, children }: { app: AppName; signIn: (onSignedIn: (token: string) => void) => ReactNode; children: (signOut: () => void) => ReactNode }) {
  const [token, setToken] = useState<string | null>(() => {
    takeTokenFromFragment(app);
    return storedToken(app);
  });
  const signOut = () => {
    forgetToken(app);
    setToken(null);
  };
  const client = useMemo(() => (token ? createClient(token, signOut) : null), [token]);
  if (!token || !client) return <>{signIn(setToken)}</>;
  return <Provider value={client}>{children(signOut)}</Provider>;
}
