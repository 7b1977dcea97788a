import { useRef } from 'react';
import { newKey } from '../shared/idempotency';


/**
 * The idempotency key of one attempt at a money-like mutation: made once for a given request and
 * kept while the same request is retried (a lost answer, a network error), so the service applies it
 * at most once; a different request, or `done()` after a definite answer, starts a new attempt.
 */
export function useAttemptKey(): { keyFor(request: string): string; done(): void } {
  const current = useRef<{ request: string; key: string } | null>(null);
  return {
    keyFor(request) {
      if (current.current?.request !== request) current.current = { request, key: newKey() };
      return current.current.key;
    },
    done() {
      current.current = null;
    },
  };
}
