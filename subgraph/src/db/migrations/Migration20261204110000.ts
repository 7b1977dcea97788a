import { Migration } from '@mikro-orm/migrations';

/**
 * `loyalty_hold` and `loyalty_capture`: the common cases of `holdPoints` and `capturePointsHold`
 * in one statement each, as `loyalty_earn` does for earning (see Migration20261204100000). Each
 * claims the idempotency key, locks the member's wallet, books the entry, its postings and the
 * lots, writes the hold and the counters, and stores the response: the hold as
 * `loyalty_hold_snapshot` shapes it (the service's HoldSnapshot, times as ISO strings in UTC).
 *
 * Anything out of the ordinary raises SQLSTATE LY001, which rolls the statement back, and the
 * service runs the general path, which answers each case: an unknown member or hold, something due
 * to settle, an inactive member (hold), too few points, a negative balance, another store's sale,
 * another store's or till's hold, a hold no longer active, a capture above the hold or below the
 * programme's minimum.
 */
export class Migration20261204110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace function loyalty_iso(t timestamptz) returns text language sql immutable as $fn$
  select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$fn$;`);
    this.addSql(`
create or replace function loyalty_hold_snapshot(h points_hold) returns jsonb language sql stable as $fn$
  select jsonb_build_object(
    'id', h.id, 'memberId', h.member_id, 'points', h.points,
    'cashValue', jsonb_build_object('amount', h.cash_value_minor, 'currencyCode', h.currency_code),
    'status', h.status, 'saleId', h.sale_id, 'tillId', h.till_id, 'storeId', h.store_id,
    'expiresAt', loyalty_iso(h.expires_at), 'createdAt', loyalty_iso(h.created_at),
    'capturedPoints', h.captured_points,
    'capturedCash', case when h.captured_cash_minor is null then null else jsonb_build_object('amount', h.captured_cash_minor, 'currencyCode', h.currency_code) end,
    'resolvedAt', loyalty_iso(h.resolved_at))
$fn$;`);
    this.addSql(`
create or replace function loyalty_hold(
  p_operation text, p_scope text, p_key text, p_request_hash text,
  p_member_id uuid, p_points bigint, p_cash_minor bigint, p_currency_code text, p_hold_id uuid,
  p_sale_id text, p_channel text, p_bound_store text, p_store_id text, p_till_id text,
  p_expires_at timestamptz, p_now timestamptz, p_actor text
) returns jsonb language plpgsql as $fn$
declare
  v_answer jsonb;
  v_sale_store record;
  w record;
  lot record;
  v_left bigint := p_points;
  v_take bigint;
  v_allocations jsonb := '[]'::jsonb;
  v_entry_id bigint;
  h points_hold;
begin
  v_answer := loyalty_claim(p_operation, p_scope, p_key, p_request_hash);
  if v_answer is not null then return v_answer; end if;

  if p_bound_store is not null then
    select store_id into v_sale_store from sale_earn where channel = p_channel and sale_id = p_sale_id;
    if found and v_sale_store.store_id is distinct from p_bound_store then
      raise exception 'take the general path' using errcode = 'LY001';
    end if;
  end if;

  select wa.available, wa.pending, wa.held, m.status as member_status,
         loyalty_member_due(wa.member_id, p_now) as due
    into w
    from wallet wa join member m on m.id = wa.member_id
   where wa.member_id = p_member_id
     for update of wa;
  if not found or w.due or w.member_status <> 'ACTIVE' or w.available < p_points then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  -- first in, first out: the soonest-expiring lots first
  for lot in select id, remaining from earning_lot
              where member_id = p_member_id and status = 'AVAILABLE' and remaining > 0
              order by expires_at asc nulls last, created_at asc, id asc loop
    exit when v_left = 0;
    v_take := least(v_left, lot.remaining);
    v_allocations := v_allocations || jsonb_build_array(jsonb_build_object('lotId', lot.id, 'points', v_take));
    update earning_lot set remaining = remaining - v_take where id = lot.id;
    v_left := v_left - v_take;
  end loop;
  if v_left > 0 then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after, channel, sale_id, hold_id, actor, occurred_at)
  values (p_member_id, 'HOLD', 0, -p_points, w.available - p_points, w.pending, w.held + p_points, p_channel, p_sale_id, p_hold_id, p_actor, p_now)
  returning id into v_entry_id;
  insert into ledger_posting (entry_id, member_id, account, amount)
  values (v_entry_id, p_member_id, 'member.available', -p_points), (v_entry_id, p_member_id, 'member.held', p_points);
  insert into points_hold (id, member_id, points, cash_value_minor, currency_code, status, sale_id, channel, store_id, till_id, allocations, expires_at, created_at)
  values (p_hold_id, p_member_id, p_points, p_cash_minor, p_currency_code, 'ACTIVE', p_sale_id, p_channel, p_store_id, p_till_id, v_allocations, p_expires_at, p_now)
  returning * into h;
  update wallet set available = available - p_points, held = held + p_points, updated_at = p_now where member_id = p_member_id;

  v_answer := loyalty_hold_snapshot(h);
  update idempotency_record set response = v_answer where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'response', v_answer);
