import type { RequestContext } from '../../common/context';
import type { Logger } from '../../common/logger';

/** What a one-statement ledger function answers (see Migration20261204100000 and ...110000). */
export type OneStatementAnswer<R> = { kind: 'ok'; response?: R; multiplier?: number } | { kind: 'replay'; response: R } | { kind: 'conflict' };

/** A bound parameter. */
export type SqlValue = string | number | boolean | Date | null;

/**
 * Calls one of the ledger's one-statement functions (`loyalty_earn`, `loyalty_hold`,
 * `loyalty_capture`): one round trip, parameters bound, not inlined. With group commit
 * (`LOYALTY_LEDGER_BATCH_SIZE` > 1) the call joins this instance's batch for that function (see
 * `StatementBatcher`); alone, it is a transaction of its own. `order` is the member the operation
 * locks (or the hold), so that batches lock wallets in one order.
 *
 * Null when the function hands the operation to the general path (SQLSTATE LY001: it rolled back,
 * nothing of it stays), on a deadlock or lock timeout (the general path retries), when a batch
 * failed as a whole (each operation's idempotency key settles it on the general path), and when
 * `LOYALTY_LEDGER_ONE_STATEMENT=off`.
 */
export async function callOneStatement<R>(ctx: RequestContext, fn: string, params: SqlValue[], order: string): Promise<OneStatementAnswer<R> | null> {
  if (!ctx.config.ledgerOneStatement) return null;
  const connection = ctx.em.getConnection();
  const { size, concurrency } = ctx.config.ledgerBatch;
  if (size > 1) {
    let perFunction = batchers.get(connection);
    if (!perFunction) batchers.set(connection, (perFunction = new Map()));
    let batcher = perFunction.get(fn);
    if (!batcher) perFunction.set(fn, (batcher = new StatementBatcher(connection.getKnex(), fn, size, concurrency, ctx.logger)));
    return (await batcher.submit(params, order)) as OneStatementAnswer<R> | null;
  }
  try {
    const r = await connection.getKnex().raw<{ rows: { out: OneStatementAnswer<R> }[] }>(`select ${fn}(${params.map(() => '?').join(', ')}) as out`, params);
    return r.rows[0]!.out;
  } catch (err) {
    if (GENERAL_PATH_CODES.has((err as { code?: string }).code ?? '')) return null;
    throw err;
  }
}

/** LY001 (the function's hand-over), deadlock, lock not available. */
const GENERAL_PATH_CODES = new Set(['LY001', '40P01', '55P03']);

/** One batcher per function and connection pool, i.e. per service instance. */
const batchers = new WeakMap<object, Map<string, StatementBatcher>>();

interface Pending {
  params: SqlValue[];
  order: string;
  resolve(answer: OneStatementAnswer<unknown> | null): void;
}

/**
 * Group commit for one of the one-statement functions: operations that arrive while `concurrency`
 * batches are already running wait, and go together as the next batch (up to `maxSize`), in one
 * round trip and one transaction (`<fn>_batch`, Migration20261204130000), each operation in a
 * subtransaction of its own. An operation arriving when fewer batches run goes at once, so a
 * quiet till pays no wait. Batches are sorted by `order` (the member), so two batches lock
 * wallets in the same order.
 */
export class StatementBatcher {
  private readonly queue: Pending[] = [];
  private running = 0;

  constructor(
    private readonly knex: { raw: (sql: string, bindings: SqlValue[]) => PromiseLike<unknown> },
    private readonly fn: string,
    private readonly maxSize: number,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  submit(params: SqlValue[], order: string): Promise<OneStatementAnswer<unknown> | null> {
    return new Promise((resolve) => {
      this.queue.push({ params, order, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.running < this.concurrency) {
      const batch = this.queue.splice(0, this.maxSize);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    batch.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    try {
      const r = (await this.knex.raw(`select ${this.fn}_batch(?::jsonb) as out`, [JSON.stringify(batch.map((p) => p.params))])) as { rows: { out: (OneStatementAnswer<unknown> | { kind: 'general' })[] }[] };
      const answers = r.rows[0]!.out;
      batch.forEach((p, i) => {
        const a = answers[i]!;
        p.resolve(a.kind === 'general' ? null : a);
      });
    } catch (err) {
      // the batch rolled back as a whole (or its outcome is unknown): each operation takes the
      // general path, where its idempotency key replays what did commit
      this.logger.warn('ledger batch failed; its operations take the general path', { fn: this.fn, size: batch.length, error: (err as Error).message });
      for (const p of batch) p.resolve(null);
    }
  }
}
