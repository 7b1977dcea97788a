/**
 * Bulk load of synthetic members with PostgreSQL COPY (`npm run seed:members`). Each batch is one
 * transaction on its own connection: members, cards, wallets, sales, journal entries with their
 * postings, lots and bonus awards all arrive together or not at all. Two batches load at once
 * while the next one is generated.
 *
 * Safe beside a running service on the same database: card sequence numbers start above every
 * `042` card already present, journal entry ids come from the entry sequence (nextval, so they
 * never collide with the service's), and one advisory lock keeps two loads from running at once.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadActiveRules, loadSettings } from '../subgraph/src/modules/programme/programme.service';
import { Tier } from '../subgraph/src/modules/tiers/tier.entity';
import { CARD_PREFIX, cardNumber, COPY_TABLES, MAX_CARD_SEQUENCE, generateBatch, type BatchCounts, type GeneratedBatch, type SyntheticProgramme, UuidV7 } from './synthetic-members';

/** Arbitrary constant: one bulk load per database at a time. */
const BULK_LOAD_LOCK = 7_310_002;

export interface BulkLoadOptions {
  count: number;
  /** Members per transaction. */
  batchSize: number;
  seed: number;
  /** Most purchases in one member's history. */
  maxPurchases: number;
  /** Transactions loading at the same time (connections). */
  connections?: number;
  /** The end of the generated history (default: now). */
  now?: Date;
  /** Called after each committed batch with the members loaded so far. */
  onBatch?: (loaded: number) => void;
}

export interface BulkLoadReport extends Omit<BatchCounts, 'sequences'> {
  /** The first and last card numbers this run gave out. */
  firstCard: string;
  lastCard: string;
  seconds: number;
  membersPerSecond: number;
  /** Seconds of the final VACUUM and ANALYZE, included in `seconds`. */
  analyzeSeconds: number;
  /** Whether PostgreSQL checked the foreign keys row by row (false: valid by construction, see above). */
  foreignKeysChecked: boolean;
}

/** A problem the user can fix (a second load running, the card range used up, a clash). */
export class BulkLoadError extends Error {}

/** The programme as the generator needs it: settings, active rules and tiers, read once. */
async function readProgramme(em: EntityManager, now: Date): Promise<SyntheticProgramme> {
  const settings = await loadSettings(em);
  const rules = await loadActiveRules(em);
  const tiers = await em.find(Tier, {}, { orderBy: { rank: 'asc' } });
  return {
    now,
    currencyCode: settings.currencyCode,
    pendingDays: settings.pendingDays,
    expiry: { expiryUnit: settings.expiryUnit, expiryCount: settings.expiryCount, expiryToMonthEnd: settings.expiryToMonthEnd },
    tiers: tiers.map((t) => ({ id: t.id, rank: t.rank, qualificationThreshold: Number(t.qualificationThreshold), earnMultiplierPercent: t.earnMultiplierPercent })),
    rules: rules.map((r) => ({ id: r.id, kind: r.kind, args: r.args, name: r.name })),
  };
}

/** The card sequence number after the highest `042` + 9 digits + check digit card in the database. */
async function nextCardSequence(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ number: string }>(
    `select number from loyalty_card
      where number >= $1 and number < $2 and number ~ '^[0-9]{13}$'
      order by number desc limit 1`,
    [CARD_PREFIX, String(Number(CARD_PREFIX) + 1).padStart(3, '0')],
  );
  return rows[0] ? Number(rows[0].number.slice(3, 12)) + 1 : 1;
}

/**
 * `n` fresh journal entry ids from the entry sequence. Usually one contiguous block (checked);
 * when the service booked entries in between, the ids are fetched one by one.
 */
async function reserveEntryIds(client: pg.Client, n: number): Promise<(i: number) => number> {
  if (n === 0) return () => 0;
  const { rows } = await client.query<{ lo: string; hi: string }>(
    `select min(v) as lo, max(v) as hi from (select nextval(pg_get_serial_sequence('ledger_entry', 'id')) as v from generate_series(1, $1::int)) s`,
    [n],
  );
  const lo = Number(rows[0]!.lo);
  const hi = Number(rows[0]!.hi);
  if (hi - lo + 1 === n) return (i) => lo + i;
  const list = await client.query<{ v: string }>(`select nextval(pg_get_serial_sequence('ledger_entry', 'id')) as v from generate_series(1, $1::int)`, [n]);
  const ids = list.rows.map((r) => Number(r.v));
  return (i) => ids[i]!;
}

function copy(client: pg.Client, table: string, columns: readonly string[], data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format binary)`));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(data);
  });
}

/**
 * Binary COPY needs each column's exact type: checks them against the database first, so a schema
 * change shows up as a message naming the column rather than as "incorrect binary data format".
 */
async function checkColumns(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = any($1)`,
    [COPY_TABLES.map((t) => t.table)],
  );
  const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
  const problems: string[] = [];
  for (const { table, columns } of COPY_TABLES) {
    for (const [column, type] of Object.entries(columns)) {
      const found = actual.get(`${table}.${column}`);
      if (found !== type) problems.push(`${table}.${column} is ${found ?? 'missing'}, the loader writes ${type}`);
    }
  }
  if (problems.length) throw new BulkLoadError(`The database schema differs from what seed:members writes (update seeds/synthetic-members.ts): ${problems.join('; ')}`);
}

const explain = (err: unknown, loaded: number): BulkLoadError | unknown => {
  const e = err as { code?: string; detail?: string; message?: string; table?: string };
  if (e?.code === '23505') {
    return new BulkLoadError(
      `A synthetic member clashes with a row already in ${e.table ?? 'the database'} (${e.detail ?? e.message}); ${loaded} members were loaded before it, the batch with the clash was not.`,
    );
  }
  return err;
};

