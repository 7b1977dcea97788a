import { Migration } from '@mikro-orm/migrations';

/**
 * Member search and maintenance at scale (issue 11): one index per kind of search, each in the
 * order the results are listed, so a page of results reads as many index entries as it shows,
 * whether there are ten thousand members or ten million. Keys are in the "C" collation, whatever
 * the database's own: byte order, which LIKE 'prefix%' can use as a range (docs/scale.md). The
 * columns the keys are made of are included, so that counting the matches is an index-only scan.
 *
 * - names: a word-prefix search on the surname or the given name;
 * - e-mail: a prefix search, on the unique index, the column now in the C collation;
 * - phone: the end of the number, read from a reversed copy (the old index on the number itself
 *   served no search and goes);
 * - birthdays: today's birthdays for the maintenance run's bonus, instead of reading every member.
 *
 * And `loyalty_estimate_rows(query)`: the planner's estimate of the rows a query returns (from
 * EXPLAIN, nothing is run), so the search can ask for it in the same statement as the page.
 */
export class Migration20261204120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "member_last_first_name_index" on "member" ((lower("last_name") collate "C"), (lower("first_name") collate "C"), "id") include ("last_name", "first_name");`);
    this.addSql(`create index "member_first_last_name_index" on "member" ((lower("first_name") collate "C"), (lower("last_name") collate "C"), "id") include ("first_name", "last_name");`);
    // the unique index on e-mail serves the prefix search once the column is in the C collation
    // (equality is byte for byte in every deterministic collation, so uniqueness does not change)
    this.addSql(`alter table "member" alter column "email" type varchar(254) collate "C";`);
    this.addSql(`drop index "member_phone_index";`);
    this.addSql(`create index "member_phone_suffix_index" on "member" ((reverse("phone") collate "C"), "id") include ("phone");`);
    this.addSql(`create index "member_birthday_index" on "member" ((extract(month from "birthday")), (extract(day from "birthday"))) where "status" = 'ACTIVE' and "birthday" is not null;`);
    this.addSql(`create function "loyalty_estimate_rows"(query text) returns bigint language plpgsql as $$
      declare plan json;
      begin
        execute 'explain (format json) ' || query into plan;
        return round((plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric);
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "member_last_first_name_index";`);
    this.addSql(`drop index "member_first_last_name_index";`);
    this.addSql(`alter table "member" alter column "email" type varchar(254) collate "default";`);
    this.addSql(`drop index "member_phone_suffix_index";`);
    this.addSql(`create index "member_phone_index" on "member" ("phone");`);
    this.addSql(`drop index "member_birthday_index";`);
    this.addSql(`drop function "loyalty_estimate_rows"(text);`);
  }
}
