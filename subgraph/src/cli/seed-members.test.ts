import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEMBER_COUNT } from '../../../seeds/demo.seeder';
import { startEmbeddedPostgres } from '../db/embedded';
import { freePort } from '../db/free-port';
import { buildSubgraphOnce, runNode } from '../test-support/build';
import { createTestDatabase, databaseUrl, ok, startTestService, type TestService } from '../test-support/harness';

/** The compiled CLI that `npm run seed:members -- ...` runs after building. */
let cli: string;
const dirs: string[] = [];

beforeAll(async () => {
  cli = path.join(await buildSubgraphOnce(), 'subgraph/src/cli/seed-members.js');
}, 180_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const seed = (args: string[], env: Record<string, string>) => runNode([cli, ...args], { env: { LOYALTY_DATA_DIR: '/nonexistent', ...env }, timeoutMs: 120_000 });

interface Summary {
  members: number;
  cards: number;
  sales: number;
  entries: number;
  postings: number;
  lots: number;
  firstCard: string;
  lastCard: string;
  membersPerSecond: number;
}

/** GS1 mod-10 check digit, computed independently of the generator. */
function validEan13(n: string): boolean {
  if (!/^\d{13}$/.test(n)) return false;
  const sum = [...n.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(n[12]);
}

describe('npm run seed:members', () => {
  let db: string;
  let svc: TestService;
  let first: Summary;

  beforeAll(async () => {
    db = await createTestDatabase();
    // LOYALTY_SEED=demo: the demo programme's rules and tiers, so the purchases earn points
    const out = await seed(['--count', '700', '--batch', '150', '--seed', '7'], { DATABASE_URL: databaseUrl(db), LOYALTY_SEED: 'demo' });
    expect(out.code, out.stderr).toBe(0);
    first = JSON.parse(out.stdout) as Summary;
    svc = await startTestService({ databaseName: db });
  }, 180_000);
  afterAll(() => svc?.stop());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => svc.orm.em.fork().getConnection().execute<T[]>(query, params);

  it('loads members with cards, wallets and a purchase history that the ledger audit finds right', async () => {
    expect(first).toMatchObject({ members: 700 });
    expect(first.cards).toBeGreaterThanOrEqual(700);
    // a short history: about one purchase a member, each an entry with two postings and a lot
    expect(first.sales).toBeGreaterThan(500);
    expect(first.sales).toBeLessThan(1100);
    expect(first.entries).toBeGreaterThan(0);
    expect(first.postings).toBe(first.entries * 2);
    const [counts] = await sql<Record<string, number>>(
      `select (select count(*)::int from member) as members, (select count(*)::int from wallet) as wallets,
              (select count(*)::int from loyalty_card) as cards, (select count(distinct number)::int from loyalty_card) as numbers,
              (select count(*)::int from sale_earn where sale_id like 'S%') as sales,
              (select count(*)::int from member m where m.email is null and m.phone is null and m.customer_id is null) as unreachable`,
    );
    expect(counts).toEqual({ members: DEMO_MEMBER_COUNT + 700, wallets: DEMO_MEMBER_COUNT + 700, cards: counts!.numbers, numbers: counts!.cards, sales: first.sales, unreachable: 0 });
    const audit = ok(await svc.gql('{ loyaltyLedgerAudit { check memberId detail } }')).loyaltyLedgerAudit;
    expect(audit).toEqual([]);
  });

  it('numbers the cards as EAN-13 with valid check digits, after the cards already there', async () => {
    const cards = await sql<{ number: string }>('select number from loyalty_card where number >= ? order by number', [first.firstCard]);
    expect(cards.length).toBe(first.cards);
    expect(cards.every((c) => validEan13(c.number))).toBe(true);
    expect(cards[0]!.number).toBe(first.firstCard);
    expect(cards.at(-1)!.number).toBe(first.lastCard);
    const demoCards = await sql<{ max: string }>(`select max(number) as max from loyalty_card where number < ?`, [first.firstCard]);
    expect(demoCards[0]!.max < first.firstCard).toBe(true);
  });

  it('gives the members what the till and the admin table find them by', async () => {
    const [m] = await sql<{ number: string; email: string; phone: string; id: string }>(
      `select c.number, m.email, m.phone, m.id from member m join loyalty_card c on c.member_id = m.id and c.status = 'ACTIVE'
        where c.number >= ? and m.email is not null and m.phone is not null order by c.number limit 1`,
      [first.firstCard],
    );
    const byCard = ok(await svc.gql(`query($n: String!) { loyaltyMemberByCard(cardNumber: $n) { id email wallet { available } } }`, { n: m!.number }, svc.tokens.till));
    expect(byCard.loyaltyMemberByCard).toMatchObject({ id: m!.id, email: m!.email });
    const [wallet] = await sql<{ available: string }>('select available from wallet where member_id = ?', [m!.id]);
    expect(byCard.loyaltyMemberByCard.wallet.available).toBe(Number(wallet!.available));
    expect(m!.email).toMatch(/^[a-z-]+\.[a-z-]+\.\d+@example\.(com|net|org)$/);
    expect(m!.phone).toMatch(/^\+(44|1)\d{10}$/);
    const found = ok(await svc.gql(`query($s: String) { loyaltyMembers(search: $s) { totalCount nodes { id } } }`, { s: m!.email }));
    expect(found.loyaltyMembers).toEqual({ totalCount: 1, nodes: [{ id: m!.id }] });
  });

  it('adds more members on a second run, with new card numbers and e-mail addresses', async () => {
    const out = await seed(['--count', '300', '--seed', '7'], { DATABASE_URL: databaseUrl(db) });
    expect(out.code, out.stderr).toBe(0);
    const second = JSON.parse(out.stdout) as Summary;
    expect(second.members).toBe(300);
    expect(second.firstCard > first.lastCard).toBe(true);
    const [counts] = await sql<Record<string, number>>(
      `select (select count(*)::int from member) as members, (select count(distinct email)::int from member where email is not null) as emails,
              (select count(*)::int from member where email is not null) as with_email`,
    );
    expect(counts!.members).toBe(DEMO_MEMBER_COUNT + 1000);
    expect(counts!.emails).toBe(counts!.with_email);
    expect(ok(await svc.gql('{ loyaltyLedgerAudit { check } }')).loyaltyLedgerAudit).toEqual([]);
  });

  it('makes the same people from the same --seed', async () => {
    const other = await createTestDatabase();
    const out = await seed(['--count', '200', '--seed', '7', '--batch', '150'], { DATABASE_URL: databaseUrl(other), LOYALTY_SEED: 'demo' });
    expect(out.code, out.stderr).toBe(0);
    // both databases start after the same demo cards, so the first 200 synthetic members match
    const mine = await peopleIn(db, first.firstCard, 200);
    const theirs = await peopleIn(other, first.firstCard, 200);
    expect(mine).toHaveLength(200);
    expect(theirs).toEqual(mine);
  });
});

/** Who the first `n` members with a card from `fromCard` on are, and their points, as text. */
async function peopleIn(database: string, fromCard: string, n: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ p: string }>(
      `select concat_ws(' ', m.first_name, m.last_name, m.email, m.phone, m.birthday, m.status, w.available, w.tier_points) as p
         from loyalty_card c join member m on m.id = c.member_id join wallet w on w.member_id = m.id
        where c.number >= $1 order by c.number limit $2`,
      [fromCard, n],
    );
    return rows.map((r) => r.p);
  } finally {
    await client.end();
  }
}

