import { Migration } from '@mikro-orm/migrations';

/**
 * Group commit: `loyalty_earn_batch`, `loyalty_hold_batch` and `loyalty_capture_batch` book many
 * concurrent operations of one service instance in one transaction (one round trip, one commit),
 * each in a subtransaction of its own, so each keeps its own outcome: an operation that raises
 * LY001 (or meets a deadlock or a lock it may not wait for) is rolled back alone and answers
 * {"kind":"general"}, for the general path to take it. Items are JSON arrays of the positional
 * arguments of the one-statement function; answers come back in the same order.
 *
 * The service sorts a batch by member before sending it, so concurrent batches lock wallets in
 * the same order, and keeps batches at 32 or fewer: more subtransactions than PostgreSQL caches
 * per transaction (64) would slow every snapshot.
 */
export class Migration20261204130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace function loyalty_earn_batch(p_items jsonb) returns jsonb language plpgsql as $fn$
declare
  it jsonb;
  answers jsonb := '[]'::jsonb;
  a jsonb;
begin
  for it in select value from jsonb_array_elements(p_items) with ordinality as t(value, n) order by n loop
    begin
      a := loyalty_earn(it->>0, it->>1, it->>2, it->>3, (it->>4)::uuid, (it->>5)::jsonb, (it->>6)::timestamptz, it->>7,
                        (it->>8)::uuid, it->>9, it->>10, it->>11, it->>12, (it->>13)::bigint,
                        it->>14, it->>15, (it->>16)::timestamptz,
                        (it->>17)::boolean, (it->>18)::timestamptz, (it->>19)::timestamptz, (it->>20)::uuid);
    exception when sqlstate 'LY001' or deadlock_detected or lock_not_available then
      a := jsonb_build_object('kind', 'general');
    end;
    answers := answers || jsonb_build_array(a);
  end loop;
  return answers;
end
$fn$;`);
    this.addSql(`
create or replace function loyalty_hold_batch(p_items jsonb) returns jsonb language plpgsql as $fn$
declare
  it jsonb;
  answers jsonb := '[]'::jsonb;
  a jsonb;
begin
  for it in select value from jsonb_array_elements(p_items) with ordinality as t(value, n) order by n loop
    begin
      a := loyalty_hold(it->>0, it->>1, it->>2, it->>3, (it->>4)::uuid, (it->>5)::bigint, (it->>6)::bigint, it->>7, (it->>8)::uuid,
                        it->>9, it->>10, it->>11, it->>12, it->>13, (it->>14)::timestamptz, (it->>15)::timestamptz, it->>16);
    exception when sqlstate 'LY001' or deadlock_detected or lock_not_available then
      a := jsonb_build_object('kind', 'general');
    end;
    answers := answers || jsonb_build_array(a);
  end loop;
  return answers;
end
$fn$;`);
    this.addSql(`
create or replace function loyalty_capture_batch(p_items jsonb) returns jsonb language plpgsql as $fn$
declare
  it jsonb;
  answers jsonb := '[]'::jsonb;
  a jsonb;
begin
  for it in select value from jsonb_array_elements(p_items) with ordinality as t(value, n) order by n loop
    begin
      a := loyalty_capture(it->>0, it->>1, it->>2, it->>3, (it->>4)::uuid, (it->>5)::bigint, (it->>6)::bigint, (it->>7)::bigint,
                           it->>8, it->>9, (it->>10)::timestamptz, it->>11);
    exception when sqlstate 'LY001' or deadlock_detected or lock_not_available then
      a := jsonb_build_object('kind', 'general');
    end;
    answers := answers || jsonb_build_array(a);
  end loop;
  return answers;
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists loyalty_capture_batch;');
    this.addSql('drop function if exists loyalty_hold_batch;');
    this.addSql('drop function if exists loyalty_earn_batch;');
  }
}
