import { Migration } from '@mikro-orm/migrations';

/**
 * Composition into any commerce graph (issue 8): a sale may carry the commerce order key, and
 * customer ids may be as long as the keys commerce graphs use (e-mail addresses, global ids).
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "sale_earn" add column "order_id" varchar(128) null;`);
    this.addSql(`create index "sale_earn_order_id_index" on "sale_earn" ("order_id");`);
    this.addSql(`alter table "member" alter column "customer_id" type varchar(256);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "sale_earn_order_id_index";`);
    this.addSql(`alter table "sale_earn" drop column "order_id";`);
    this.addSql(`alter table "member" alter column "customer_id" type varchar(64);`);
  }
}
