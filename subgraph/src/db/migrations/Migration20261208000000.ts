import { Migration } from '@mikro-orm/migrations';

/**
 * Campaigns and what they gave (issue 13, point 2; docs/campaigns.md): the campaign with its budget
 * counters, one award row per (campaign, sale), and the campaign on journal entries and coupons.
 */
export class Migration20261208000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "campaign_award" ("id" uuid not null, "campaign_id" uuid not null, "member_id" uuid not null, "sale_earn_id" uuid null, "channel" varchar(64) null, "sale_id" varchar(128) null, "period_key" varchar(16) not null, "points" bigint not null, "reversed_points" bigint not null default 0, "coupon_code" varchar(16) null, "value_minor" bigint not null, "entry_id" bigint null, "lot_id" uuid null, "occurred_at" timestamptz not null, "created_at" timestamptz not null, constraint "campaign_award_pkey" primary key ("id"));`);
    this.addSql(`create index "campaign_award_sale_index" on "campaign_award" ("sale_earn_id");`);
    this.addSql(`create index "campaign_award_member_index" on "campaign_award" ("member_id", "campaign_id", "period_key");`);
    this.addSql(`alter table "campaign_award" add constraint "campaign_award_sale_unique" unique ("campaign_id", "sale_earn_id");`);

    this.addSql(`create table "campaign" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(100) not null, "description" varchar(500) null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'PAUSED')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "time_zone" varchar(64) not null, "windows" jsonb not null, "audience_code" varchar(64) null, "audience_rules" jsonb null, "criteria" jsonb not null, "offer" jsonb not null, "per_member_limit" int null, "per_member_period" text check ("per_member_period" in ('CAMPAIGN', 'DAY', 'WEEK', 'MONTH')) not null, "budget_points" bigint null, "budget_value_minor" bigint null, "budget_coupons" bigint null, "spent_points" bigint not null default 0, "spent_value_minor" bigint not null default 0, "issued_coupons" bigint not null default 0, "priority" int not null, "stacking" text check ("stacking" in ('EXCLUSIVE', 'STACKABLE')) not null, "stack_group" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "campaign_pkey" primary key ("id"), constraint campaign_spent_check check (spent_points >= 0 and spent_value_minor >= 0 and issued_coupons >= 0));`);
    this.addSql(`alter table "campaign" add constraint "campaign_code_unique" unique ("code");`);

    this.addSql(`alter table "coupon" add column "campaign_id" uuid null;`);

    this.addSql(`alter table "ledger_entry" add column "campaign_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "campaign_award" cascade;`);

    this.addSql(`drop table if exists "campaign" cascade;`);

    this.addSql(`alter table "coupon" drop column "campaign_id";`);

    this.addSql(`alter table "ledger_entry" drop column "campaign_id";`);
  }

}
