import type { RequestContext } from '../../common/context';

/** What a one-statement ledger function answers (see Migration20261204100000 and ...110000). */
export type OneStatementAnswer<R> = { kind: 'ok'; response?: R; multiplier?: number } | { kind: 'replay'; response: R } | { kind: 'conflict' };

/** A bound parameter. */
export type SqlValue = string | number | boolean | Date | null;

/**
 * Calls one of the ledger's one-statement functions (`loyalty_earn`, `loyalty_hold`,
 * `loyalty_capture`) in a transaction of its own: one round trip, parameters bound, not inlined.
 * Null when the function hands the operation to the general path (SQLSTATE LY001: it rolled back,
 * nothing of it stays), on a deadlock or lock timeout (the general path retries), and when
 * `LOYALTY_LEDGER_ONE_STATEMENT=off`.
 */
export async function callOneStatement<R>(ctx: RequestContext, fn: string, params: SqlValue[]): Promise<OneStatementAnswer<R> | null> {
  if (!ctx.config.ledgerOneStatement) return null;
  const knex = ctx.em.getConnection().getKnex();
  try {
    const r = await knex.raw<{ rows: { out: OneStatementAnswer<R> }[] }>(`select ${fn}(${params.map(() => '?').join(', ')}) as out`, params);
    return r.rows[0]!.out;
  } catch (err) {
    if (['LY001', '40P01', '55P03'].includes((err as { code?: string }).code ?? '')) return null;
    throw err;
  }
}
