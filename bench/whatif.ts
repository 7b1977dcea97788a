/**
 * What-if patches for the diagnostics: the cheap fixes the analysis proposes, applied at run time
 * to the service running in this process (module exports replaced, nothing on disk changes), so
 * their gain is measured rather than guessed. Each returns a function that undoes it.
 * Projections only: e.g. the member stub is right only because the bench's documents do not
 * select `member`; a real fix would load the member lazily, when selected.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenchService } from './setup';

type Mutable = Record<string, unknown>;

/** loadSettings / loadActiveRules answer from memory after the first call (a real cache would expire or be invalidated on updates). */
export function cacheProgramme(): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../subgraph/src/modules/programme/programme.service') as Mutable;
  const { loadSettings, loadActiveRules } = mod as { loadSettings: (em: EntityManager) => Promise<unknown>; loadActiveRules: (em: EntityManager) => Promise<unknown> };
  let settings: Promise<unknown> | null = null;
  let rules: Promise<unknown> | null = null;
  mod.loadSettings = (em: EntityManager) => (settings ??= loadSettings(em.fork()));
  mod.loadActiveRules = (em: EntityManager) => (rules ??= loadActiveRules(em.fork()));
  return () => {
    mod.loadSettings = loadSettings;
    mod.loadActiveRules = loadActiveRules;
  };
}

/** Verified tokens are remembered (a real cache would key on the token and stop at its `exp`). */
export function cacheTokens(svc: BenchService): () => void {
  svc.setTokenCache(true);
  return () => svc.setTokenCache(false);
}

/** The payload's `member` is not read again from the database (a stub, as the bench's documents do not select it). */
export function skipMemberReload(): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../subgraph/src/common/loaders') as Mutable;
  const createLoaders = mod.createLoaders as (em: EntityManager) => Mutable;
  mod.createLoaders = (em: EntityManager) => {
    const loaders = createLoaders(em);
    loaders.memberById = { load: async (id: string) => ({ id }) };
    return loaders;
  };
  return () => {
    mod.createLoaders = createLoaders;
  };
}
