import { Migration } from '@mikro-orm/migrations';

/**
 * `loyalty_earn`: the common case of `earnPoints` in one statement (one round trip, its plans
 * cached by PL/pgSQL per connection). The service computes the lot's dates and, for each tier
 * multiplier the member may have (`p_variants`, keyed by the multiplier in percent), the points,
 * the lines' points, the entry's reason and the response; the function claims the idempotency key,
 * locks the wallet, takes the variant of the member's multiplier, books the sale, the entry, its
 * postings and the lot, updates the counters and the tier, and stores the response.
 *
 * Anything out of the ordinary raises SQLSTATE LY001 ("take the general path"), which rolls the
 * statement back, so nothing of it stays: an unknown or inactive member, something due to settle
 * (an expired hold, pending points whose date has come, an expired lot), a tier multiplier with
 * no variant (tiers changed since the service read them), a sale already earned, a wallet that would pass the
 * API's Int range. The service then runs the general path (`creditSale`), which handles each case.
 *
 * Returns {"kind":"ok","multiplier":m}, {"kind":"replay","response":...} or {"kind":"conflict"} (the key was used
 * with another request).
 */
export class Migration20261204100000 extends Migration {
  override async up(): Promise<void> {
    // Claims the key; null when claimed now, else the answer to give (a replay or a conflict).
    this.addSql(`
create or replace function loyalty_claim(p_operation text, p_scope text, p_key text, p_request_hash text) returns jsonb language plpgsql as $fn$
declare
  v_claimed text;
  v_hash text;
  v_response jsonb;
begin
  insert into idempotency_record (operation, scope, key, request_hash, created_at)
  values (p_operation, p_scope, p_key, p_request_hash, now())
  on conflict (operation, scope, key) do nothing returning key into v_claimed;
  if v_claimed is not null then return null; end if;
  select request_hash, response into v_hash, v_response from idempotency_record where operation = p_operation and scope = p_scope and key = p_key;
  if v_hash <> p_request_hash then return jsonb_build_object('kind', 'conflict'); end if;
  return jsonb_build_object('kind', 'replay', 'response', v_response);
end
$fn$;`);
    // Whether anything of the member is due to settle at p_now: a hold past its TTL, pending points
    // whose date has come, an available lot past its expiry (MemberLedger.lock asks the same).
    this.addSql(`
create or replace function loyalty_member_due(p_member_id uuid, p_now timestamptz) returns boolean language sql stable as $fn$
  select exists (select 1 from points_hold h where h.member_id = p_member_id and h.status = 'ACTIVE' and h.expires_at <= p_now)
      or exists (select 1 from earning_lot l where l.member_id = p_member_id and l.status = 'PENDING' and l.available_at <= p_now)
      or exists (select 1 from earning_lot l where l.member_id = p_member_id and l.status = 'AVAILABLE' and l.remaining > 0 and l.expires_at <= p_now)
$fn$;`);
    this.addSql(`
create or replace function loyalty_earn(
  p_operation text, p_scope text, p_key text, p_request_hash text,
  p_member_id uuid, p_variants jsonb, p_now timestamptz, p_actor text,
  p_sale_earn_id uuid, p_channel text, p_sale_id text, p_order_id text, p_currency_code text, p_total_minor bigint,
  p_store_id text, p_till_id text, p_occurred_at timestamptz,
  p_pending boolean, p_available_at timestamptz, p_expires_at timestamptz, p_lot_id uuid
) returns jsonb language plpgsql as $fn$
declare
  v jsonb;
  v_points bigint;
  v_answer jsonb;
  w record;
  v_debt bigint;
  v_entry_id bigint;
  v_best record;
begin
  v_answer := loyalty_claim(p_operation, p_scope, p_key, p_request_hash);
  if v_answer is not null then return v_answer; end if;

  select wa.available, wa.pending, wa.held, wa.lifetime_earned, wa.tier_points,
         m.status as member_status, t.rank as tier_rank, coalesce(t.earn_multiplier_percent, 100) as multiplier,
         loyalty_member_due(wa.member_id, p_now) as due
    into w
    from wallet wa join member m on m.id = wa.member_id left join tier t on t.id = m.tier_id
   where wa.member_id = p_member_id
     for update of wa;
  if found then
    v := p_variants -> (w.multiplier::text);
    v_points := (v ->> 'points')::bigint;
  end if;
  if not found or v is null or w.due or w.member_status <> 'ACTIVE'
     or greatest(w.available, 0) + w.pending + w.held + v_points > 2147483647
     or w.lifetime_earned + v_points > 2147483647 then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  insert into sale_earn (id, channel, sale_id, order_id, member_id, points, currency_code, total_minor, lines, store_id, till_id, occurred_at, created_at, lot_id)
  values (p_sale_earn_id, p_channel, p_sale_id, p_order_id, p_member_id, v_points, p_currency_code, p_total_minor, v -> 'lines', p_store_id, p_till_id, p_occurred_at, p_now,
          case when v_points > 0 then p_lot_id end)
  on conflict (channel, sale_id) do nothing;
  if not found then
    raise exception 'take the general path' using errcode = 'LY001';
  end if;

  if v_points > 0 then
    insert into ledger_entry (member_id, type, points, available_change, available_after, pending_after, held_after,
                              reason, channel, sale_id, actor, occurred_at)
    values (p_member_id, 'EARN', v_points,
            case when p_pending then 0 else v_points end,
            w.available + case when p_pending then 0 else v_points end,
            w.pending + case when p_pending then v_points else 0 end,
            w.held, v ->> 'reason', p_channel, p_sale_id, p_actor, p_now)
    returning id into v_entry_id;
    insert into ledger_posting (entry_id, member_id, account, amount)
    values (v_entry_id, p_member_id, 'programme.issued', -v_points),
           (v_entry_id, p_member_id, case when p_pending then 'member.pending' else 'member.available' end, v_points);
    -- an available lot first repays a negative balance (a recorded clawback)
    v_debt := case when p_pending then 0 else greatest(0, -w.available) end;
    insert into earning_lot (id, member_id, entry_id, points, remaining, status, available_at, expires_at, created_at)
    values (p_lot_id, p_member_id, v_entry_id, v_points, greatest(0, v_points - v_debt),
            case when p_pending then 'PENDING' else 'AVAILABLE' end, p_available_at, p_expires_at, p_now);
    update wallet
       set available = available + case when p_pending then 0 else v_points end,
           pending = pending + case when p_pending then v_points else 0 end,
           lifetime_earned = lifetime_earned + v_points,
           tier_points = tier_points + v_points,
           updated_at = p_now
     where member_id = p_member_id;
    -- tiers only go up on earning
    select id, rank into v_best from tier where qualification_threshold <= w.tier_points + v_points order by rank desc limit 1;
    if found and (w.tier_rank is null or v_best.rank > w.tier_rank) then
      update member set tier_id = v_best.id where id = p_member_id;
    end if;
  end if;

  update idempotency_record set response = v -> 'response' where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'multiplier', w.multiplier);
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists loyalty_earn;');
    this.addSql('drop function if exists loyalty_member_due;');
    this.addSql('drop function if exists loyalty_claim;');
  }
}
