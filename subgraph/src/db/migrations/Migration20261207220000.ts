import { Migration } from '@mikro-orm/migrations';

/** Named audiences (segments) for campaigns and automations (issue 13, point 1); see docs/campaigns.md. */
export class Migration20261207220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audience" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(100) not null, "rules" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "audience_pkey" primary key ("id"));`);
    this.addSql(`alter table "audience" add constraint "audience_code_unique" unique ("code");`);
    // the audience rules read sales by member and time
    this.addSql(`create index if not exists "sale_earn_member_occurred_index" on "sale_earn" ("member_id", "occurred_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sale_earn_member_occurred_index";`);
    this.addSql(`drop table if exists "audience" cascade;`);
  }
}