/** Every index, key and foreign key on the tables a load writes, as PostgreSQL describes them. */
async function indexesIn(database: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const tables = ['member', 'loyalty_card', 'wallet', 'sale_earn', 'ledger_entry', 'ledger_posting', 'earning_lot'];
    const { rows } = await client.query<{ d: string }>(
      `select pg_get_indexdef(i.indexrelid) || coalesce(' valid=' || i.indisvalid, '') as d from pg_index i where i.indrelid = any($1::regclass[])
       union all
       select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated from pg_constraint
        where conrelid = any($1::regclass[]) or confrelid = any($1::regclass[])
       order by 1`,
      [tables],
    );
    return rows.map((r) => r.d);
  } finally {
    await client.end();
  }
}

async function execute(database: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('npm run seed:members --exclusive: one transaction, indexes built again', () => {
  it('loads the same rows as online, with every index, key and foreign key as before, and the audit empty', async () => {
    const db = await createTestDatabase();
    const before = await indexesIn(db);
    expect(before.length).toBeGreaterThan(20);
    const out = await seed(['--count', '400', '--batch', '150', '--seed', '7', '--exclusive'], { DATABASE_URL: databaseUrl(db), LOYALTY_SEED: 'demo' });
    expect(out.code, out.stderr).toBe(0);
    const summary = JSON.parse(out.stdout) as Summary & { mode: string; indexSeconds: number; foreignKeysChecked: boolean };
    expect(summary).toMatchObject({ members: 400, mode: 'exclusive', foreignKeysChecked: true });
    expect(summary.indexSeconds).toBeGreaterThan(0);
    expect(out.stderr).toMatch(/Building \d+ indexes and keys/);
    expect(await indexesIn(db)).toEqual(before);
    // the same people as an online load of the same seed makes
    const online = await createTestDatabase();
    const again = await seed(['--count', '400', '--batch', '150', '--seed', '7'], { DATABASE_URL: databaseUrl(online), LOYALTY_SEED: 'demo' });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ mode: 'online', members: 400, sales: summary.sales, entries: summary.entries });
    expect(await peopleIn(db, summary.firstCard, 400)).toEqual(await peopleIn(online, summary.firstCard, 400));
    const svc = await startTestService({ databaseName: db });
    try {
      expect(ok(await svc.gql('{ loyaltyLedgerAudit { check memberId detail } }')).loyaltyLedgerAudit).toEqual([]);
      const card = (await peopleCards(db, summary.firstCard))[0]!;
      const found = ok(await svc.gql(`query($n: String!) { loyaltyMemberByCard(cardNumber: $n) { id } }`, { n: card }, svc.tokens.till));
      expect(found.loyaltyMemberByCard).not.toBeNull();
    } finally {
      await svc.stop();
    }
  }, 180_000);

  it('loads nothing when a row clashes, and leaves every index and key in place', async () => {
    const db = await createTestDatabase();
    const out0 = await seed(['--count', '50', '--seed', '3'], { DATABASE_URL: databaseUrl(db), LOYALTY_SEED: 'demo' });
    expect(out0.code, out0.stderr).toBe(0);
    const first = JSON.parse(out0.stdout) as Summary;
    // customer ids follow the card sequence numbers: take the next twenty, so the next load's
    // members (four in five have a customer id) clash at the end, when the keys are built again
    const next = Number(first.lastCard.slice(3, 12)) + 1;
    await execute(
      db,
      `insert into member (id, customer_id, first_name, last_name, status, email_opt_in, sms_opt_in, enrolled_at, enrollment_source)
       select gen_random_uuid(), 'cust-' || lpad((${next} + g)::text, 9, '0'), 'Clash', 'Test', 'ACTIVE', false, false, now(), 'test' from generate_series(0, 19) g`,
    );
    const before = await indexesIn(db);
    const counts = async () => (await peopleCards(db, '0')).length;
    const cardsBefore = await counts();
    const out = await seed(['--count', '400', '--seed', '3', '--exclusive'], { DATABASE_URL: databaseUrl(db) });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr, out.stderr).toMatch(/clashes with a row already in member .*customer_id.*nothing was loaded/);
    expect(await counts()).toBe(cardsBefore);
    expect(await indexesIn(db)).toEqual(before);
  }, 180_000);

  it('loads online when the members already there outnumber the load, and says so', async () => {
    const db = await createTestDatabase();
    expect((await seed(['--count', '200', '--seed', '4'], { DATABASE_URL: databaseUrl(db) })).code).toBe(0);
    const out = await seed(['--count', '50', '--seed', '4', '--exclusive'], { DATABASE_URL: databaseUrl(db) });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ members: 50, mode: 'online' });
    expect(out.stderr).toMatch(/Loading online with the indexes in place: 2\d\d members are there already/);
  }, 120_000);

  it('refuses while something holds the member tables, and writes nothing', async () => {
    const db = await createTestDatabase();
    const holder = new pg.Client({ connectionString: databaseUrl(db) });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select count(*) from member'); // an open transaction that read member
      const out = await seed(['--count', '20', '--exclusive'], { DATABASE_URL: databaseUrl(db) });
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('The member tables are in use');
      await holder.query('rollback');
      expect((await peopleCards(db, '0420')).length).toBe(0);
    } finally {
      await holder.end();
    }
  }, 120_000);
});

