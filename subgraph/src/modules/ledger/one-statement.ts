import type { RequestContext } from '../../common/context';
import type { Logger } from '../../common/logger';

/** What a one-statement ledger function answers (see Migration20261204100000 and ...110000). */
export type OneStatementAnswer<R> = { kind: 'ok'; response?: R; multiplier?: number } | { kind: 'replay'; response: R } | { kind: 'conflict' };

/** A bound parameter. */
export type SqlValue = string | number | boolean | Date | null;

/** The one-statement functions; each has a `<name>_batch` for group commit. */
export type OneStatementFunction = 'loyalty_earn' | 'loyalty_hold' | 'loyalty_capture';

/**
 * Calls one of the ledger's one-statement functions (`loyalty_earn`, `loyalty_hold`,
 * `loyalty_capture`): one round trip, parameters bound, not inlined. With group commit
 * (`LOYALTY_LEDGER_BATCH_SIZE` > 1) the call joins this instance's next batch (see
 * `LedgerBatches`); alone, it is a transaction of its own. `build` makes the parameters when the
 * call is sent, so the times in them are those of sending, not of queueing.
 *
 * Null when the function hands the operation to the general path (SQLSTATE LY001: it rolled back,
 * nothing of it stays), on a deadlock or lock timeout (the general path retries), when a batch
 * failed as a whole (each operation's idempotency key settles it on the general path), and when
 * `LOYALTY_LEDGER_ONE_STATEMENT=off`.
 */
export async function callOneStatement<R>(ctx: RequestContext, fn: OneStatementFunction, build: () => SqlValue[]): Promise<OneStatementAnswer<R> | null> {
  if (!ctx.config.ledgerOneStatement) return null;
  const connection = ctx.em.getConnection();
  const { size, concurrency } = ctx.config.ledgerBatch;
  if (size > 1) {
    let batches = batchesByPool.get(connection);
    if (!batches) batchesByPool.set(connection, (batches = new LedgerBatches(connection.getKnex(), ctx.logger)));
    const queued = batches.submit(fn, build, size, concurrency);
    if (queued) return (await queued) as OneStatementAnswer<R> | null;
  }
  try {
    const params = build();
    const r = await connection.getKnex().raw<{ rows: { out: OneStatementAnswer<R> }[] }>(`select ${fn}(${params.map(() => '?').join(', ')}) as out`, params);
    return r.rows[0]!.out;
  } catch (err) {
    if (GENERAL_PATH_CODES.has((err as { code?: string }).code ?? '')) return null;
    throw err;
  }
}

/** LY001 (the function's hand-over), deadlock, lock not available. */
const GENERAL_PATH_CODES = new Set(['LY001', '40P01', '55P03']);

/** Group commit state per connection pool, i.e. per service instance. */
const batchesByPool = new WeakMap<object, LedgerBatches>();

interface Pending {
  build: () => SqlValue[];
  resolve(answer: OneStatementAnswer<unknown> | null): void;
}

/** Operations waiting for a batch, beyond which new ones go alone (and wait in the pool's queue). */
export const MAX_WAITING = 1_000;

/**
 * Group commit for the one-statement functions of one service instance. At most `concurrency`
 * batches run at once, whatever their function (each holds a pooled connection); operations that
 * arrive meanwhile wait, and go together as their function's next batch (up to `maxSize`), in one
 * round trip and one transaction (`<fn>_batch`, Migration20261204130000), each operation in a
 * subtransaction of its own. An operation arriving while fewer batches run goes at once, so a
 * quiet till pays no wait. The function with the longest-waiting operation goes next.
 */
export class LedgerBatches {
  private readonly queues = new Map<OneStatementFunction, { pending: Pending[]; since: number[] }>();
  private running = 0;
  private waiting = 0;

  constructor(
    private readonly knex: { raw: (sql: string, bindings: SqlValue[]) => PromiseLike<unknown> },
    private readonly logger: Logger,
  ) {}

  /** The operation's answer once its batch ran; null when too many wait already (send it alone). */
  submit(fn: OneStatementFunction, build: () => SqlValue[], maxSize: number, concurrency: number): Promise<OneStatementAnswer<unknown> | null> | null {
    if (this.waiting >= MAX_WAITING) return null;
    return new Promise((resolve) => {
      let queue = this.queues.get(fn);
      if (!queue) this.queues.set(fn, (queue = { pending: [], since: [] }));
      queue.pending.push({ build, resolve });
      queue.since.push(Date.now());
      this.waiting++;
      this.pump(maxSize, concurrency);
    });
  }

  private pump(maxSize: number, concurrency: number): void {
    while (this.waiting > 0 && this.running < concurrency) {
      let next: OneStatementFunction | null = null;
      for (const [fn, q] of this.queues) if (q.pending.length > 0 && (next === null || q.since[0]! < this.queues.get(next)!.since[0]!)) next = fn;
      const queue = this.queues.get(next!)!;
      const batch = queue.pending.splice(0, maxSize);
      queue.since.splice(0, batch.length);
      this.waiting -= batch.length;
      this.running++;
      void this.run(next!, batch).finally(() => {
        this.running--;
        this.pump(maxSize, concurrency);
      });
    }
  }

  private async run(fn: OneStatementFunction, batch: Pending[]): Promise<void> {
    const answers: (OneStatementAnswer<unknown> | null)[] = batch.map(() => null);
    try {
      const items = batch.map((p) => p.build());
      const r = (await this.knex.raw(`select ${fn}_batch(?::jsonb) as out`, [JSON.stringify(items)])) as { rows: { out: (OneStatementAnswer<unknown> | { kind: 'general' })[] }[] };
      const out = r.rows[0]?.out;
      if (!Array.isArray(out) || out.length !== batch.length) throw new Error(`${fn}_batch answered ${Array.isArray(out) ? out.length : 'no'} answers for ${batch.length} operations`);
      out.forEach((a, i) => {
        answers[i] = a && a.kind !== 'general' ? (a as OneStatementAnswer<unknown>) : null;
      });
    } catch (err) {
      // The batch rolled back as a whole (one statement: all or nothing), or its outcome is
      // unknown: each operation takes the general path, where its idempotency key replays what did
      // commit. Not expected: logged as an error.
      try {
        this.logger.error('ledger batch failed; its operations take the general path', { fn, size: batch.length, error: err instanceof Error ? err.message : String(err) });
      } catch {
        // the answers below must go out whatever the logger does
      }
    } finally {
      batch.forEach((p, i) => p.resolve(answers[i]!));
    }
  }
}
