import { Migration } from '@mikro-orm/migrations';

/**
 * Group commit: `loyalty_earn_batch`, `loyalty_hold_batch` and `loyalty_capture_batch` book many
 * concurrent operations of one service instance in one transaction (one round trip, one commit),
 * each in a subtransaction of its own, so each keeps its own outcome: an operation that raises
 * LY001 (or meets a deadlock or a lock it may not wait for) is rolled back alone and answers
 * {"kind":"general"}, for the general path to take it. Items are JSON arrays of the positional
 * arguments of the one-statement function; answers come back in the same order.
 *
 * Each function takes its items in member order (a capture's member is its hold's), so concurrent
 * batches lock wallets in one order, and answers in the items' order. A lock waited on for more
 * than 250 ms hands that item to the general path. The service keeps batches at 32 or fewer: more
 * subtransactions than PostgreSQL caches per transaction (64) would slow every snapshot.
 */
/**
 * A batch wrapper: takes its items in member order (`memberOf`, an expression over the item `t.value`),
 * calls `call` (an expression over the item `it.v`) for each in a subtransaction, answers in the items' order.
 */
function batchFunction(name: string, call: string, memberOf: string): string {
  return `
create or replace function ${name}_batch(p_items jsonb) returns jsonb language plpgsql as $fn$
declare
  it record;
  answers jsonb;
  a jsonb;
begin
  -- a wallet lock waited on longer than this hands the item to the general path (a deadlock
  -- between batches is broken within it, not after deadlock_timeout)
  perform set_config('lock_timeout', '250ms', true);
  select coalesce(jsonb_agg(null::jsonb), '[]'::jsonb) into answers from jsonb_array_elements(p_items);
  -- in member order, so concurrent batches lock wallets in one order; answers in the items' order
  for it in select t.value as v, t.n from jsonb_array_elements(p_items) with ordinality as t(value, n)
             order by ${memberOf} nulls last, t.n loop
    begin
      a := ${call};
    exception when sqlstate 'LY001' or deadlock_detected or lock_not_available then
      a := jsonb_build_object('kind', 'general');
    end;
    answers := jsonb_set(answers, array[(it.n - 1)::text], a);
  end loop;
  return answers;
end
$fn$;`;
}

export class Migration20261204130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      batchFunction(
        'loyalty_earn',
        `loyalty_earn(it.v->>0, it.v->>1, it.v->>2, it.v->>3, (it.v->>4)::uuid, (it.v->>5)::jsonb, (it.v->>6)::timestamptz, it.v->>7,
                      (it.v->>8)::uuid, it.v->>9, it.v->>10, it.v->>11, it.v->>12, (it.v->>13)::bigint, it.v->>14, it.v->>15,
                      (it.v->>16)::timestamptz, (it.v->>17)::boolean, (it.v->>18)::timestamptz, (it.v->>19)::timestamptz, (it.v->>20)::uuid)`,
        '(t.value->>4)::uuid',
      ),
    );
    this.addSql(
      batchFunction(
        'loyalty_hold',
        `loyalty_hold(it.v->>0, it.v->>1, it.v->>2, it.v->>3, (it.v->>4)::uuid, (it.v->>5)::bigint, (it.v->>6)::bigint, it.v->>7, (it.v->>8)::uuid,
                      it.v->>9, it.v->>10, it.v->>11, it.v->>12, it.v->>13, (it.v->>14)::timestamptz, (it.v->>15)::timestamptz, it.v->>16)`,
        '(t.value->>4)::uuid',
      ),
    );
    this.addSql(
      batchFunction(
        'loyalty_capture',
        `loyalty_capture(it.v->>0, it.v->>1, it.v->>2, it.v->>3, (it.v->>4)::uuid, (it.v->>5)::bigint, (it.v->>6)::bigint, (it.v->>7)::bigint,
                         it.v->>8, it.v->>9, (it.v->>10)::timestamptz, it.v->>11)`,
        '(select h.member_id from points_hold h where h.id = (t.value->>4)::uuid)',
      ),
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists loyalty_capture_batch;');
    this.addSql('drop function if exists loyalty_hold_batch;');
    this.addSql('drop function if exists loyalty_earn_batch;');
  }
}
