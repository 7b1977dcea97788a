import { Migration } from '@mikro-orm/migrations';

/**
 * Membership levels (issue 12): what qualifies and over which window, when levels are reviewed
 * and how far a downgrade goes (programme settings); a grace period, an upgrade bonus and an
 * upgrade gift per level; each member's level dates (reached, next review, grace), a manual
 * floor, and the review a downgrade warning was sent for; tier changes in the points log
 * (`TIER_CHANGE` entries, no postings, with the level moved to); upgrade awards once per level
 * and qualification period (`bonus_award`, kind `TIER_UPGRADE`); paid memberships (a level bought
 * for a term with a sale, `membership_purchase`) and their renewal reminders.
 *
 * `loyalty_earn` no longer raises the level itself: an earn that reaches a higher level takes the
 * general path (LY001), which does everything an upgrade involves.
 */
export class Migration20261207190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table programme_settings
      add column tier_qualification_basis text not null default 'TIER_POINTS' check (tier_qualification_basis in ('TIER_POINTS', 'SPEND')),
      add column tier_qualification_window text not null default 'LIFETIME' check (tier_qualification_window in ('LIFETIME', 'CALENDAR_YEAR', 'ROLLING_MONTHS')),
      add column tier_qualification_months int not null default 12 check (tier_qualification_months between 1 and 120),
      add column tier_review text not null default 'NONE' check (tier_review in ('NONE', 'ANNIVERSARY', 'CALENDAR_YEAR_END', 'ROLLING')),
      add column tier_review_every_days int not null default 30 check (tier_review_every_days between 1 and 3660),
      add column tier_downgrade text not null default 'ONE_LEVEL' check (tier_downgrade in ('ONE_LEVEL', 'TO_QUALIFIED')),
      add column tier_warning_days int not null default 30 check (tier_warning_days between 0 and 366),
      add column paid_membership_reminder_days int not null default 14 check (paid_membership_reminder_days between 0 and 366);`);
    this.addSql(`alter table tier
      add column grace_days int not null default 0 check (grace_days between 0 and 3660),
      add column upgrade_bonus_points bigint not null default 0 check (upgrade_bonus_points between 0 and 2147483647),
      add column upgrade_gift_reward_id uuid null,
      add column membership_price_minor bigint null check (membership_price_minor between 1 and 100000000),
      add column membership_term_months int null check (membership_term_months between 1 and 120);`);
    // paid memberships: a level bought for a term, recorded with the sale that paid for it
    this.addSql(`create table membership_purchase (
      id uuid not null, member_id uuid not null, tier_id uuid not null,
      channel varchar(64) not null, sale_id varchar(128) not null, store_id varchar(64) null, product_id varchar(64) not null,
      price_minor bigint not null, currency_code varchar(3) not null,
      starts_at timestamptz not null, ends_at timestamptz not null,
      status text not null check (status in ('ACTIVE', 'ENDED', 'REFUNDED')),
      reminded_at timestamptz null, ended_at timestamptz null, created_at timestamptz not null,
      constraint membership_purchase_pkey primary key (id),
      constraint membership_purchase_channel_sale_id_unique unique (channel, sale_id));`);
    this.addSql(`create index membership_purchase_member_id_index on membership_purchase (member_id);`);
    this.addSql(`create index membership_purchase_active_end_index on membership_purchase (ends_at) where status = 'ACTIVE';`);
    this.addSql(`alter table member
      add column tier_reached_at timestamptz null,
      add column tier_review_at timestamptz null,
      add column tier_grace_until timestamptz null,
      add column tier_floor_id uuid null,
      add column tier_floor_until timestamptz null,
      add column tier_floor_reason varchar(500) null,
      add column tier_warned_for timestamptz null;`);
    // the maintenance run's reviews and warnings read only members with a review scheduled
    this.addSql(`create index member_tier_review_index on member (tier_review_at) where tier_review_at is not null;`);
    this.addSql(`alter table ledger_entry add column tier_id uuid null;`);
    // an upgrade award's period names the level and the qualification period
    this.addSql(`alter table bonus_award alter column period type varchar(64);`);
    this.addSql(`alter table ledger_entry drop constraint ledger_entry_type_check;`);
    this.addSql(`alter table ledger_entry add constraint ledger_entry_type_check check ("type" in ('EARN', 'POINTS_AVAILABLE', 'BONUS', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'EXPIRE', 'RETURN', 'REFUND', 'ADJUST', 'COUPON_ISSUE', 'COUPON_VOID', 'TIER_CHANGE'));`);
    this.addSql(`insert into message_template (key, channel, subject, body, updated_at) values
      ('tier_review_warning', 'EMAIL', 'Keep your {{tierName}} level: {{amountNeeded}} by {{reviewOn}}',
       'Hello {{firstName}},

your {{tierName}} level is reviewed on {{reviewOn}}, in {{daysLeft}} days. To keep it, you need {{amountNeeded}} more before then; otherwise your level becomes {{nextTierName}}.

Thank you for shopping with us.', now()),
      ('tier_review_warning', 'SMS', 'Keep {{tierName}}',
       '{{firstName}}, {{amountNeeded}} more by {{reviewOn}} keeps your {{tierName}} level.', now()),
      ('tier_review_warning', 'INBOX', 'Keep your {{tierName}} level',
       '{{amountNeeded}} more by {{reviewOn}} keeps your {{tierName}} level; otherwise it becomes {{nextTierName}}.', now()),
      ('membership_renewal_reminder', 'EMAIL', 'Your {{tierName}} membership ends on {{endsOn}}',
       'Hello {{firstName}},

your paid {{tierName}} membership ends on {{endsOn}}, in {{daysLeft}} days. Renew it for {{price}} at any till or online to keep its benefits.

Thank you for shopping with us.', now()),
      ('membership_renewal_reminder', 'SMS', '{{tierName}} ends {{endsOn}}',
       '{{firstName}}, your {{tierName}} membership ends on {{endsOn}}. Renew for {{price}} to keep it.', now()),
      ('membership_renewal_reminder', 'INBOX', 'Your {{tierName}} membership ends in {{daysLeft}} days',
       'Renew it for {{price}} before {{endsOn}} to keep its benefits.', now())
      on conflict do nothing;`);
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
    -- an upgrade is the general path's (it dates the level, schedules its review, logs the
    -- change and awards the upgrade's bonus and gift); the service calls this function only when
    -- members qualify on lifetime tier points
    select id, rank into v_best from tier where qualification_threshold <= w.tier_points + v_points order by rank desc limit 1;
    if found and (w.tier_rank is null or v_best.rank > w.tier_rank) then
      raise exception 'take the general path' using errcode = 'LY001';
    end if;
  end if;

  update idempotency_record set response = v -> 'response' where operation = p_operation and scope = p_scope and key = p_key;
  return jsonb_build_object('kind', 'ok', 'multiplier', w.multiplier);
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from message_template where key in ('tier_review_warning', 'membership_renewal_reminder');`);
    this.addSql(`drop table membership_purchase;`);
    this.addSql(`alter table ledger_entry drop constraint ledger_entry_type_check;`);
    this.addSql(`delete from ledger_entry where type = 'TIER_CHANGE';`);
    this.addSql(`alter table ledger_entry add constraint ledger_entry_type_check check ("type" in ('EARN', 'POINTS_AVAILABLE', 'BONUS', 'HOLD', 'HOLD_CAPTURE', 'REDEEM', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'EXPIRE', 'RETURN', 'REFUND', 'ADJUST', 'COUPON_ISSUE', 'COUPON_VOID'));`);
    this.addSql(`alter table ledger_entry drop column tier_id;`);
    this.addSql(`delete from bonus_award where kind = 'TIER_UPGRADE';`);
    this.addSql(`alter table bonus_award alter column period type varchar(16);`);
    this.addSql(`drop index member_tier_review_index;`);
    this.addSql(`alter table member drop column tier_reached_at, drop column tier_review_at, drop column tier_grace_until, drop column tier_floor_id, drop column tier_floor_until, drop column tier_floor_reason, drop column tier_warned_for;`);
    this.addSql(`alter table tier drop column grace_days, drop column upgrade_bonus_points, drop column upgrade_gift_reward_id, drop column membership_price_minor, drop column membership_term_months;`);
    this.addSql(`alter table programme_settings drop column tier_qualification_basis, drop column tier_qualification_window, drop column tier_qualification_months, drop column tier_review, drop column tier_review_every_days, drop column tier_downgrade, drop column tier_warning_days, drop column paid_membership_reminder_days;`);
  }
}
