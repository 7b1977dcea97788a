import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import type { UserError } from '../../common/errors';
import { InputChecker } from '../../common/validation';
import { audienceCondition, checkAudienceRules, type AudienceRules, type AudienceRulesInputShape } from './audience-rules';
import { AudienceRecord } from './audience.entity';

export const MAX_SAMPLE = 100;

/** Audience evaluations running at once in this process; more wait, so tills keep their connections. */
export const AUDIENCE_CONCURRENCY = 2;

let running = 0;
const waiting: (() => void)[] = [];
export async function oneOfFew<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= AUDIENCE_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes to the next in line
    else running--;
  }
}

/** The rules took longer than the configured time limit (config.audienceTimeoutMs). */
export class AudienceTooSlow extends Error {}

/**
 * How many members the rules select now, and a sample of them (newest enrolment first): two
 * statements in one read-only transaction with a statement timeout (LOYALTY_AUDIENCE_TIMEOUT_MS), at most AUDIENCE_CONCURRENCY
 * at once per process.
 */
export async function evaluateAudience(em: EntityManager, rules: AudienceRules, sampleSize: number, timeoutMs: number, now = new Date()): Promise<{ memberCount: number; sampleIds: string[] }> {
  const { sql, params } = audienceCondition(rules, now);
  try {
    return await oneOfFew(() =>
      em.transactional(async (tx) => {
        await tx.execute(`set transaction read only`);
        await tx.execute(`set local statement_timeout = ${Math.trunc(timeoutMs)}`);
        const [{ n }] = await tx.execute<{ n: string }[]>(`select count(*) as n from member m where ${sql}`, params);
        const sample = sampleSize > 0
          ? await tx.execute<{ id: string }[]>(`select m.id from member m where ${sql} order by m.enrolled_at desc, m.id limit ?`, [...params, sampleSize])
          : [];
        return { memberCount: Number(n), sampleIds: sample.map((r) => String(r.id)) };
      }),
    );
  } catch (e) {
    if ((e as { code?: string }).code === '57014') throw new AudienceTooSlow();
    throw e;
  }
}

export function checkSampleSize(check: InputChecker, v: number | null | undefined, field = 'sampleSize'): number {
  if (v == null) return 10;
  if (!Number.isInteger(v) || v < 0 || v > MAX_SAMPLE) {
    check.fail(field, `${field} must be a whole number from 0 to ${MAX_SAMPLE}`);
    return 0;
  }
  return v;
}

/** Creates or replaces (by code) a named audience. */
export async function saveAudience(
  ctx: RequestContext,
  input: { code: string; name: string; rules?: AudienceRulesInputShape | null },
): Promise<{ audience: AudienceRecord | null; userErrors: UserError[] }> {
  const check = new InputChecker();
  const code = check.code('code', input.code, { required: true });
  const name = check.text('name', input.name, 100, { required: true, label: 'name' });
  const rules = checkAudienceRules(check, input.rules);
  if (!check.ok || !code || !name) return { audience: null, userErrors: check.errors };
  const em = ctx.em.fork();
  const now = new Date();
  const [row] = await em.execute<{ id: string }[]>(
    `insert into audience (id, code, name, rules, created_at, updated_at) values (gen_random_uuid(), ?, ?, ?::jsonb, ?, ?)
       on conflict (code) do update set name = excluded.name, rules = excluded.rules, updated_at = excluded.updated_at
     returning id`,
    [code, name, JSON.stringify(rules), now, now],
  );
  ctx.logger.info('audience saved', { code, by: ctx.principal?.subject });
  ctx.programme.invalidate(); // campaigns cache their audiences' rules
  return { audience: await em.findOneOrFail(AudienceRecord, { id: row.id }), userErrors: [] };
}

export async function listAudiences(ctx: RequestContext): Promise<AudienceRecord[]> {
  return ctx.em.fork().find(AudienceRecord, {}, { orderBy: { code: 'asc' } });
}

export async function audienceByCode(ctx: RequestContext, code: string): Promise<AudienceRecord | null> {
  return ctx.em.fork().findOne(AudienceRecord, { code: code.trim().toUpperCase() });
}