/**
 * Loads `opts.count` synthetic members into the database at `connectionString` (migrated; the
 * programme's settings, rules and tiers are read through `em`). Returns what was written.
 */
export async function bulkLoadMembers(em: EntityManager, connectionString: string, opts: BulkLoadOptions): Promise<BulkLoadReport> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const programme = await readProgramme(em, now);
  const control = new pg.Client({ connectionString });
  await control.connect();
  const workers: pg.Client[] = [];
  try {
    const { rows } = await control.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [BULK_LOAD_LOCK]);
    if (!rows[0]!.ok) throw new BulkLoadError('Another seed:members run is loading into this database; wait until it has finished.');
    await checkColumns(control);
    const firstSequence = await nextCardSequence(control);
    // a member takes one sequence number, two when their first card was lost (about 3 in 100)
    if (firstSequence + Math.ceil(opts.count * 1.1) + 1000 > MAX_CARD_SEQUENCE) {
      throw new BulkLoadError(`Not enough card numbers left: the highest ${CARD_PREFIX} card is at sequence ${firstSequence - 1} of ${MAX_CARD_SEQUENCE}.`);
    }
    // Foreign keys: every card's member is in the same transaction, and the tiers (read above) are
    // locked against changes until the load ends, so the rows are valid by construction and the
    // per-row checks can be skipped where the role may do so (a superuser, as in the embedded
    // server). Elsewhere PostgreSQL checks every row, which is slower but as correct.
    await control.query('begin');
    await control.query('lock table tier in share mode');
    const tiersNow = await control.query<{ id: string }>('select id from tier');
    if (tiersNow.rows.length !== programme.tiers.length || programme.tiers.some((t) => !tiersNow.rows.some((r) => r.id === t.id))) {
      throw new BulkLoadError('The tiers changed while the load started; run it again.');
    }
    let foreignKeysChecked = true;
    for (let i = 0; i < (opts.connections ?? 2); i++) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        await client.query('set session_replication_role = replica');
        foreignKeysChecked = false;
      } catch {
        foreignKeysChecked = true;
      }
      workers.push(client);
    }

    const ids = new UuidV7();
    const total: BatchCounts = { members: 0, cards: 0, sales: 0, entries: 0, postings: 0, lots: 0, sequences: 0 };
    let sequence = firstSequence;
    let planned = 0;
    let loaded = 0;
    let failure: unknown = null;
    // Batches are generated in order (each one's card numbers follow the previous one's), one at
    // a time, and loaded by whichever connection is free.
    let generating = Promise.resolve();
    const nextBatch = (): Promise<GeneratedBatch | null> => {
      const run = generating.then(async () => {
        if (planned >= opts.count || failure) return null;
        const count = Math.min(opts.batchSize, opts.count - planned);
        const position = { index: planned, of: opts.count };
        planned += count;
        const batch = await generateBatch(programme, { seed: opts.seed, firstSerial: sequence, count, maxPurchases: opts.maxPurchases, ids, position });
        sequence += batch.counts.sequences;
        return batch;
      });
      generating = run.then(() => undefined, () => undefined);
      return run;
    };
    let reservations = Promise.resolve();
    const work = async (client: pg.Client) => {
      for (let batch = await nextBatch(); batch; batch = await nextBatch()) {
        // entry ids are reserved on the control connection, one batch at a time
        const reserved = reservations.then(() => reserveEntryIds(control, batch!.counts.entries));
        reservations = reserved.then(() => undefined, () => undefined);
        const rows = batch.assignEntryIds(await reserved);
        await client.query('begin');
        try {
          for (const { table, columns } of COPY_TABLES) await copy(client, table, Object.keys(columns), rows[table]);
          await client.query('commit');
        } catch (err) {
          await client.query('rollback').catch(() => {});
          failure ??= explain(err, loaded);
          return;
        }
        for (const k of Object.keys(total) as (keyof BatchCounts)[]) total[k] += batch.counts[k];
        loaded += batch.counts.members;
        opts.onBatch?.(loaded);
      }
    };
    await Promise.all(workers.map(work));
    if (failure) throw failure;

    await control.query('commit'); // releases the tier lock
    // Fresh statistics for the planner, and the visibility map for member (the search counts
    // its matches with index-only scans), on all connections at once; sale_earn's lines (JSON) have
    // no use for statistics and cost the most to sample.
    const analyzeStarted = Date.now();
    const statements = ['vacuum (analyze) member', 'analyze loyalty_card, wallet', 'analyze sale_earn (id, channel, sale_id, order_id, member_id, lot_id, occurred_at)', 'analyze ledger_entry, ledger_posting, earning_lot'];
    const clients = [control, ...workers];
    await Promise.all(clients.map(async (client, i) => {
      for (let k = i; k < statements.length; k += clients.length) await client.query(statements[k]!);
    }));
    const seconds = (Date.now() - started) / 1000;
    const { sequences: _s, ...counts } = total;
    return {
      ...counts,
      firstCard: cardNumber(firstSequence),
      lastCard: cardNumber(sequence - 1),
      seconds,
      membersPerSecond: Math.round(total.members / seconds),
      analyzeSeconds: (Date.now() - analyzeStarted) / 1000,
      foreignKeysChecked,
    };
  } finally {
    await Promise.all(workers.map((c) => c.end().catch(() => {})));
    await control.query('rollback').catch(() => {});
    await control.query('select pg_advisory_unlock($1)', [BULK_LOAD_LOCK]).catch(() => {});
    await control.end().catch(() => {});
  }
}

