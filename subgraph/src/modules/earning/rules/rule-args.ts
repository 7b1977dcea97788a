import type { ParseResult } from '../earning-rule';

/** Largest percentage a multiplier may set (100x). */
export const MAX_PERCENT = 10_000;
/** Most ids one rule may list. */
export const MAX_IDS = 1000;
/** Longest id (product, category or channel), in characters. */
export const MAX_ID_LENGTH = 64;

class ArgsError extends Error {}

/** Reads one rule's raw arguments; every method throws on the first problem. */
export interface ArgReader {
  /** A required integer in [min, max]. */
  int(key: string, min: number, max: number): number;
  /** A required list of 1..1000 distinct ids (duplicates dropped). */
  ids(key: string): string[];
  /** An optional list of 0..1000 ids; absent means empty. */
  optionalIds(key: string): string[];
  /** Rejects the arguments with a message. */
  fail(message: string): never;
}

/**
 * Strictly parses a rule's arguments: `raw` must be a plain object with only `keys`, and `build`
 * reads each field through the reader. Returns the first problem as a message for admins.
 */
export function parseArgsWith<A>(raw: unknown, keys: readonly string[], build: (r: ArgReader) => A): ParseResult<A> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: `arguments must be an object with ${keys.join(', ')}` };
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !keys.includes(k));
  if (unknown.length > 0) {
    return { ok: false, message: `unknown argument ${JSON.stringify(unknown[0])}; expected ${keys.join(', ')}` };
  }
  const idList = (key: string, minLength: number): string[] => {
    const v = obj[key];
    if (!Array.isArray(v) || v.length < minLength || v.length > MAX_IDS) {
      throw new ArgsError(`${key} must be a list of ${minLength} to ${MAX_IDS} ids`);
    }
    for (const id of v) {
      if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) {
        throw new ArgsError(`${key} must hold ids of 1 to ${MAX_ID_LENGTH} characters`);
      }
    }
    return [...new Set(v as string[])];
  };
  const reader: ArgReader = {
    int(key, min, max) {
      const v = obj[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw new ArgsError(`${key} must be an integer from ${min} to ${max}, got ${describe(v)}`);
      }
      return v;
    },
    ids: (key) => idList(key, 1),
    optionalIds: (key) => (obj[key] === undefined ? [] : idList(key, 0)),
    fail(message) {
      throw new ArgsError(message);
    },
  };
  try {
    return { ok: true, args: build(reader) };
  } catch (e) {
    if (e instanceof ArgsError) return { ok: false, message: e.message };
    throw e;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const text = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? (Array.isArray(v) ? 'a list' : v === null ? 'null' : 'an object') : String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
