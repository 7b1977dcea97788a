import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO_MEMBER_COUNT } from '../../../seeds/demo.seeder';
import { loadConfig } from '../config';
import { Member } from '../modules/members/member.entity';
import { databaseUrl } from '../test-support/harness';
import { openDatabase } from './bootstrap';
import { freePort } from './free-port';
import { MIGRATIONS } from './migrations';
import { createOrm, migrate } from './orm';

async function emptyDatabase(): Promise<string> {
  const name = `empty_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return name;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations', () => {
  it('build the whole schema on an empty database, once, matching the entities', async () => {
    const orm = await createOrm({ clientUrl: databaseUrl(await emptyDatabase()), poolSize: 2 });
    try {
      expect(await migrate(orm)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await migrate(orm)).toEqual([]);
      const tables = await orm.em.getConnection().execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['member', 'loyalty_card', 'tier', 'app_meta']));
      // Entities changed without a migration would show up here.
      expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });
});

describe('openDatabase', () => {
  it('seeds a DATABASE_URL database only when asked, and only once', async () => {
    const url = databaseUrl(await emptyDatabase());
    const plain = await openDatabase(loadConfig({ DATABASE_URL: url }));
    expect(plain.seeded).toBe(false);
    expect(await plain.orm.em.fork().count(Member)).toBe(0);
    await plain.close();
    const first = await openDatabase(loadConfig({ DATABASE_URL: url, LOYALTY_SEED: 'demo' }));
    expect(first.seeded).toBe(true);
    await first.close();
    const second = await openDatabase(loadConfig({ DATABASE_URL: url, LOYALTY_SEED: 'demo' }));
    expect(second.seeded).toBe(false);
    expect(await second.orm.em.fork().count(Member)).toBe(DEMO_MEMBER_COUNT);
    await second.close();
  });

  it('starts embedded PostgreSQL in the data directory, seeds on first start, and keeps data across restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'loyalty-embedded-'));
    dirs.push(dataDir);
    chmodSync(dataDir, 0o777);
    const config = loadConfig({ LOYALTY_DATA_DIR: dataDir, LOYALTY_EMBEDDED_DB_PORT: String(await freePort()) });
    const lines: string[] = [];
    const first = await openDatabase(config, (l) => lines.push(l));
    try {
      expect(first.embedded?.created).toBe(true);
      expect(first.seeded).toBe(true);
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      const em = first.orm.em.fork();
      em.create(Member, { firstName: 'Kept', lastName: 'Across', email: 'kept@example.com', enrolledAt: new Date() });
      await em.flush();
    } finally {
      await first.close();
    }
    expect(lines.join('\n')).toMatch(/Seeding the demo programme/);
    const second = await openDatabase(config);
    try {
      expect(second.embedded?.created).toBe(false);
      expect(second.seeded).toBe(false);
      expect(second.migrationsApplied).toEqual([]);
      const em = second.orm.em.fork();
      expect(await em.count(Member)).toBe(DEMO_MEMBER_COUNT + 1);
      expect(await em.findOne(Member, { email: 'kept@example.com' })).not.toBeNull();
    } finally {
      await second.close();
    }
  });
});
