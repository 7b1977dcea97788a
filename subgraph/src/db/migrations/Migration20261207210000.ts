import { Migration } from '@mikro-orm/migrations';

/**
 * Membership expiry (issue 12, point 6); see docs/membership-expiry.md.
 *
 * - `member.status` gains EXPIRED; `member.membership_ends_at` (an end date set by an admin) and
 *   `member.membership_expired_at` (when it expired). A partial index holds only the ACTIVE
 *   members with an end date: the maintenance run reads what is due from it.
 * - `wallet.last_activity_at`: the last activity (enrolling, earning, a hold, a capture, spending
 *   points, redeeming a coupon) of an ACTIVE membership; null while the membership is not ACTIVE.
 *   It lives on the wallet because earn, hold and capture already update that row: no statement
 *   more on the hot path. It is written at most once an hour (`loyalty_activity_at`), so the
 *   updates in between leave its index alone (HOT updates). Its partial index (not null) holds
 *   only ACTIVE members, so expired ones drop out of what maintenance reads.
 * - The programme's `membership_inactivity_months` (null: never) and `membership_reminder_days`.
 * - Journal entry types MEMBERSHIP_END_DATE_SET, MEMBERSHIP_EXPIRED and MEMBERSHIP_REACTIVATED (no postings: they move no
 *   points), added to whatever the check constraint allows at the time (another migration may
 *   have added types of its own).
 * - The reminder's default templates.
 * - `loyalty_earn`, `loyalty_hold` and `loyalty_capture` re-created from their latest definitions
 *   (`loyalty_earn` of Migration20261207190000, which leaves upgrades to the general path; the
 *   others of Migration20261204110000), the same but for writing `last_activity_at` and handing
 *   over a wallet whose last activity an expiry cleared.
 */
export class Migration20261207210000 extends Migration {
  override async up(): Promise<void> {
    // -- members
    this.addSql(`alter table "member" drop constraint if exists "member_status_check";`);
    this.addSql(`alter table "member" add constraint "member_status_check" check("status" in ('ACTIVE', 'SUSPENDED', 'CLOSED', 'EXPIRED'));`);
    this.addSql(`alter table "member" add column "membership_ends_at" timestamptz null, add column "membership_expired_at" timestamptz null;`);
    this.addSql(`create index "member_membership_ends_index" on "member" ("membership_ends_at") where "status" = 'ACTIVE' and "membership_ends_at" is not null;`);

    // -- activity: the latest earn, hold, capture, redemption or coupon bought, else the enrolment
    this.addSql(`alter table "wallet" add column "last_activity_at" timestamptz null default now();`);
    this.addSql(`update "wallet" w set "last_activity_at" = case when m.status = 'ACTIVE' then greatest(m.enrolled_at,
        (select max(e.occurred_at) from ledger_entry e where e.member_id = w.member_id and e.type in ('EARN', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'COUPON_ISSUE'))) end
      from "member" m where m.id = w.member_id;`);
    this.addSql(`create index "wallet_last_activity_index" on "wallet" ("last_activity_at") where "last_activity_at" is not null;`);
    this.addSql(`
create or replace function loyalty_activity_at(p_last timestamptz, p_now timestamptz) returns timestamptz language sql immutable as $fn$
  -- the new last activity: p_now, unless the stored one is less than an hour old (or null: not ACTIVE)
  select case when p_last is null or p_last >= p_now - interval '1 hour' then p_last else p_now end
$fn$;`);

    // -- programme settings
    this.addSql(`alter table "programme_settings" add column "membership_inactivity_months" int null, add column "membership_reminder_days" int not null default 30;`);

    // -- journal entry types, added to those allowed now
    this.addSql(`
do $do$
declare
  v_types text[];
begin
  select array_agg(t order by n) into v_types
    from (select m[1] as t, min(n) as n
            from pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([A-Z_]+)''', 'g') with ordinality as x(m, n)
           where c.conname = 'ledger_entry_type_check' and c.conrelid = 'ledger_entry'::regclass group by m[1]) known;
  v_types := v_types || array(select x from unnest(array['MEMBERSHIP_END_DATE_SET', 'MEMBERSHIP_EXPIRED', 'MEMBERSHIP_REACTIVATED']) x where x <> all (v_types));
  alter table ledger_entry drop constraint ledger_entry_type_check;
  execute format('alter table ledger_entry add constraint ledger_entry_type_check check (type in (%s))',
                 (select string_agg(quote_literal(t), ', ' order by n) from unnest(v_types) with ordinality as u(t, n)));
end
$do$;`);

    // -- reminder templates; admins edit them with saveLoyaltyMessageTemplate
    this.addSql(`insert into "message_template" ("key", "channel", "subject", "body", "updated_at") values
      ('membership_expiry_reminder', 'EMAIL', 'Your membership expires on {{expiresOn}}',
       'Hello {{firstName}},

your loyalty membership expires on {{expiresOn}}, in {{daysLeft}} days. Shop with us, or use your points, before then to keep it: your points and history stay with it.

Thank you for shopping with us.', now()),
      ('membership_expiry_reminder', 'SMS', 'Membership expires {{expiresOn}}',
       '{{firstName}}, your loyalty membership expires on {{expiresOn}}. Shop or use your points before then to keep it.', now()),
      ('membership_expiry_reminder', 'INBOX', 'Your membership expires in {{daysLeft}} days',
       'Your membership expires on {{expiresOn}}. Any purchase or use of your points before then keeps it.', now())
      on conflict do nothing;`);

    // -- the one-statement functions, now writing the last activity
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

  select wa.available, wa.pending, wa.held, wa.lifetime_earned, wa.tier_points, wa.last_activity_at,
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
  -- a null last activity: the membership expired while this waited for the wallet (the member
  -- row read may predate it); the general path reads it again
  if not found or v is null or w.due or w.member_status <> 'ACTIVE' or w.last_activity_at is null
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
           updated_at = p_now,
           last_activity_at = loyalty_activity_at(last_activity_at, p_now)
     where member_id = p_member_id;
    -- an upgrade is the general path's (it dates the level, schedules its review, logs the
    -- change and awards the upgrade's bonus and gift); the service calls this function only when
    -- members qualify on lifetime tier points
    select id, rank into v_best from tier where qualification_threshold <= w.tier_points + v_points order by rank desc limit 1;
    if found and (w.tier_rank is null or v_best.rank > w.tier_rank) then
      raise exception 'take the general path' using errcode = 'LY001';
    end if;
  else
    -- a sale that earned nothing is activity too (written at most once an hour)
    update wallet set last_activity_at = p_now where member_id = p_member_id and last_activity_at < p_now - interval '1 hour';
  end if;

  update idempotency_record set response = v -> 'response' where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'multiplier', w.multiplier);
end
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

