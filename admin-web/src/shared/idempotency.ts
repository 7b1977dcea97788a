import { useRef } from 'react';

/**
 * A random UUID. `crypto.randomUUID` exists only on secure origins (HTTPS, localhost); the portal
 * opened on a phone at http://<LAN address> has only `getRandomValues`.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

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