/** The card numbers from `fromCard` on, in order. */
async function peopleCards(database: string, fromCard: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ number: string }>('select number from loyalty_card where number >= $1 order by number', [fromCard]);
    return rows.map((r) => r.number);
  } finally {
    await client.end();
  }
}

describe('npm run seed:members: refusals', () => {
  it('needs --count, a positive whole number; says what is wrong and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--count is required/],
      [['--count'], /--count needs a value/],
      [['--count', '0'], /--count must be between 1 and 100,000,000, got 0/],
      [['--count', '-5'], /unknown argument "-5"|--count must be a whole number/],
      [['--count', '1.5'], /--count must be a whole number, got "1.5"/],
      [['--count', 'lots'], /--count must be a whole number, got "lots"/],
      [['--count', '10', '--batch', '0'], /--batch must be between 1 and 200,000/],
      [['--count', '10', '--seed', 'x'], /--seed must be a whole number/],
      [['--count', '10', '--purchases', '99'], /--purchases must be between 0 and 50/],
      [['--count', '10', '--speed', 'fast'], /unknown argument "--speed"/],
      [['--count', '10', '--exclusive=yes'], /unknown argument "--exclusive=yes"/],
    ];
    for (const [args, message] of cases) {
      const out = await seed(args, { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr, args.join(' ')).toMatch(message);
      expect(out.stderr).toContain('usage: npm run seed:members -- --count N');
    }
  });

  it('refuses the embedded database while something runs on it, and says how to load into it anyway', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'loyalty-seed-'));
    dirs.push(dataDir);
    chmodSync(dataDir, 0o777);
    const port = await freePort();
    const running = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), port });
    try {
      const out = await seed(['--count', '10'], { LOYALTY_DATA_DIR: dataDir, LOYALTY_EMBEDDED_DB_PORT: String(port) });
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toContain(`The embedded PostgreSQL in ${path.join(dataDir, 'postgres')} is running`);
      expect(out.stderr).toContain(`DATABASE_URL=postgresql://loyalty:loyalty@127.0.0.1:${port}/loyalty npm run seed:members -- --count 10`);
    } finally {
      await running.stop();
    }
  }, 120_000);
});
