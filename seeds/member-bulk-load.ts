/**
 * Bulk load of synthetic members with PostgreSQL COPY (`npm run seed:members`), online (batch by
 * batch, beside a running service) or exclusive (one transaction that rebuilds the indexes); see
 * `bulkLoadMembers`. Either way a batch's members, cards, wallets, sales, journal entries with
 * their postings and lots arrive together or not at all.
 *
 * Safe beside a running service on the same database (online): card sequence numbers start above
 * every `042` card already present, journal entry ids come from the entry sequence (nextval, so
 * they never collide with the service's), and one advisory lock keeps two loads from running at once.
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
  /**
   * Load in one transaction that drops and rebuilds the tables' indexes (see `bulkLoadMembers`);
   * only for a database nothing else is using.
   */
  exclusive?: boolean;
  /** Called after each loaded batch with the members loaded so far (committed, when online). */
  onBatch?: (loaded: number) => void;
  /** Called when the load moves on to a step that takes a while (building indexes, statistics). */
  onStep?: (message: string) => void;
}

export interface BulkLoadReport extends Omit<BatchCounts, 'sequences'> {
  /** The first and last card numbers this run gave out. */
  firstCard: string;
  lastCard: string;
  /** How the rows went in: `online` (batch by batch, indexes in place) or `exclusive` (see `bulkLoadMembers`). */
  mode: 'online' | 'exclusive';
  seconds: number;
  membersPerSecond: number;
  /** Seconds spent building indexes and keys again (exclusive), included in `seconds`. */
  indexSeconds: number;
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

const explain = (err: unknown, loaded: number, allOrNothing: boolean): BulkLoadError | unknown => {
  if (err instanceof BulkLoadError) return err;
  const e = err as { code?: string; detail?: string; message?: string; table?: string };
  if (e?.code === '23505') {
    const where = e.table ?? (e.message?.match(/"([a-z_]+)_[a-z_]+_(?:unique|pkey)"/)?.[1] ?? 'the database');
    return new BulkLoadError(
      `A synthetic member clashes with a row already in ${where} (${e.detail ?? e.message}); ` +
        (allOrNothing ? 'nothing was loaded.' : `${loaded} members were loaded before it, the batch with the clash was not.`),
    );
  }
  return err;
};

/** The tables a load writes, in COPY order. */
const TABLES = COPY_TABLES.map((t) => t.table);

/**
 * The statements that drop, and then re-create, every index and key of the loaded tables: foreign
 * keys on or into them, primary keys and unique constraints, and the other indexes, as the
 * database has them now (so a migration that adds an index needs no change here).
 */
async function indexPlan(client: pg.Client): Promise<{ drop: string[]; create: { label: string; sql: string }[] }> {
  const { rows } = await client.query<{ kind: string; label: string; drop_sql: string; create_sql: string }>(
    `with t as (select oid from pg_class where oid = any($1::regclass[]))
     select 'fk' as kind, conname as label,
            format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop_sql,
            format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as create_sql
       from pg_constraint where contype = 'f' and (conrelid in (select oid from t) or confrelid in (select oid from t))
     union all
     select 'key', conname, format('alter table %s drop constraint %I', conrelid::regclass, conname),
            format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
       from pg_constraint where contype in ('p', 'u') and conrelid in (select oid from t)
     union all
     select 'index', i.indexrelid::regclass::text, format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
       from pg_index i where i.indrelid in (select oid from t)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`,
    [TABLES],
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    // foreign keys go first (a key they lean on cannot be dropped under them) and come back last
    drop: [...of('fk'), ...of('key'), ...of('index')].map((r) => r.drop_sql),
    create: [...of('key'), ...of('index'), ...of('fk')].map((r) => ({ label: r.label, sql: r.create_sql })),
  };
}

/** The next generated batch, in order; null when all are out. */
type Pipeline = () => Promise<GeneratedBatch | null>;

/**
 * Loads `opts.count` synthetic members into the database at `connectionString` (migrated; the
 * programme's settings, rules and tiers are read through `em`). Returns what was written.
 *
 * Two ways, the same rows:
 * - **online** (the default): batches of `batchSize` members, each its own transaction, on
 *   `connections` connections at once, into tables that keep all their indexes; a service can
 *   run on the database meanwhile, and a failure keeps the batches committed before it.
 * - **exclusive** (`opts.exclusive`, for a database nothing else uses; the CLI's own embedded one):
 *   one transaction that locks the tables, drops their indexes and keys, loads every batch, and
 *   builds the indexes and keys again, which sorting does far faster than inserting row by row.
 *   All or nothing: a failure, or a killed process, leaves the database as it was. Used only when
 *   the load at least doubles the members, otherwise rebuilding the indexes of the members
 *   already there costs more than it saves and the load runs online.
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
    const existing = await control.query<{ n: number }>('select count(*)::int as n from member');
    const exclusive = Boolean(opts.exclusive) && opts.count >= existing.rows[0]!.n;
    if (exclusive) opts.onStep?.('Exclusive: one transaction; the indexes and keys of the member tables are dropped now and built again at the end.');
    else if (opts.exclusive) opts.onStep?.(`Loading online with the indexes in place: ${existing.rows[0]!.n.toLocaleString('en')} members are there already, more than this load adds.`);
    const firstSequence = await nextCardSequence(control);
    // a member takes one sequence number, two when their first card was lost (about 3 in 100)
    if (firstSequence + Math.ceil(opts.count * 1.1) + 1000 > MAX_CARD_SEQUENCE) {
      throw new BulkLoadError(`Not enough card numbers left: the highest ${CARD_PREFIX} card is at sequence ${firstSequence - 1} of ${MAX_CARD_SEQUENCE}.`);
    }
    await control.query('begin');
    if (exclusive) {
      try {
        await control.query(`lock table ${TABLES.join(', ')} in access exclusive mode nowait`);
      } catch (err) {
        if ((err as { code?: string }).code === '55P03') throw new BulkLoadError('The member tables are in use (is a service running on this database?); load without --exclusive, or stop what uses them.');
        throw err;
      }
    }
    // The tiers (read above) are locked against changes until the load ends, so the members' tier
    // ids stay valid.
    await control.query('lock table tier in share mode');
    const tiersNow = await control.query<{ id: string }>('select id from tier');
    if (tiersNow.rows.length !== programme.tiers.length || programme.tiers.some((t) => !tiersNow.rows.some((r) => r.id === t.id))) {
      throw new BulkLoadError('The tiers changed while the load started; run it again.');
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
    const nextBatch: Pipeline = () => {
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
    const counted = (batch: GeneratedBatch) => {
      for (const k of Object.keys(total) as (keyof BatchCounts)[]) total[k] += batch.counts[k];
      loaded += batch.counts.members;
      opts.onBatch?.(loaded);
    };

    let foreignKeysChecked = true;
    let indexSeconds = 0;
    if (exclusive) {
      const plan = await indexPlan(control);
      for (const sql of plan.drop) await control.query(sql);
      // the tables' own triggers (sale_earn's first sale, which the rows carry already: every member
      // is new) would look each row up without the indexes; back on before the commit
      for (const t of TABLES) await control.query(`alter table ${t} disable trigger user`);
      try {
        // the next batch is generated while this one is sent
        let next = nextBatch();
        for (let batch = await next; batch; batch = await next) {
          next = nextBatch();
          const rows = batch.assignEntryIds(await reserveEntryIds(control, batch.counts.entries));
          for (const { table, columns } of COPY_TABLES) await copy(control, table, Object.keys(columns), rows[table]);
          counted(batch);
        }
        const indexStarted = Date.now();
        opts.onStep?.(`Building ${plan.create.length} indexes and keys...`);
        await control.query(`set local maintenance_work_mem = '1GB'`);
        for (const { sql } of plan.create) await control.query(sql);
        indexSeconds = (Date.now() - indexStarted) / 1000;
        for (const t of TABLES) await control.query(`alter table ${t} enable trigger user`);
        await control.query('commit');
      } catch (err) {
        failure ??= err;
        await generating;
        await control.query('rollback').catch(() => {});
        throw explain(failure, 0, true);
      }
      // the foreign keys were added back with a check of every row
      foreignKeysChecked = true;
    } else {
      // Foreign keys: every card's member is in the same transaction and the tiers are locked, so
      // the rows are valid by construction and the per-row checks can be skipped where the role
      // may do so (a superuser, as in the embedded server). Elsewhere PostgreSQL checks every
      // row, which is slower but as correct.
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
            failure ??= explain(err, loaded, false);
            return;
          }
          counted(batch);
        }
      };
      await Promise.all(workers.map(work));
      if (failure) throw failure;
      await control.query('commit'); // releases the tier lock
    }

    // Fresh statistics for the planner, and the visibility map for member (the search counts
    // its matches with index-only scans), on two connections at once; sale_earn's lines (JSON)
    // have no use for statistics and cost the most to sample.
    const analyzeStarted = Date.now();
    opts.onStep?.('Updating the planner statistics...');
    if (workers.length === 0) {
      const client = new pg.Client({ connectionString });
      await client.connect();
      workers.push(client);
    }
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
      mode: exclusive ? 'exclusive' : 'online',
      seconds,
      membersPerSecond: Math.round(total.members / seconds),
      indexSeconds,
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
