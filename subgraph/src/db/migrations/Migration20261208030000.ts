import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: the analytics rollup (docs/analytics.md#pre-aggregation). Journal entries carry the id
 * of the transaction that wrote them (the change marker; a BRIN index, nearly free to keep on an
 * append-only table), programme-account postings are summed per UTC hour, and the rollup's horizon
 * is kept. Existing entries get this migration's transaction id: the first maintenance run rolls
 * them all up.
 */
export class Migration20261208030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ledger_entry" add column "txid" bigint not null default ((pg_current_xact_id())::text)::bigint;`);
    this.addSql(`create index "ledger_entry_txid_brin" on "ledger_entry" using brin ("txid");`);
    // the planner's statistics of the new column: without them it scans the table for the entries above the horizon
    this.addSql(`analyze "ledger_entry" ("txid");`);
    this.addSql(`create table "analytics_points_hour" ("hour" timestamptz not null, "account" text not null, "amount" bigint not null, constraint "analytics_points_hour_pkey" primary key ("hour", "account"));`);
    this.addSql(`create table "analytics_rollup" ("name" varchar(64) not null, "horizon_txid" bigint not null, "rolled_at" timestamptz not null, constraint "analytics_rollup_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_rollup";`);
    this.addSql(`drop table if exists "analytics_points_hour";`);
    this.addSql(`drop index if exists "ledger_entry_txid_brin";`);
    this.addSql(`alter table "ledger_entry" drop column "txid";`);
  }
}
