import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 14: `loyaltyMemberSales` at a million members (docs/analytics.md#members-and-sales).
 *
 * - `sale_earn.member_first_sale_at`: the member's first sale (the earliest `occurred_at` of all
 *   their sales), on every sale, so that "had the member bought before?" needs no lookup per member.
 *   Kept by triggers, so that every path that records sales (earnPoints, the one-statement earn,
 *   the seeds) keeps it without a change: before an insert, the new sale takes the earlier of its
 *   own time and the member's first sale (one probe of `sale_earn_member_occurred_index`); a sale
 *   earlier than the member's first (a till that syncs late) moves the older sales' figure back; a
 *   change of a sale's time or member recomputes it. Earn paths hold the member's row lock, so two
 *   sales of one member are not recorded at once.
 * - `sale_earn_occurred_index`: sales by time, covering what the query reads, so a range of sales
 *   is an index-only scan. One more btree entry per sale, appended at the index's right edge.
 */
export class Migration20261208040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sale_earn" add column "member_first_sale_at" timestamptz null;`);
    this.addSql(`update "sale_earn" s set "member_first_sale_at" = f."first_at" from (select "member_id", min("occurred_at") as "first_at" from "sale_earn" group by 1) f where f."member_id" = s."member_id";`);
    this.addSql(`alter table "sale_earn" alter column "member_first_sale_at" set not null;`);
    this.addSql(`create or replace function loyalty_sale_first_at() returns trigger language plpgsql as $fn$
begin
  new.member_first_sale_at := least(new.occurred_at, (select min(p.occurred_at) from sale_earn p where p.member_id = new.member_id));
  return new;
end $fn$;`);
    this.addSql(`create or replace function loyalty_sale_first_at_after() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    update sale_earn set member_first_sale_at = new.occurred_at where member_id = new.member_id and member_first_sale_at > new.occurred_at;
  else
    update sale_earn s set member_first_sale_at = f.first_at
      from (select p.member_id, min(p.occurred_at) as first_at from sale_earn p where p.member_id in (old.member_id, new.member_id) group by 1) f
     where s.member_id = f.member_id and s.member_first_sale_at <> f.first_at;
  end if;
  return null;
end $fn$;`);
    this.addSql(`create trigger "sale_earn_first_sale" before insert on "sale_earn" for each row execute function loyalty_sale_first_at();`);
    // only a member's first sale so far can be earlier than their other sales
    this.addSql(`create trigger "sale_earn_first_sale_back" after insert on "sale_earn" for each row when (new.member_first_sale_at = new.occurred_at) execute function loyalty_sale_first_at_after();`);
    this.addSql(`create trigger "sale_earn_first_sale_moved" after update of "occurred_at", "member_id" on "sale_earn" for each row execute function loyalty_sale_first_at_after();`);
    this.addSql(`create index "sale_earn_occurred_index" on "sale_earn" ("occurred_at") include ("member_id", "member_first_sale_at", "store_id", "channel", "total_minor", "returned_amount_minor");`);
    this.addSql(`analyze "sale_earn";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sale_earn_occurred_index";`);
    this.addSql(`drop trigger if exists "sale_earn_first_sale_moved" on "sale_earn";`);
    this.addSql(`drop trigger if exists "sale_earn_first_sale_back" on "sale_earn";`);
    this.addSql(`drop trigger if exists "sale_earn_first_sale" on "sale_earn";`);
    this.addSql(`drop function if exists loyalty_sale_first_at_after();`);
    this.addSql(`drop function if exists loyalty_sale_first_at();`);
    this.addSql(`alter table "sale_earn" drop column "member_first_sale_at";`);
  }
}
