import { Migration } from '@mikro-orm/migrations';

/**
 * Safe in the open (issue 9): every hold and coupon redemption records its sale's channel (existing
 * rows a till made get "store", the channel the till uses; others "unknown", which no return
 * matches), coupon redemptions record the store, and
 * idempotency keys belong to the caller that used them (existing keys keep an empty scope).
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    // A hold placed by a till was a store sale's; one without a till or store cannot be told apart
    // (a web checkout's): it gets a channel no sale has, so no return ever matches it.
    this.addSql(`update "points_hold" set "channel" = case when "till_id" is not null or "store_id" is not null then 'store' else 'unknown' end where "channel" is null;`);
    this.addSql(`alter table "points_hold" alter column "channel" set not null;`);
    this.addSql(`drop index "points_hold_sale_id_index";`);
    this.addSql(`create index "points_hold_channel_sale_id_index" on "points_hold" ("channel", "sale_id");`);

    this.addSql(`alter table "coupon" add column "redeemed_channel" varchar(64) null, add column "redeemed_store_id" varchar(64) null;`);
    this.addSql(`update "coupon" set "redeemed_channel" = case when "redeemed_till_id" is not null then 'store' else 'unknown' end where "redeemed_sale_id" is not null;`);

    this.addSql(`alter table "idempotency_record" add column "scope" varchar(64) not null default '';`);
    this.addSql(`alter table "idempotency_record" alter column "scope" drop default;`);
    this.addSql(`alter table "idempotency_record" drop constraint "idempotency_record_pkey";`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_pkey" primary key ("operation", "scope", "key");`);
  }
}
