import { Migration } from '@mikro-orm/migrations';

/** The programme's earn basis: points on the whole sale (as before) or only on its cash part. */
export class Migration20261203181639 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "programme_settings" add column "earn_basis" text check ("earn_basis" in ('WHOLE_SALE', 'CASH_PAID')) not null default 'WHOLE_SALE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programme_settings" drop column "earn_basis";`);
  }

}
