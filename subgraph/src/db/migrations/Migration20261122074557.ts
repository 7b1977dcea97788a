import { Migration } from '@mikro-orm/migrations';

export class Migration20261122074557 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "bonus_award" ("member_id" uuid not null, "kind" varchar(32) not null, "period" varchar(16) not null, "entry_id" bigint not null, "awarded_at" timestamptz not null, constraint "bonus_award_pkey" primary key ("member_id", "kind", "period"));`);

    this.addSql(`create table "earning_lot" ("id" uuid not null, "member_id" uuid not null, "entry_id" bigint not null, "points" bigint not null, "remaining" bigint not null, "status" text check ("status" in ('PENDING', 'AVAILABLE')) not null, "available_at" timestamptz null, "expires_at" timestamptz null, "created_at" timestamptz not null, constraint "earning_lot_pkey" primary key ("id"), constraint earning_lot_remaining_check check (remaining >= 0 and remaining <= points));`);
    this.addSql(`create index "earning_lot_pending_index" on "earning_lot" ("available_at") where "status" = 'PENDING';`);
    this.addSql(`create index "earning_lot_expiry_index" on "earning_lot" ("expires_at") where "remaining" > 0 and "status" = 'AVAILABLE';`);
    this.addSql(`create index "earning_lot_fifo_index" on "earning_lot" ("member_id", "expires_at", "created_at") where "remaining" > 0;`);

    this.addSql(`create table "earning_rule" ("id" uuid not null, "kind" varchar(32) not null, "name" varchar(100) not null, "args" jsonb not null, "active" boolean not null default true, "position" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "earning_rule_pkey" primary key ("id"));`);

    this.addSql(`create table "idempotency_record" ("operation" varchar(64) not null, "key" varchar(200) not null, "request_hash" varchar(64) not null, "response" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("operation", "key"));`);

    this.addSql(`create table "ledger_entry" ("id" bigserial primary key, "member_id" uuid not null, "type" text check ("type" in ('EARN', 'POINTS_AVAILABLE', 'BONUS', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'EXPIRE', 'RETURN', 'REFUND', 'ADJUST')) not null, "points" bigint not null, "available_change" bigint not null, "available_after" bigint not null, "pending_after" bigint not null, "held_after" bigint not null, "reason" varchar(500) null, "channel" varchar(64) null, "sale_id" varchar(128) null, "hold_id" uuid null, "coupon_code" varchar(64) null, "actor" varchar(200) not null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "ledger_entry_member_id_occurred_at_id_index" on "ledger_entry" ("member_id", "occurred_at", "id");`);

    this.addSql(`create table "ledger_posting" ("id" bigserial primary key, "entry_id" bigint not null, "member_id" uuid not null, "account" varchar(32) not null, "amount" bigint not null);`);
    this.addSql(`create index "ledger_posting_entry_id_index" on "ledger_posting" ("entry_id");`);
    this.addSql(`create index "ledger_posting_member_id_index" on "ledger_posting" ("member_id");`);

    this.addSql(`create table "points_hold" ("id" uuid not null, "member_id" uuid not null, "points" bigint not null, "cash_value_minor" bigint not null, "currency_code" varchar(3) not null, "status" text check ("status" in ('ACTIVE', 'CAPTURED', 'RELEASED', 'EXPIRED')) not null, "sale_id" varchar(128) not null, "channel" varchar(64) null, "store_id" varchar(64) null, "till_id" varchar(64) null, "allocations" jsonb not null, "captured_points" bigint null, "captured_cash_minor" bigint null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, constraint "points_hold_pkey" primary key ("id"));`);
    this.addSql(`create index "points_hold_sale_id_index" on "points_hold" ("sale_id");`);
    this.addSql(`create index "points_hold_member_id_status_index" on "points_hold" ("member_id", "status");`);
    this.addSql(`create index "points_hold_active_expiry_index" on "points_hold" ("expires_at") where "status" = 'ACTIVE';`);

    this.addSql(`create table "programme_settings" ("id" int not null default 1, "currency_code" varchar(3) not null, "redeem_points" int not null, "redeem_amount_minor" int not null, "min_redeem_points" int not null, "max_redeem_share_percent" int not null, "hold_ttl_default_seconds" int not null, "hold_ttl_max_seconds" int not null, "pending_days" int not null, "expiry_unit" text check ("expiry_unit" in ('DAYS', 'MONTHS')) null, "expiry_count" int null, "expiry_to_month_end" boolean not null, "registration_bonus_points" bigint not null, "birthday_bonus_points" bigint not null, "updated_at" timestamptz not null, constraint "programme_settings_pkey" primary key ("id"), constraint programme_settings_single_row check (id = 1));`);

    this.addSql(`create table "sale_earn" ("id" uuid not null, "channel" varchar(64) not null, "sale_id" varchar(128) not null, "member_id" uuid not null, "points" bigint not null, "currency_code" varchar(3) not null, "total_minor" bigint not null, "lines" jsonb not null, "lot_id" uuid null, "returned_points" bigint not null default 0, "returned_amount_minor" bigint not null default 0, "refunded_points" bigint not null default 0, "store_id" varchar(64) null, "till_id" varchar(64) null, "occurred_at" timestamptz not null, "created_at" timestamptz not null, constraint "sale_earn_pkey" primary key ("id"));`);
    this.addSql(`create index "sale_earn_sale_id_index" on "sale_earn" ("sale_id");`);
    this.addSql(`create index "sale_earn_member_id_index" on "sale_earn" ("member_id");`);
    this.addSql(`alter table "sale_earn" add constraint "sale_earn_channel_sale_id_unique" unique ("channel", "sale_id");`);

    this.addSql(`create table "wallet" ("member_id" uuid not null, "available" bigint not null default 0, "pending" bigint not null default 0, "held" bigint not null default 0, "lifetime_earned" bigint not null default 0, "tier_points" bigint not null default 0, "updated_at" timestamptz not null, constraint "wallet_pkey" primary key ("member_id"), constraint wallet_held_check check (held >= 0), constraint wallet_pending_check check (pending >= 0));`);

    // A neutral programme so a new database works before an admin configures it: GBP,
    // 100 points = 1.00, at least 100 points per redemption, holds of 5 minutes (at most an hour),
    // points available at once and valid for 24 months to the end of the month, no bonuses.
    this.addSql(`insert into "programme_settings" ("id", "currency_code", "redeem_points", "redeem_amount_minor", "min_redeem_points", "max_redeem_share_percent", "hold_ttl_default_seconds", "hold_ttl_max_seconds", "pending_days", "expiry_unit", "expiry_count", "expiry_to_month_end", "registration_bonus_points", "birthday_bonus_points", "updated_at") values (1, 'GBP', 100, 100, 100, 100, 300, 3600, 0, 'MONTHS', 24, true, 0, 0, now());`);
    // Members enrolled before the ledger existed get an empty wallet.
    this.addSql(`insert into "wallet" ("member_id", "updated_at") select "id", now() from "member";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bonus_award" cascade;`);

    this.addSql(`drop table if exists "earning_lot" cascade;`);

    this.addSql(`drop table if exists "earning_rule" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "ledger_posting" cascade;`);

    this.addSql(`drop table if exists "points_hold" cascade;`);

    this.addSql(`drop table if exists "programme_settings" cascade;`);

    this.addSql(`drop table if exists "sale_earn" cascade;`);

    this.addSql(`drop table if exists "wallet" cascade;`);
  }

}
