import { Migration } from '@mikro-orm/migrations';

/** Challenges and members' progress on them (issue 13, point 6; docs/campaigns.md#challenges). */
export class Migration20261208020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "challenge_progress" ("challenge_id" uuid not null, "member_id" uuid not null, "progress" bigint not null, "products" text[] not null, "completed_at" timestamptz null, "reward_entry_id" bigint null, "reward_coupon_code" varchar(16) null, "updated_at" timestamptz not null, constraint "challenge_progress_pkey" primary key ("challenge_id", "member_id"));`);

    this.addSql(`create table "challenge" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(100) not null, "description" varchar(500) null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'PAUSED')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "goal" jsonb not null, "reward_points" bigint not null, "reward_coupon" jsonb null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "challenge_pkey" primary key ("id"));`);
    this.addSql(`alter table "challenge" add constraint "challenge_code_unique" unique ("code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "challenge_progress" cascade;`);

    this.addSql(`drop table if exists "challenge" cascade;`);
  }

}
