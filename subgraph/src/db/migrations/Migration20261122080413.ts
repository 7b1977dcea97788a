import { Migration } from '@mikro-orm/migrations';

export class Migration20261122080413 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "coupon" ("code" varchar(16) not null, "kind" text check ("kind" in ('CASH_VOUCHER', 'PERCENT_DISCOUNT', 'GIFT_ITEM')) not null, "status" text check ("status" in ('ACTIVE', 'REDEEMED', 'VOIDED', 'EXPIRED')) not null, "member_id" uuid null, "reward_id" uuid null, "value_minor" bigint not null default 0, "currency_code" varchar(3) not null, "percent" int not null default 0, "product_id" varchar(64) null, "title" varchar(200) not null, "points_spent" bigint not null default 0, "allocations" jsonb not null, "issued_at" timestamptz not null, "expires_at" timestamptz not null, "redeemed_at" timestamptz null, "redeemed_sale_id" varchar(128) null, "redeemed_till_id" varchar(64) null, "voided_at" timestamptz null, "void_reason" varchar(500) null, "issued_by" varchar(200) not null, constraint "coupon_pkey" primary key ("code"), constraint coupon_value_check check (value_minor >= 0), constraint coupon_percent_check check (percent <= 100), constraint coupon_points_check check (points_spent >= 0));`);
    this.addSql(`create index "coupon_reward_id_index" on "coupon" ("reward_id");`);
    this.addSql(`create index "coupon_redeemed_sale_id_index" on "coupon" ("redeemed_sale_id");`);
    this.addSql(`create index "coupon_active_expiry_index" on "coupon" ("expires_at") where "status" = 'ACTIVE';`);
    this.addSql(`create index "coupon_member_id_status_index" on "coupon" ("member_id", "status");`);

    this.addSql(`create table "inbox_message" ("id" uuid not null, "member_id" uuid not null, "kind" varchar(64) not null, "dedupe_key" varchar(128) not null, "title" varchar(200) not null, "body" text not null, "coupon_code" varchar(16) null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "inbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "inbox_message_member_id_created_at_index" on "inbox_message" ("member_id", "created_at");`);
    this.addSql(`alter table "inbox_message" add constraint "inbox_message_member_id_dedupe_key_unique" unique ("member_id", "dedupe_key");`);

    this.addSql(`create table "message_template" ("key" varchar(64) not null, "channel" varchar(8) not null, "subject" varchar(200) not null, "body" text not null, "updated_at" timestamptz not null, constraint "message_template_pkey" primary key ("key", "channel"));`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "dedupe_key" varchar(160) not null, "member_id" uuid null, "channel" text check ("channel" in ('EMAIL', 'SMS', 'INBOX')) not null, "recipient" varchar(254) not null, "subject" varchar(200) not null, "body" text not null, "template" varchar(64) not null, "status" text check ("status" in ('PENDING', 'SENDING', 'SENT', 'FAILED')) not null, "attempts" int not null default 0, "last_error" text null, "locked_until" timestamptz null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "outbox_message_due_index" on "outbox_message" ("created_at") where "status" in ('PENDING', 'SENDING');`);

    this.addSql(`create table "reward" ("id" uuid not null, "kind" text check ("kind" in ('GIFT_ITEM', 'CASH_VOUCHER')) not null, "name" varchar(100) not null, "description" varchar(500) null, "product_id" varchar(64) null, "points_cost" bigint not null, "voucher_value_minor" bigint not null default 0, "stock" int null, "per_member_limit" int null, "min_tier_rank" int null, "valid_from" timestamptz null, "valid_until" timestamptz null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "reward_pkey" primary key ("id"), constraint reward_values_check check (points_cost > 0 and (stock is null or stock >= 0)));`);

    this.addSql(`alter table "ledger_entry" drop constraint if exists "ledger_entry_type_check";`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_type_check" check("type" in ('EARN', 'POINTS_AVAILABLE', 'BONUS', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'EXPIRE', 'RETURN', 'REFUND', 'ADJUST', 'COUPON_ISSUE', 'COUPON_VOID'));`);

    this.addSql(`alter table "programme_settings" add column "coupon_validity_days" int not null default 90, add column "coupon_reminder_days" int not null default 7;`);

    // Default reminder templates; admins edit them with saveMessageTemplate.
    this.addSql(`insert into "message_template" ("key", "channel", "subject", "body", "updated_at") values
      ('coupon_expiry_reminder', 'EMAIL', 'Your {{couponTitle}} expires on {{expiresOn}}',
       'Hello {{firstName}},

your coupon "{{couponTitle}}" (code {{couponCode}}) expires on {{expiresOn}}, in {{daysLeft}} days. Show the code at the till or use it online before then.

Thank you for shopping with us.', now()),
      ('coupon_expiry_reminder', 'SMS', '{{couponTitle}} expires {{expiresOn}}',
       '{{firstName}}, your coupon {{couponTitle}} ({{couponCode}}) expires on {{expiresOn}}. Use it before then!', now()),
      ('coupon_expiry_reminder', 'INBOX', '{{couponTitle}} expires in {{daysLeft}} days',
       'Your coupon {{couponCode}} expires on {{expiresOn}}.', now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "coupon" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "message_template" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "reward" cascade;`);

    this.addSql(`alter table "ledger_entry" drop constraint if exists "ledger_entry_type_check";`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_type_check" check("type" in ('EARN', 'POINTS_AVAILABLE', 'BONUS', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'EXPIRE', 'RETURN', 'REFUND', 'ADJUST'));`);

    this.addSql(`alter table "programme_settings" drop column "coupon_validity_days", drop column "coupon_reminder_days";`);
  }

}