  select wa.available, wa.pending, wa.held, m.status as member_status, wa.last_activity_at,
         loyalty_member_due(wa.member_id, p_now) as due
    into w
    from wallet wa join member m on m.id = wa.member_id
   where wa.member_id = p_member_id
     for update of wa;
  if not found or w.due or w.member_status <> 'ACTIVE' or w.last_activity_at is null or w.available < p_points then
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
  update wallet set available = available - p_points, held = held + p_points, updated_at = p_now,
         last_activity_at = loyalty_activity_at(last_activity_at, p_now) where member_id = p_member_id;

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
  update wallet set available = available + v_held - v_captured, held = held - v_held, updated_at = p_now,
         last_activity_at = loyalty_activity_at(last_activity_at, p_now) where member_id = h.member_id;

  v_answer := loyalty_hold_snapshot(h);
  update idempotency_record set response = v_answer where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'response', v_answer);
end
$fn$;`);
  }

  override async down(): Promise<void> {
    // the functions of Migration20261207190000 / 20261204110000 come back by running those again
    this.addSql(`delete from "message_template" where "key" = 'membership_expiry_reminder';`);
    this.addSql(`alter table "programme_settings" drop column "membership_inactivity_months", drop column "membership_reminder_days";`);
    this.addSql(`drop index "wallet_last_activity_index";`);
    this.addSql(`alter table "wallet" drop column "last_activity_at";`);
    this.addSql(`drop function if exists loyalty_activity_at;`);
    this.addSql(`drop index "member_membership_ends_index";`);
    this.addSql(`update "member" set "status" = 'SUSPENDED' where "status" = 'EXPIRED';`);
    this.addSql(`alter table "member" drop column "membership_ends_at", drop column "membership_expired_at";`);
    this.addSql(`alter table "member" drop constraint if exists "member_status_check";`);
    this.addSql(`alter table "member" add constraint "member_status_check" check("status" in ('ACTIVE', 'SUSPENDED', 'CLOSED'));`);
  }
}