end
$fn$;`);
    this.addSql(`
create or replace function loyalty_capture(
  p_operation text, p_scope text, p_key text, p_request_hash text,
  p_hold_id uuid, p_points bigint, p_partial_cash_minor bigint, p_min_redeem_points bigint,
  p_bound_store text, p_bound_till text, p_now timestamptz, p_actor text
) returns jsonb language plpgsql as $fn$
declare
  v_answer jsonb;
  v_owner record;
  w record;
  h points_hold;
  v_held bigint;
  v_captured bigint;
  v_cash bigint;
  v_left bigint;
  v_take bigint;
  a record;
  v_entry_id bigint;
begin
  v_answer := loyalty_claim(p_operation, p_scope, p_key, p_request_hash);
  if v_answer is not null then return v_answer; end if;

  select member_id, store_id, till_id into v_owner from points_hold where id = p_hold_id;
  if not found
     or (p_bound_store is not null and v_owner.store_id is distinct from p_bound_store)
     or (p_bound_till is not null and v_owner.till_id is distinct from p_bound_till) then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  select wa.available, wa.pending, wa.held,
         loyalty_member_due(wa.member_id, p_now) as due
    into w
    from wallet wa
   where wa.member_id = v_owner.member_id
     for update;
  if not found or w.due or w.available < 0 then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  select * into h from points_hold where id = p_hold_id;
  v_held := h.points;
  v_captured := coalesce(p_points, v_held);
  if h.status <> 'ACTIVE' or v_captured > v_held or (v_captured < v_held and v_captured < p_min_redeem_points) then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;
  v_cash := case when v_captured = v_held then h.cash_value_minor else least(p_partial_cash_minor, h.cash_value_minor) end;

  -- what is not captured goes back to the lots it came from (the allocations after the first v_captured points)
  v_left := v_captured;
  for a in select (e->>'lotId')::uuid as lot_id, (e->>'points')::bigint as points from jsonb_array_elements(h.allocations) with ordinality as t(e, n) order by n loop
    v_take := least(v_left, a.points);
    if a.points - v_take > 0 then
      update earning_lot set remaining = remaining + (a.points - v_take) where id = a.lot_id;
    end if;
    v_left := v_left - v_take;
  end loop;

  insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after, channel, sale_id, hold_id, actor, occurred_at)
  values (h.member_id, 'HOLD_CAPTURE', -v_captured, v_held - v_captured, w.available + v_held - v_captured, w.pending, w.held - v_held,
          h.channel, h.sale_id, h.id, p_actor, p_now)
  returning id into v_entry_id;
  insert into ledger_posting (entry_id, member_id, account, amount)
  select v_entry_id, h.member_id, x.account, x.amount
    from (values ('member.held', -v_held, 1), ('programme.redeemed', v_captured, 2), ('member.available', v_held - v_captured, 3)) as x(account, amount, n)
   where x.amount <> 0 or x.n < 3
   order by x.n;
  update points_hold set status = 'CAPTURED', captured_points = v_captured, captured_cash_minor = v_cash, resolved_at = p_now
   where id = h.id returning * into h;
  update wallet set available = available + v_held - v_captured, held = held - v_held, updated_at = p_now where member_id = h.member_id;

  v_answer := loyalty_hold_snapshot(h);
  update idempotency_record set response = v_answer where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'response', v_answer);
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists loyalty_capture;');
    this.addSql('drop function if exists loyalty_hold;');
    this.addSql('drop function if exists loyalty_hold_snapshot;');
    this.addSql('drop function if exists loyalty_iso;');
  }
}
