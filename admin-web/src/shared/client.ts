import { Client, fetchExchange, mapExchange } from 'urql';

/**
 * The GraphQL client of a signed-in page: same-origin `/graphql` with the caller's bearer token.
 * Loyalty data changes at every till, so every query asks the server (no document cache). An
 * answer of 401 (expired or revoked token) signs the user out.
 */
export function createClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError(error) {
          const status = (error.response as Response | undefined)?.status;
          const code = error.graphQLErrors[0]?.extensions?.code;
          if (status === 401 || code === 'UNAUTHENTICATED') onUnauthenticated();
        },
      }),
      fetchExchange,
    ],
  });
}
