import { Migration } from '@mikro-orm/migrations';

/**
 * Level discounts (issue 12, point 3).
 *
 * - `tier_discount_rule`: a level's discount rules (kind + arguments, like the earning rules), in
 *   the tier's order; they go with their tier.
 * - `sale_earn.discount_minor`: the level discount given on the sale, minor units. Its lines then
 *   carry `listUnitPrice`, `discountMinor` and `discount` (the reason), and `unitPrice` and
 *   `total_minor` are after the discount, so returns count returned goods at what was paid.
 *   Existing sales had no level discount: 0.
 *
 * `loyalty_earn` (the one-statement earn) is unchanged: the service sends it only sales that no
 * level would discount, and its rows take the column's default.
 */
export class Migration20261207200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "tier_discount_rule" ("id" uuid not null, "tier_id" uuid not null, "position" int not null, "kind" varchar(32) not null, "name" varchar(100) not null, "args" jsonb not null, "created_at" timestamptz not null, constraint "tier_discount_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "tier_discount_rule_tier_id_position_index" on "tier_discount_rule" ("tier_id", "position");`);
    this.addSql(`alter table "tier_discount_rule" add constraint "tier_discount_rule_tier_id_foreign" foreign key ("tier_id") references "tier" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sale_earn" add column "discount_minor" bigint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tier_discount_rule" cascade;`);
    this.addSql(`alter table "sale_earn" drop column "discount_minor";`);
  }
}
