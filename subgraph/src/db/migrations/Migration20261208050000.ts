import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: the loyalty index's base (members enrolled before a range) without counting the member
 * table (docs/analytics.md#cost-at-a-million-members).
 *
 * - `member.txid`: the writing transaction's id, the enrolment rollup's change marker (like
 *   `ledger_entry.txid`). Added with the constant 0 (no table rewrite; every existing member is
 *   read by the first run), then defaulting to `pg_current_xact_id()`; `member_txid_index` finds
 *   the members written since a horizon (index-only, with their enrolment time).
 * - `analytics_enrolment_hour`: members per UTC hour of enrolment, kept by the maintenance run.
 * - A change of `enrolled_at`, or a deletion, takes back the member from the hour they were rolled
 *   up in (under a share lock of the rollup's state row, so a run in flight finishes first) and,
 *   for a change, marks the row again so the next run counts it at its new hour. A truncation
 *   empties the rollup and starts it again from 0.
 */
export class Migration20261208050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "member" add column "txid" bigint not null default 0;`);
    this.addSql(`alter table "member" alter column "txid" set default ((pg_current_xact_id())::text)::bigint;`);
    this.addSql(`create index "member_txid_index" on "member" ("txid") include ("enrolled_at");`);
    this.addSql(`create table "analytics_enrolment_hour" ("hour" timestamptz not null, "members" bigint not null, constraint "analytics_enrolment_hour_pkey" primary key ("hour"));`);
    this.addSql(`insert into "analytics_rollup" ("name", "horizon_txid", "rolled_at") values ('enrolment_hour', 0, now()) on conflict do nothing;`);
    this.addSql(`create or replace function loyalty_member_enrolment_moved() returns trigger language plpgsql as $fn$
declare h bigint;
begin
  select horizon_txid into h from analytics_rollup where name = 'enrolment_hour' for share;
  if h is not null and old.txid < h then
    update analytics_enrolment_hour set members = members - 1 where hour = date_trunc('hour', old.enrolled_at at time zone 'UTC') at time zone 'UTC';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  new.txid := (pg_current_xact_id()::text)::bigint;
  return new;
end $fn$;`);
    this.addSql(`create or replace function loyalty_member_enrolment_truncated() returns trigger language plpgsql as $fn$
begin
  update analytics_rollup set horizon_txid = 0 where name = 'enrolment_hour';
  delete from analytics_enrolment_hour;
  return null;
end $fn$;`);
    this.addSql(`create trigger "member_enrolment_moved" before update of "enrolled_at" on "member" for each row when (new.enrolled_at is distinct from old.enrolled_at) execute function loyalty_member_enrolment_moved();`);
    this.addSql(`create trigger "member_enrolment_removed" before delete on "member" for each row execute function loyalty_member_enrolment_moved();`);
    this.addSql(`create trigger "member_enrolment_truncated" after truncate on "member" for each statement execute function loyalty_member_enrolment_truncated();`);
    this.addSql(`analyze "member" ("txid");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "member_enrolment_truncated" on "member";`);
    this.addSql(`drop trigger if exists "member_enrolment_removed" on "member";`);
    this.addSql(`drop trigger if exists "member_enrolment_moved" on "member";`);
    this.addSql(`drop function if exists loyalty_member_enrolment_truncated();`);
    this.addSql(`drop function if exists loyalty_member_enrolment_moved();`);
    this.addSql(`delete from "analytics_rollup" where "name" = 'enrolment_hour';`);
    this.addSql(`drop table if exists "analytics_enrolment_hour";`);
    this.addSql(`drop index if exists "member_txid_index";`);
    this.addSql(`alter table "member" drop column "txid";`);
  }
}
