import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122073634 } from './Migration20261122073634';
import { Migration20261122074557 } from './Migration20261122074557';
import { Migration20261122080413 } from './Migration20261122080413';
import { Migration20261203100000 } from './Migration20261203100000';
import { Migration20261203120000 } from './Migration20261203120000';
import { Migration20261203181639 } from './Migration20261203181639';
import { Migration20261204100000 } from './Migration20261204100000';
import { Migration20261204110000 } from './Migration20261204110000';
import { Migration20261204120000 } from './Migration20261204120000';
import { Migration20261204130000 } from './Migration20261204130000';
import { Migration20261207190000 } from './Migration20261207190000';
import { Migration20261207200000 } from './Migration20261207200000';
import { Migration20261207220000 } from './Migration20261207220000';
import { Migration20261208000000 } from './Migration20261208000000';
import { Migration20261208010000 } from './Migration20261208010000';
import { Migration20261208020000 } from './Migration20261208020000';
import { Migration20261208030000 } from './Migration20261208030000';
import { Migration20261208040000 } from './Migration20261208040000';
import { Migration20261208050000 } from './Migration20261208050000';
import { Migration20261207210000 } from './Migration20261207210000';

/**
 * Committed migrations, in order. Listed explicitly (not globbed) so the same list runs from
 * TypeScript sources in tests and from compiled JavaScript in production.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122073634', class: Migration20261122073634 },
  { name: 'Migration20261122074557', class: Migration20261122074557 },
  { name: 'Migration20261122080413', class: Migration20261122080413 },
  { name: 'Migration20261203100000', class: Migration20261203100000 },
  { name: 'Migration20261203120000', class: Migration20261203120000 },
  { name: 'Migration20261203181639', class: Migration20261203181639 },
  { name: 'Migration20261204100000', class: Migration20261204100000 },
  { name: 'Migration20261204110000', class: Migration20261204110000 },
  { name: 'Migration20261204120000', class: Migration20261204120000 },
  { name: 'Migration20261204130000', class: Migration20261204130000 },
  { name: 'Migration20261207190000', class: Migration20261207190000 },
  { name: 'Migration20261207200000', class: Migration20261207200000 },
  { name: 'Migration20261207210000', class: Migration20261207210000 },
  { name: 'Migration20261207220000', class: Migration20261207220000 },
  { name: 'Migration20261208000000', class: Migration20261208000000 },
  { name: 'Migration20261208010000', class: Migration20261208010000 },
  { name: 'Migration20261208020000', class: Migration20261208020000 },
  { name: 'Migration20261208030000', class: Migration20261208030000 },
  { name: 'Migration20261208040000', class: Migration20261208040000 },
  { name: 'Migration20261208050000', class: Migration20261208050000 },
];
