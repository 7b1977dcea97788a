import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { loadConfig } from '../config';
import { buildLoyaltySchema } from './build-schema';

/** The committed SDL: default commerce types and keys (Customer, Order, Product, keyed by `id: ID!`). */
export const SCHEMA_FILE = 'schema/loyalty.graphql';

/** The subgraph SDL exactly as `_service { sdl }` serves it with the default configuration. */
export async function printLoyaltySdl(): Promise<string> {
  const { commerce } = loadConfig({});
  return printSubgraphSchema(await buildLoyaltySchema(commerce)) + '\n';
}

/** The repository root: the nearest folder up from here whose package.json declares workspaces. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in JSON.parse(readFileSync(pkg, 'utf8'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`No workspace root above ${from}`);
    dir = up;
  }
}

if (require.main === module) {
  printLoyaltySdl()
    .then((sdl) => {
      const file = path.join(repoRoot(), SCHEMA_FILE);
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      writeFileSync(file, sdl);
      console.log(before === sdl ? `${SCHEMA_FILE} is up to date` : `Wrote ${SCHEMA_FILE}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
