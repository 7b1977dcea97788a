import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid, normaliseCardNumber } from '../../common/validation';
import { AutomationRunStatus } from './automation.entity';
import { automationLookups, checkAutomationInput, type AutomationInputShape } from './automation.definition';
import { AutomationStatus, EVENT_TYPE, type AutomationAction, type AutomationTrigger } from './automation.model';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** An automation row as the API shows it, with how often it ran. */
export function automationView(r: Record<string, unknown>) {
  const trigger = json<AutomationTrigger>(r.trigger);
  return {
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    status: r.status as AutomationStatus,
    trigger: { ...trigger, criteria: trigger.criteria ?? null },
    audienceCode: (r.audience_code as string | null) ?? null,
    hasInlineAudience: Boolean(r.audience_rules),
    actions: json<AutomationAction[]>(r.actions).map((a) => ({ ...a, coupon: a.coupon ?? null })),
    activatedAt: r.activated_at ? new Date(r.activated_at as string) : null,
    lastScanAt: r.scan_from ? new Date(r.scan_from as string) : null,
    runCount: Number(r.run_count ?? 0),
    failedCount: Number(r.failed_count ?? 0),
  };
}

const WITH_COUNTS = `select a.*, (select count(*) from automation_run r where r.automation_id = a.id) as run_count,
  (select count(*) from automation_run r where r.automation_id = a.id and r.status = 'FAILED') as failed_count from automation a`;

/**
 * Creates an automation, or replaces the one of the same code. Becoming ACTIVE (or getting another
 * trigger while ACTIVE) sets `activatedAt`: event triggers act on what is recorded from then on
 * (nothing is replayed).
 */
export async function saveAutomation(ctx: RequestContext, input: AutomationInputShape): Promise<{ automation: ReturnType<typeof automationView> | null; userErrors: UserError[] }> {
  const settings = await ctx.loaders.settings();
  const conn = ctx.em.fork().getConnection();
  const check = new InputChecker();
  const a = checkAutomationInput(check, input, settings.currencyCode, await automationLookups(ctx.em.fork()));
  if (!a) return { automation: null, userErrors: check.errors };
  const now = new Date();
  await conn.execute(
    `insert into automation (id, code, name, status, trigger, audience_code, audience_rules, actions, activated_at, created_at, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
     on conflict (code) do update set name = excluded.name, status = excluded.status, trigger = excluded.trigger, audience_code = excluded.audience_code,
       audience_rules = excluded.audience_rules, actions = excluded.actions, updated_at = excluded.updated_at,
       -- becoming ACTIVE, or a new trigger while ACTIVE, acts from now on: nothing recorded before is replayed
       activated_at = case when excluded.status = 'ACTIVE' and (automation.status <> 'ACTIVE' or automation.trigger <> excluded.trigger) then excluded.updated_at else automation.activated_at end,
       scan_from = case when excluded.status = 'ACTIVE' and (automation.status <> 'ACTIVE' or automation.trigger <> excluded.trigger) then null else automation.scan_from end`,
    [a.code, a.name, a.status, JSON.stringify(a.trigger), a.audienceCode, a.audienceRules ? JSON.stringify(a.audienceRules) : null, JSON.stringify(a.actions),
      a.status === AutomationStatus.ACTIVE ? now : null, now, now],
  );
  return { automation: await automationByCode(ctx, a.code), userErrors: [] };
}

export async function setAutomationStatus(ctx: RequestContext, code: string, status: AutomationStatus) {
  const rows = await ctx.em.getConnection().execute<{ code: string }[]>(
    `update automation set status = ?, updated_at = now(),
       activated_at = case when status <> 'ACTIVE' and ?::text = 'ACTIVE' then now() else activated_at end,
       scan_from = case when status <> 'ACTIVE' and ?::text = 'ACTIVE' then null else scan_from end
     where code = ? returning code`,
    [status, status, status, (code ?? '').trim().toUpperCase()],
  );
  if (!rows[0]) return { automation: null, userErrors: [userError(ErrorCode.AUTOMATION_NOT_FOUND, 'No automation has this code', ['input', 'code'])] };
  return { automation: await automationByCode(ctx, rows[0].code), userErrors: [] };
}

export async function listAutomations(ctx: RequestContext, status: AutomationStatus | null) {
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(`${WITH_COUNTS} where (?::text is null or a.status = ?::text) order by a.created_at, a.code`, [status, status]);
  return rows.map(automationView);
}

