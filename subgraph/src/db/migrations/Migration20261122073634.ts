import { Migration } from '@mikro-orm/migrations';

export class Migration20261122073634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "app_meta" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" timestamptz not null, constraint "app_meta_pkey" primary key ("key"));`);

    this.addSql(`create table "tier" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "rank" int not null, "qualification_threshold" bigint not null, "earn_multiplier_percent" int not null default 100, "benefits" jsonb not null, "created_at" timestamptz not null, constraint "tier_pkey" primary key ("id"), constraint tier_multiplier_check check (earn_multiplier_percent > 0), constraint tier_threshold_check check (qualification_threshold >= 0), constraint tier_rank_check check (rank >= 0));`);
    this.addSql(`alter table "tier" add constraint "tier_code_unique" unique ("code");`);
    this.addSql(`alter table "tier" add constraint "tier_rank_unique" unique ("rank");`);

    this.addSql(`create table "member" ("id" uuid not null, "customer_id" varchar(64) null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "email" varchar(254) null, "phone" varchar(16) null, "birthday" date null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'CLOSED')) not null default 'ACTIVE', "email_opt_in" boolean not null default false, "sms_opt_in" boolean not null default false, "tier_id" uuid null, "enrolled_at" timestamptz not null, "enrollment_source" varchar(64) null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`alter table "member" add constraint "member_customer_id_unique" unique ("customer_id");`);
    this.addSql(`alter table "member" add constraint "member_email_unique" unique ("email");`);
    this.addSql(`create index "member_phone_index" on "member" ("phone");`);
    this.addSql(`create index "member_enrolled_at_id_index" on "member" ("enrolled_at", "id");`);

    this.addSql(`create table "loyalty_card" ("id" uuid not null, "number" varchar(32) not null, "status" text check ("status" in ('ACTIVE', 'BLOCKED', 'LOST')) not null default 'ACTIVE', "member_id" uuid not null, "linked_at" timestamptz not null, "status_changed_at" timestamptz not null, constraint "loyalty_card_pkey" primary key ("id"));`);
    this.addSql(`alter table "loyalty_card" add constraint "loyalty_card_number_unique" unique ("number");`);
    this.addSql(`create index "loyalty_card_member_id_index" on "loyalty_card" ("member_id");`);

    this.addSql(`alter table "member" add constraint "member_tier_id_foreign" foreign key ("tier_id") references "tier" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "loyalty_card" add constraint "loyalty_card_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "member" drop constraint "member_tier_id_foreign";`);

    this.addSql(`alter table "loyalty_card" drop constraint "loyalty_card_member_id_foreign";`);

    this.addSql(`drop table if exists "app_meta" cascade;`);

    this.addSql(`drop table if exists "tier" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "loyalty_card" cascade;`);
  }

}
