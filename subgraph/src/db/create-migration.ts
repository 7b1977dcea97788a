/**
 * Writes a migration for the difference between the entities and the committed migrations:
 * starts a throw-away embedded PostgreSQL, applies the committed migrations, diffs, writes the
 * new file into src/db/migrations. Add the new class to migrations/index.ts afterwards.
 *
 *   npm run migration:create [-- --initial]
 */
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from './embedded';
import { ormConfig } from './orm';
import { freePort } from './free-port';

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'loyalty-migration-'));
  chmodSync(dir, 0o777);
  const db = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port: await freePort() });
  const srcDir = path.resolve(__dirname, '../../../../src/db/migrations');
  const config = ormConfig({ clientUrl: db.adminUrl });
  const orm = await MikroORM.init({ ...config, migrations: { ...config.migrations, path: srcDir, pathTs: srcDir } });
  try {
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(srcDir, false, process.argv.includes('--initial'));
    if (result.diff.up.length === 0) {
      console.log('No schema changes: no migration written.');
    } else {
      console.log(`Wrote ${path.join(srcDir, result.fileName)}; add it to src/db/migrations/index.ts.`);
    }
  } finally {
    await orm.close(true);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