export async function automationByCode(ctx: RequestContext, code: string) {
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(`${WITH_COUNTS} where a.code = ?`, [code.trim().toUpperCase()]);
  return rows[0] ? automationView(rows[0]) : null;
}

/** The run log, newest first: of one automation and/or one member. */
export async function listAutomationRuns(ctx: RequestContext, args: { automationCode?: string | null; memberId?: string | null; status?: AutomationRunStatus | null; first?: number | null }) {
  const first = Math.min(Math.max(args.first ?? 50, 1), 200);
  if (args.memberId && !isUuid(args.memberId)) return [];
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `select r.*, a.code from automation_run r join automation a on a.id = r.automation_id
      where (?::text is null or a.code = ?::text) and (?::uuid is null or r.member_id = ?::uuid) and (?::text is null or r.status = ?::text)
      order by r.created_at desc, r.id desc limit ?`,
    [args.automationCode?.trim().toUpperCase() ?? null, args.automationCode?.trim().toUpperCase() ?? null, args.memberId ?? null, args.memberId ?? null, args.status ?? null, args.status ?? null, first],
  );
  return rows.map((r) => ({
    id: String(r.id),
    automationCode: String(r.code),
    memberId: String(r.member_id),
    occurrenceKey: String(r.occurrence_key),
    status: r.status as AutomationRunStatus,
    detail: json<Record<string, unknown>>(r.detail),
    createdAt: new Date(r.created_at as string),
  }));
}

/**
 * Records another service's event about a member (for CUSTOM_EVENT automations), once per
 * (poster, eventId): a repeat answers the first record with `duplicate: true`.
 */
export async function recordEvent(
  ctx: RequestContext,
  input: { eventId: string; type: string; memberId?: string | null; customerId?: string | null; cardNumber?: string | null; occurredAt?: Date | null; attributes?: Record<string, unknown> | null },
) {
  const check = new InputChecker();
  const eventId = check.text('eventId', input.eventId, 128, { required: true, label: 'eventId' });
  const type = check.text('type', input.type, 64, { required: true, label: 'type' });
  if (type && !EVENT_TYPE.test(type)) check.fail('type', 'type may hold letters, digits and _ . : - only');
  const refs = [input.memberId, input.customerId, input.cardNumber].filter((v) => v != null && v !== '');
  if (refs.length !== 1) check.fail('memberId', 'Give exactly one of memberId, customerId or cardNumber');
  const attributes = input.attributes ?? {};
  if (JSON.stringify(attributes).length > 4096) check.fail('attributes', 'attributes must be at most 4 KB of JSON');
  const now = new Date();
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) check.fail('occurredAt', 'occurredAt is in the future');
  if (!check.ok || !eventId || !type) return { event: null, duplicate: false, userErrors: check.errors };
  const conn = ctx.em.getConnection();
  let memberId: string | null = null;
  if (input.memberId) {
    memberId = isUuid(input.memberId) ? ((await conn.execute<{ id: string }[]>('select id from member where id = ?', [input.memberId.toLowerCase()]))[0]?.id ?? null) : null;
  } else if (input.customerId) {
    memberId = (await conn.execute<{ id: string }[]>('select id from member where customer_id = ?', [input.customerId.trim()]))[0]?.id ?? null;
  } else {
    const number = normaliseCardNumber(input.cardNumber!.slice(0, 100));
    memberId = number ? ((await conn.execute<{ member_id: string }[]>('select member_id from loyalty_card where number = ?', [number]))[0]?.member_id ?? null) : null;
  }
  if (!memberId) return { event: null, duplicate: false, userErrors: [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member matches', ['input', input.memberId ? 'memberId' : input.customerId ? 'customerId' : 'cardNumber'])] };
  const source = ctx.principal?.subject ?? 'unknown';
  const inserted = await conn.execute<Record<string, unknown>[]>(
    `insert into loyalty_event (id, source, event_id, type, member_id, attributes, occurred_at, received_at) values (gen_random_uuid(), ?, ?, ?, ?, ?::jsonb, ?, ?)
     on conflict (source, event_id) do nothing returning *`,
    [source, eventId, type, memberId, JSON.stringify(attributes), occurredAt, now],
  );
  const row = inserted[0] ?? (await conn.execute<Record<string, unknown>[]>('select * from loyalty_event where source = ? and event_id = ?', [source, eventId]))[0]!;
  return {
    event: { id: String(row.id), eventId: String(row.event_id), type: String(row.type), memberId: String(row.member_id), occurredAt: new Date(row.occurred_at as string), receivedAt: new Date(row.received_at as string) },
    duplicate: !inserted[0],
    userErrors: [],
  };
}
