import { Migration } from '@mikro-orm/migrations';

/**
 * Automations (issue 13, points 4 and 5; docs/campaigns.md#automations): automations, their run log
 * (unique per automation, member and occurrence), custom events, member tags and attributes, HTML
 * e-mail templates, marketing inbox messages and the weekly marketing cap, and the indexes the
 * event triggers scan by.
 */
export class Migration20261208010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "automation" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(100) not null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'PAUSED')) not null, "trigger" jsonb not null, "audience_code" varchar(64) null, "audience_rules" jsonb null, "actions" jsonb not null, "activated_at" timestamptz null, "scan_from" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "automation_pkey" primary key ("id"));`);
    this.addSql(`alter table "automation" add constraint "automation_code_unique" unique ("code");`);

    this.addSql(`create table "automation_run" ("id" uuid not null, "automation_id" uuid not null, "member_id" uuid not null, "occurrence_key" varchar(160) not null, "status" text check ("status" in ('DONE', 'FAILED')) not null, "detail" jsonb not null, "created_at" timestamptz not null, constraint "automation_run_pkey" primary key ("id"));`);
    this.addSql(`create index "automation_run_automation_index" on "automation_run" ("automation_id", "created_at");`);
    this.addSql(`create index "automation_run_member_index" on "automation_run" ("member_id", "created_at");`);
    this.addSql(`alter table "automation_run" add constraint "automation_run_occurrence_unique" unique ("automation_id", "member_id", "occurrence_key");`);

    this.addSql(`create table "loyalty_event" ("id" uuid not null, "source" varchar(200) not null, "event_id" varchar(128) not null, "type" varchar(64) not null, "member_id" uuid not null, "attributes" jsonb not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, constraint "loyalty_event_pkey" primary key ("id"));`);
    this.addSql(`create index "loyalty_event_received_index" on "loyalty_event" ("received_at");`);
    this.addSql(`alter table "loyalty_event" add constraint "loyalty_event_source_unique" unique ("source", "event_id");`);

    this.addSql(`alter table "inbox_message" add column "marketing" boolean not null default false;`);

    this.addSql(`create index "ledger_entry_automation_index" on "ledger_entry" ("occurred_at") where "type" in ('TIER_CHANGE', 'RETURN');`);

    this.addSql(`alter table "message_template" add column "html" text null;`);

    this.addSql(`alter table "outbox_message" add column "html" text null;`);

    this.addSql(`alter table "programme_settings" add column "marketing_messages_per_week" int not null default 3;`);

    this.addSql(`create index "sale_earn_created_index" on "sale_earn" ("created_at");`);

    this.addSql(`alter table "member" add column "tags" text[] not null default '{}', add column "attributes" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "automation" cascade;`);

    this.addSql(`drop table if exists "automation_run" cascade;`);

    this.addSql(`drop table if exists "loyalty_event" cascade;`);

    this.addSql(`alter table "inbox_message" drop column "marketing";`);

    this.addSql(`drop index "ledger_entry_automation_index";`);

    this.addSql(`alter table "member" drop column "tags", drop column "attributes";`);

    this.addSql(`alter table "message_template" drop column "html";`);

    this.addSql(`alter table "outbox_message" drop column "html";`);

    this.addSql(`alter table "programme_settings" drop column "marketing_messages_per_week";`);

    this.addSql(`drop index "sale_earn_created_index";`);
  }

}
