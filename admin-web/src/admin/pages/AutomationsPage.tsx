import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleAutomationFieldsFragment, LoyaltyAutomationActionKind, LoyaltyAutomationStatus, LoyaltyAutomationTriggerKind, LoyaltyMessagePurpose } from '../../gql/graphql';
import { FormProblems, Notice, SelectField, TextField, errorsByField, requestProblem, type FieldErrors } from '../../shared/forms';
import { formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { Link } from '../../shared/router';
import { useCurrency } from '../programme-context';
import { Confirm } from '../campaigns/Confirm';
import { ACTIONS, DAYS_TRIGGERS, TRIGGERS, actionSummary, automationDraftOf, automationInput, emptyAction, emptyAutomation, triggerSummary, type ActionDraft, type AutomationDraft, type CouponKind } from '../campaigns/automation-form';
import { INLINE_AUDIENCE } from '../campaigns/campaign-form';
import '../campaigns/campaigns.css';

const AutomationFields = graphql(`
  fragment ConsoleAutomationFields on LoyaltyAutomation {
    id
    code
    name
    status
    trigger {
      kind
      days
      tierCodes
      eventType
      criteria
    }
    audienceCode
    hasInlineAudience
    actions {
      kind
      points
      coupon
      tag
      name
      value
      templateKey
      purpose
    }
    activatedAt
    lastScanAt
    runCount
    failedCount
  }
`);
void AutomationFields;

const AutomationsQuery = graphql(`
  query ConsoleAutomations($status: LoyaltyAutomationStatus) {
    loyaltyAutomations(status: $status) {
      ...ConsoleAutomationFields
    }
    loyaltyAudiences {
      code
      name
    }
    loyaltyMessageTemplates {
      key
      channel
    }
  }
`);

const RunsQuery = graphql(`
  query ConsoleAutomationRuns($automationCode: String, $status: LoyaltyAutomationRunStatus) {
    loyaltyAutomationRuns(automationCode: $automationCode, status: $status, first: 25) {
      id
      automationCode
      memberId
      occurrenceKey
      status
      detail
      createdAt
      member {
        id
        firstName
        lastName
      }
    }
  }
`);

const SaveAutomation = graphql(`
  mutation ConsoleAutomationSave($input: SaveLoyaltyAutomationInput!) {
    saveLoyaltyAutomation(input: $input) {
      automation {
        ...ConsoleAutomationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const SetAutomationStatus = graphql(`
  mutation ConsoleAutomationSetStatus($input: SetLoyaltyAutomationStatusInput!) {
    setLoyaltyAutomationStatus(input: $input) {
      automation {
        ...ConsoleAutomationFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

function AutomationBadge({ status }: { status: LoyaltyAutomationStatus }) {
  return <span className={`badge ${status === 'ACTIVE' ? 'ok' : status === 'PAUSED' ? 'bad' : ''}`}>{status === 'ACTIVE' ? 'Active' : status === 'PAUSED' ? 'Paused' : 'Draft'}</span>;
}

/** `#/automations`: the automated programmes, their status, the editor, and what they did recently. */
export function AutomationsPage() {
  const currency = useCurrency();
  const [status, setStatus] = useState<LoyaltyAutomationStatus | ''>('');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [asking, setAsking] = useState<{ code: string; name: string; to: LoyaltyAutomationStatus } | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AutomationsQuery, variables: { status: status || null } });
  // the client keeps no cache: after a change, the list is read again
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [statusState, setAutomationStatus] = useMutation(SetAutomationStatus);
  const automations = data?.loyaltyAutomations ?? [];
  const money = (minor: number) => formatMoney({ amount: minor, currencyCode: currency });
  const templates = [...new Set((data?.loyaltyMessageTemplates ?? []).filter((t) => t.key.startsWith('custom.') && t.channel === 'INBOX').map((t) => t.key))].sort();

  async function changeStatus() {
    if (!asking) return;
    const r = await setAutomationStatus({ input: { code: asking.code, status: asking.to } });
    const problem = requestProblem(r.error) ?? (r.data?.setLoyaltyAutomationStatus.userErrors ?? []).map((e) => e.message).join(' ');
    setMessage(problem ? { kind: 'error', text: problem } : { kind: 'success', text: `${asking.code} is ${asking.to === 'ACTIVE' ? 'active' : 'paused'}.` });
    setAsking(null);
    reload();
  }

  const editingRecord = editing && editing !== 'new' ? automations.find((a) => a.code === editing) : undefined;
  return (
    <div>
      <h1>Automations</h1>
      <p className="muted">Automations run in each maintenance run: time-based triggers act on the members due then; event triggers act on what was recorded since they were activated, once per member and occurrence.</p>
      <div className="toolbar">
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as LoyaltyAutomationStatus | '')}>
          <option value="">All</option>
          <option value="ACTIVE">Active</option>
          <option value="PAUSED">Paused</option>
          <option value="DRAFT">Draft</option>
        </SelectField>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          New automation
        </button>
      </div>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {asking && (
        <Confirm
          title={`${asking.to === 'ACTIVE' ? 'Activate' : 'Pause'} ${asking.name}?`}
          confirmLabel={asking.to === 'ACTIVE' ? 'Yes, activate' : 'Yes, pause'}
          busy={statusState.fetching}
          onConfirm={() => void changeStatus()}
          onCancel={() => setAsking(null)}
        >
          {asking.to === 'ACTIVE'
            ? 'It acts from the next maintenance run: on members due then, and on events recorded from now on. Its actions (points, coupons, messages) go to members without further review.'
            : 'It stops acting until it is activated again. What it did stays.'}
        </Confirm>
      )}
      {editing && data && (
        <AutomationEditor
          key={editing}
          saved={editingRecord ?? null}
          audiences={data.loyaltyAudiences}
          templates={templates}
          existingCodes={automations.map((a) => a.code)}
          onClose={(text) => {
            setEditing(null);
            if (text) {
              setMessage({ kind: 'success', text });
              reload();
            }
          }}
        />
      )}
      <section className="panel" aria-labelledby="automations-h">
        <h2 id="automations-h">{status ? `${status.charAt(0)}${status.slice(1).toLowerCase()} automations` : 'All automations'}</h2>
        {fetching && !data ? (
          <p role="status">Loading automations…</p>
        ) : automations.length === 0 ? (
          <p>{status ? 'No automation has this status.' : 'No automations yet.'}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Automation</th>
                <th scope="col">Status</th>
                <th scope="col">Trigger</th>
                <th scope="col">Audience</th>
                <th scope="col">Actions</th>
                <th scope="col" className="num">
                  Runs
                </th>
                <th scope="col">Last scan</th>
                <th scope="col">
                  <span className="sr-only">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {automations.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.name}
                    <div className="muted">{a.code}</div>
                  </td>
                  <td>
                    <AutomationBadge status={a.status} />
                    {a.activatedAt && <div className="muted">since {formatDateTime(a.activatedAt)}</div>}
                  </td>
                  <td>{triggerSummary(a.trigger)}</td>
                  <td>{a.audienceCode ?? (a.hasInlineAudience ? 'Own rules' : 'Every active member')}</td>
                  <td>{a.actions.map((x) => actionSummary(x, money)).join('; ')}</td>
                  <td className="num">
                    {formatPoints(a.runCount)}
                    {a.failedCount > 0 && <div className="badge bad">{formatPoints(a.failedCount)} failed</div>}
                  </td>
                  <td>{formatDateTime(a.lastScanAt)}</td>
                  <td>
                    <div className="actions-bar">
                      <button type="button" onClick={() => setEditing(a.code)} aria-label={`Edit ${a.name}`}>
                        Edit
                      </button>
                      {a.status === 'ACTIVE' ? (
                        <button type="button" disabled={statusState.fetching} onClick={() => setAsking({ code: a.code, name: a.name, to: 'PAUSED' })} aria-label={`Pause ${a.name}…`}>
                          Pause…
                        </button>
                      ) : (
                        <button type="button" className="primary" disabled={statusState.fetching} onClick={() => setAsking({ code: a.code, name: a.name, to: 'ACTIVE' })} aria-label={`Activate ${a.name}…`}>
                          Activate…
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <RecentRuns codes={automations.map((a) => a.code)} />
    </div>
  );
}

/** A run's record in words: what each action did (`25 points; coupon EH0V…; message custom.birthday sent`), or its error. */
export function detailText(detail: Record<string, unknown>): string {
  if (typeof detail.error === 'string') return `Failed: ${detail.error}`;
  const actions = Array.isArray(detail.actions) ? (detail.actions as Record<string, unknown>[]) : null;
  if (!actions) {
    const text = JSON.stringify(detail);
    return text === '{}' ? '–' : text.length > 160 ? `${text.slice(0, 157)}…` : text;
  }
  const said = actions.map((a) => {
    switch (a.kind) {
      case 'AWARD_POINTS':
        return `${String(a.points)} points`;
      case 'ISSUE_COUPON':
        return `coupon ${String(a.couponCode)}`;
      case 'ADD_TAG':
        return `tag +${String(a.tag)}`;
      case 'REMOVE_TAG':
        return `tag −${String(a.tag)}`;
      case 'SET_ATTRIBUTE':
        return `${String(a.name)} = ${JSON.stringify(a.value)}`;
      case 'SEND_MESSAGE': {
        // the outcome of writeAutomationMessage: the channels written, or why none was
        if (typeof a.skipped === 'string') return `message ${String(a.templateKey)} not sent (${a.skipped.toLowerCase().replace(/_/g, ' ')})`;
        const channels = ['inbox', 'email', 'sms'].filter((c) => a[c] === true);
        return `message ${String(a.templateKey)}${channels.length ? ` by ${channels.join(', ')}` : ': nothing new to write'}`;
      }
      default:
        return String(a.kind);
    }
  });
  return said.join('; ') || '–';
}

function RecentRuns({ codes }: { codes: string[] }) {
  const [code, setCode] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: RunsQuery, variables: { automationCode: code || null } });
  const runs = data?.loyaltyAutomationRuns ?? [];
  return (
    <section className="panel" aria-labelledby="runs-h">
      <h2 id="runs-h">Recent runs</h2>
      <div className="toolbar">
        <SelectField label="Automation" value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">All automations</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {fetching && !data ? (
        <p role="status">Loading runs…</p>
      ) : runs.length === 0 ? (
        <p>Nothing has run yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Automation</th>
              <th scope="col">Member</th>
              <th scope="col">Occurrence</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.automationCode}</td>
                <td>
                  <Link to={`/members/${encodeURIComponent(r.memberId)}`}>{r.member ? `${r.member.firstName ?? ''} ${r.member.lastName ?? ''}`.trim() || r.memberId : r.memberId}</Link>
                </td>
                <td>{r.occurrenceKey}</td>
                <td>
                  <span className={`badge ${r.status === 'DONE' ? 'ok' : 'bad'}`}>{r.status === 'DONE' ? 'Done' : 'Failed'}</span>
                </td>
                <td>
                  <code>{detailText(r.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AutomationEditor({ saved, audiences, templates, existingCodes, onClose }: { saved: ConsoleAutomationFieldsFragment | null; audiences: readonly { code: string; name: string }[]; templates: string[]; existingCodes: string[]; onClose: (message?: string) => void }) {
  const currency = useCurrency();
  const isNew = !saved;
  const [draft, setDraft] = useState<AutomationDraft>(() => (saved ? automationDraftOf(saved, currency) : emptyAutomation()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saveState, save] = useMutation(SaveAutomation);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);
  const shown: string[] = [];
  const err = (k: string) => {
    shown.push(k);
    return errors[k];
  };
  const set = <K extends keyof AutomationDraft>(k: K, v: AutomationDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setAction = (i: number, patch: Partial<ActionDraft>) => set('actions', draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const kind = draft.triggerKind;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const { input, errors: found } = automationInput(draft, currency, { isNew, existingCodes });
    if (!input) {
      setErrors(found);
      setFocusInvalid((n) => n + 1);
      return;
    }
    setErrors({});
    const r = await save({ input });
    if (r.error) return setProblem(requestProblem(r.error));
    const payload = r.data!.saveLoyaltyAutomation;
    if (payload.userErrors.length) {
      setErrors(errorsByField(payload.userErrors));
      setFocusInvalid((n) => n + 1);
      return;
    }
    onClose(`${payload.automation?.code} saved${payload.automation?.status === 'ACTIVE' ? '' : ' (not active: activate it to run)'}.`);
  }

  return (
    <form ref={formRef} className="panel stack" aria-labelledby="automation-form-h" onSubmit={onSubmit} noValidate>
      <h2 id="automation-form-h">{isNew ? 'New automation' : `Edit ${saved.name}`}</h2>
      <div className="row">
        <TextField label="Code" value={draft.code} readOnly={!isNew} onChange={(e) => set('code', e.target.value)} error={err('code')} hint={isNew ? 'Letters, digits, _ and -' : 'A saved automation keeps its code'} />
        <TextField label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
      </div>
      <fieldset className="part stack">
        <legend>Trigger and schedule</legend>
        <div className="row">
          <SelectField label="Trigger" value={kind} onChange={(e) => set('triggerKind', e.target.value as LoyaltyAutomationTriggerKind)} error={err('trigger.kind')} hint={`Runs ${TRIGGERS.find((t) => t.kind === kind)?.when}, at the next maintenance run`}>
            {TRIGGERS.map((t) => (
              <option key={t.kind} value={t.kind}>
                {t.label}
              </option>
            ))}
          </SelectField>
          {DAYS_TRIGGERS.includes(kind) && (
            <TextField label={kind === 'INACTIVE' ? 'Days without activity' : 'Days before expiry'} inputMode="numeric" value={draft.days} onChange={(e) => set('days', e.target.value)} error={err('trigger.days')} />
          )}
          {kind === 'LEVEL_CHANGED' && <TextField label="To levels (optional)" value={draft.tierCodes} onChange={(e) => set('tierCodes', e.target.value)} error={err('trigger.tierCodes')} hint="Level codes, comma-separated; empty: any change" />}
          {kind === 'CUSTOM_EVENT' && <TextField label="Event type" value={draft.eventType} onChange={(e) => set('eventType', e.target.value)} error={err('trigger.eventType')} />}
        </div>
        {kind === 'PURCHASE' && (
          <div className="row">
            <TextField label="Stores" value={draft.storeIds} onChange={(e) => set('storeIds', e.target.value)} error={err('trigger.criteria.storeIds')} hint="Comma-separated; empty: any" />
            <TextField label="Channels" value={draft.channels} onChange={(e) => set('channels', e.target.value)} error={err('trigger.criteria.channels')} />
            <TextField label="Categories" value={draft.categoryIds} onChange={(e) => set('categoryIds', e.target.value)} error={err('trigger.criteria.categoryIds')} />
            <TextField label="Products" value={draft.productIds} onChange={(e) => set('productIds', e.target.value)} error={err('trigger.criteria.productIds')} />
            <TextField label={`Minimum spend (${currency})`} inputMode="decimal" value={draft.minSpend} onChange={(e) => set('minSpend', e.target.value)} error={err('trigger.criteria.minSpend')} />
          </div>
        )}
        {err('trigger.criteria') && <div className="field-error">{errors['trigger.criteria']}</div>}
      </fieldset>
      <SelectField label="Audience" value={draft.audience} onChange={(e) => set('audience', e.target.value)} error={err('audienceCode') ?? err('audience')}>
        <option value="">Every active member</option>
        {draft.audience === INLINE_AUDIENCE && <option value={INLINE_AUDIENCE}>Its own rules (set through the API)</option>}
        {audiences.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name} ({a.code})
          </option>
        ))}
      </SelectField>
      <fieldset className="part stack">
        <legend>Actions, in order</legend>
        {err('actions') && <div className="field-error">{errors.actions}</div>}
        {draft.actions.map((a, i) => {
          const f = `actions.${i}`;
          const n = i + 1;
          return (
            <div className="action-card stack" key={i}>
              <div className="row">
                <SelectField label={`Action ${n}`} value={a.kind} onChange={(e) => setAction(i, { kind: e.target.value as LoyaltyAutomationActionKind })} error={err(`${f}.kind`)}>
                  {ACTIONS.map((x) => (
                    <option key={x.kind} value={x.kind}>
                      {x.label}
                    </option>
                  ))}
                </SelectField>
                {a.kind === 'AWARD_POINTS' && <TextField label={`Action ${n} points`} inputMode="numeric" value={a.points} onChange={(e) => setAction(i, { points: e.target.value })} error={err(`${f}.points`)} />}
                {(a.kind === 'ADD_TAG' || a.kind === 'REMOVE_TAG') && <TextField label={`Action ${n} tag`} value={a.tag} onChange={(e) => setAction(i, { tag: e.target.value })} error={err(`${f}.tag`)} hint="Lower case" />}
                {a.kind === 'SET_ATTRIBUTE' && (
                  <>
                    <TextField label={`Action ${n} attribute`} value={a.name} onChange={(e) => setAction(i, { name: e.target.value })} error={err(`${f}.name`)} />
                    <TextField label={`Action ${n} value`} value={a.value} onChange={(e) => setAction(i, { value: e.target.value })} error={err(`${f}.value`)} />
                  </>
                )}
                {a.kind === 'SEND_MESSAGE' && (
                  <>
                    <SelectField label={`Action ${n} template`} value={a.templateKey} onChange={(e) => setAction(i, { templateKey: e.target.value })} error={err(`${f}.templateKey`)} hint={templates.length ? 'Custom templates with an inbox version' : 'No custom template yet: create one under Message templates'}>
                      <option value="">Choose…</option>
                      {templates.map((t) => (
                        <option key={t} value={t}>
                          {t}
                        </option>
                      ))}
                    </SelectField>
                    <SelectField label={`Action ${n} purpose`} value={a.purpose} onChange={(e) => setAction(i, { purpose: e.target.value as LoyaltyMessagePurpose })} error={err(`${f}.purpose`)} hint="Marketing: opted-in members only, within the weekly cap">
                      <option value="MARKETING">Marketing</option>
                      <option value="SERVICE">Service (about what the member has)</option>
                    </SelectField>
                  </>
                )}
              </div>
              {a.kind === 'ISSUE_COUPON' && (
                <div className="row">
                  <SelectField label={`Action ${n} coupon`} value={a.couponKind} onChange={(e) => setAction(i, { couponKind: e.target.value as CouponKind })} error={err(`${f}.coupon.kind`)}>
                    <option value="CASH_VOUCHER">Cash voucher</option>
                    <option value="PERCENT_COUPON">Percent off</option>
                    <option value="GIFT_ITEM">Gift item</option>
                  </SelectField>
                  {a.couponKind === 'PERCENT_COUPON' ? (
                    <TextField label={`Action ${n} percent off`} inputMode="numeric" value={a.couponPercent} onChange={(e) => setAction(i, { couponPercent: e.target.value })} error={err(`${f}.coupon.percent`)} />
                  ) : (
                    <TextField label={`Action ${n} ${a.couponKind === 'GIFT_ITEM' ? 'gift cost' : 'value'} (${currency})`} inputMode="decimal" value={a.couponValue} onChange={(e) => setAction(i, { couponValue: e.target.value })} error={err(`${f}.coupon.value`)} />
                  )}
                  {a.couponKind === 'GIFT_ITEM' && <TextField label={`Action ${n} gift product`} value={a.couponProductId} onChange={(e) => setAction(i, { couponProductId: e.target.value })} error={err(`${f}.coupon.productId`)} />}
                  <TextField label={`Action ${n} coupon title (optional)`} value={a.couponTitle} onChange={(e) => setAction(i, { couponTitle: e.target.value })} error={err(`${f}.coupon.title`)} />
                  <TextField label={`Action ${n} valid days (optional)`} inputMode="numeric" value={a.couponValidDays} onChange={(e) => setAction(i, { couponValidDays: e.target.value })} error={err(`${f}.coupon.validDays`)} />
                </div>
              )}
              {err(f) && <div className="field-error">{errors[f]}</div>}
              <div className="actions-bar">
                <button type="button" disabled={i === 0} onClick={() => set('actions', draft.actions.map((x, j) => (j === i - 1 ? a : j === i ? draft.actions[i - 1]! : x)))}>
                  Move action {n} up
                </button>
                <button type="button" disabled={draft.actions.length === 1} onClick={() => set('actions', draft.actions.filter((_, j) => j !== i))}>
                  Remove action {n}
                </button>
              </div>
            </div>
          );
        })}
        <p>
          <button type="button" disabled={draft.actions.length >= 10} onClick={() => set('actions', [...draft.actions, emptyAction()])}>
            Add an action
          </button>
        </p>
      </fieldset>
      <FormProblems errors={errors} shown={shown} problem={problem} />
      <div className="actions-bar">
        <button type="submit" className="primary" disabled={saveState.fetching}>
          {saveState.fetching ? 'Saving…' : isNew ? 'Save as draft' : 'Save changes'}
        </button>
        <button type="button" onClick={() => onClose()} disabled={saveState.fetching}>
          Cancel
        </button>
      </div>
    </form>
  );
}
