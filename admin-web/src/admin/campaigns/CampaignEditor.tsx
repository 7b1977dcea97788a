import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleCampaignFieldsFragment, ConsoleCampaignSimulateQuery, LoyaltyCampaignLimitPeriod, LoyaltyCampaignOfferKind, LoyaltyCampaignStacking, SaveLoyaltyCampaignInput } from '../../gql/graphql';
import { CheckboxField, FormProblems, Notice, SelectField, TextField, errorsByField, requestProblem, type FieldErrors } from '../../shared/forms';
import { formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { Link, navigate } from '../../shared/router';
import { useCurrency } from '../programme-context';
import { budgetUse, hasBudget, StatusBadge } from './CampaignBits';
import { Confirm } from './Confirm';
import { INLINE_AUDIENCE, OFFER_KINDS, POINT_OFFERS, WEEKDAYS, campaignInput, draftOf, emptyDraft, type CampaignDraft } from './campaign-form';
import { CampaignChoicesQuery, CampaignQuery, SaveCampaign, SetCampaignStatus, SimulateCampaign } from './queries';
import { formatInZone, instantToZoned, isTimeZone, zonedToInstant } from '../../shared/timezone';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `#/campaigns/new` (code null) or `#/campaigns/<code>`: the campaign, its results, its status, the editor and the simulation. */
export function CampaignEditor({ code }: { code: string | null }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CampaignQuery, variables: { code: code ?? '' }, pause: !code });
  const [choices] = useQuery({ query: CampaignChoicesQuery });
  // the client keeps no cache: after a change, the campaign is read again
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const saved = data?.loyaltyCampaign ?? null;
  const problem = requestProblem(error) ?? requestProblem(choices.error);

  let body;
  if (code && fetching && !data) body = <p role="status">Loading the campaign…</p>;
  else if (code && !saved && data) body = <Notice kind="error">There is no campaign {code}.</Notice>;
  else if (code && !saved) body = null;
  else if (!choices.data) body = <p role="status">Loading…</p>;
  else
    body = (
      <>
        {saved && <CampaignStatusPanel campaign={saved} onChanged={reload} />}
        <CampaignForm key={saved?.code ?? 'new'} saved={saved} onSaved={reload} audiences={choices.data.loyaltyAudiences} existingCodes={choices.data.loyaltyCampaigns.map((c) => c.code)} />
      </>
    );
  return (
    <div>
      <p>
        <Link to="/campaigns">← All campaigns</Link>
      </p>
      <h1>{saved ? saved.name : code ? `Campaign ${code}` : 'New campaign'}</h1>
      {problem && <Notice kind="error">{problem}</Notice>}
      {body}
    </div>
  );
}

const ended = (c: ConsoleCampaignFieldsFragment) => Boolean(c.endsAt && new Date(c.endsAt).getTime() <= Date.now());

type StatusStep = 'ACTIVATE' | 'PAUSE' | 'END';

/** The saved campaign: status, what it has given, and the status changes, each confirmed first. */
function CampaignStatusPanel({ campaign: c, onChanged }: { campaign: ConsoleCampaignFieldsFragment; onChanged: () => void }) {
  const currency = useCurrency();
  const [asking, setAsking] = useState<StatusStep | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [statusState, setStatus] = useMutation(SetCampaignStatus);
  const [saveState, save] = useMutation(SaveCampaign);
  const busy = statusState.fetching || saveState.fetching;
  const isEnded = ended(c);

  async function run(step: StatusStep) {
    setMessage(null);
    let errors: readonly { message: string }[] = [];
    let failed: string | null = null;
    if (step === 'END') {
      // ending = the saved definition with its end now, paused; not the editor's unsaved draft
      const { input, errors: problems } = campaignInput({ ...draftOf(c), endsAt: instantToZoned(new Date().toISOString(), c.timeZone), status: 'PAUSED' }, currency, { isNew: false, existingCodes: [] });
      if (!input) {
        setMessage({ kind: 'error', text: Object.values(problems).join(' ') });
        setAsking(null);
        return;
      }
      const r = await save({ input });
      failed = requestProblem(r.error);
      errors = r.data?.saveLoyaltyCampaign.userErrors ?? [];
    } else {
      const r = await setStatus({ input: { code: c.code, status: step === 'ACTIVATE' ? 'ACTIVE' : 'PAUSED' } });
      failed = requestProblem(r.error);
      errors = r.data?.setLoyaltyCampaignStatus.userErrors ?? [];
    }
    setAsking(null);
    onChanged();
    if (failed || errors.length) setMessage({ kind: 'error', text: failed ?? errors.map((e) => e.message).join(' ') });
    else setMessage({ kind: 'success', text: step === 'ACTIVATE' ? `${c.code} is active.` : step === 'PAUSE' ? `${c.code} is paused.` : `${c.code} has ended.` });
  }

  const effect: Record<StatusStep, string> = {
    ACTIVATE: `From now on, qualifying sales in its period get the offer${c.budget.points || c.budget.coupons || c.budget.value ? ', until the budget runs out' : ''}. Members are not told by this step.`,
    PAUSE: 'Sales stop getting the offer until it is activated again. What it gave stays with the members.',
    END: 'Its end is set to now and it is paused: it gives nothing more. What it gave stays with the members.',
  };
  return (
    <section className="panel" aria-labelledby="campaign-status-h">
      <h2 id="campaign-status-h">Status and results</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={c.status} running={c.status === 'ACTIVE' ? c.runningNow : undefined} /> {isEnded && <span className="badge">Ended</span>}
        </dd>
        <dt>Period</dt>
        <dd>
          {formatInZone(c.startsAt, c.timeZone)} to {c.endsAt ? formatInZone(c.endsAt, c.timeZone) : 'no end'}
        </dd>
        {hasBudget(c.budget) ? (
          <>
            {POINT_OFFERS.includes(c.offer.kind) ? (
              <>
                <dt>Points given</dt>
                <dd data-testid="points-given">{formatPoints(c.budget.pointsGiven)}</dd>
              </>
            ) : (
              <>
                <dt>Coupons issued</dt>
                <dd>{formatPoints(c.budget.couponsIssued)}</dd>
                <dt>Value issued</dt>
                <dd>{c.offer.kind === 'PERCENT_COUPON' ? 'Known only when used' : formatMoney(c.budget.valueIssued)}</dd>
              </>
            )}
            <dt>Budget used</dt>
            <dd>
              {budgetUse(c)} {c.budget.exhausted && <span className="badge bad">Budget exhausted</span>}
            </dd>
          </>
        ) : (
          <CampaignGiven code={c.code} since={c.startsAt} />
        )}
        <dt>Last saved</dt>
        <dd>{formatDateTime(c.updatedAt)}</dd>
      </dl>
      <p className="muted">These are the saved campaign's. Unsaved changes below apply only once saved.</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {asking ? (
        <Confirm
          title={asking === 'ACTIVATE' ? `Activate ${c.name}?` : asking === 'PAUSE' ? `Pause ${c.name}?` : `End ${c.name} now?`}
          confirmLabel={asking === 'ACTIVATE' ? 'Yes, activate' : asking === 'PAUSE' ? 'Yes, pause' : 'Yes, end it'}
          busy={busy}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        >
          {effect[asking]}
        </Confirm>
      ) : (
        <div className="actions-bar">
          {c.status !== 'ACTIVE' && !isEnded && (
            <button type="button" className="primary" disabled={busy} onClick={() => setAsking('ACTIVATE')}>
              Activate…
            </button>
          )}
          {c.status === 'ACTIVE' && (
            <button type="button" disabled={busy} onClick={() => setAsking('PAUSE')}>
              Pause…
            </button>
          )}
          {!isEnded && (
            <button type="button" className="danger" disabled={busy || c.hasInlineAudience || new Date(c.startsAt).getTime() > Date.now()} onClick={() => setAsking('END')}>
              End now…
            </button>
          )}
          {!isEnded && c.hasInlineAudience && <span className="muted">A campaign with its own audience rules can be paused here, not ended.</span>}
        </div>
      )}
    </section>
  );
}

/** Keys of the form's fields that show their own error; the rest go to the form's notice. */
function useErrorLookup(errors: FieldErrors) {
  const shown: string[] = [];
  return {
    shown,
    err(key: string) {
      shown.push(key);
      return errors[key];
    },
  };
}

function CampaignForm({ saved, onSaved, audiences, existingCodes }: { saved: ConsoleCampaignFieldsFragment | null; onSaved: () => void; audiences: readonly { code: string; name: string }[]; existingCodes: readonly string[] }) {
  const currency = useCurrency();
  const [draft, setDraft] = useState<CampaignDraft>(() => (saved ? draftOf(saved) : emptyDraft(browserZone())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveState, save] = useMutation(SaveCampaign);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const { shown, err } = useErrorLookup(errors);
  const isNew = !saved;

  useEffect(() => {
    if (focusInvalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setNotice(null);
  };
  const setWindow = (i: number, patch: Partial<CampaignDraft['windows'][number]>) => set('windows', draft.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const build = () => campaignInput(draft, currency, { isNew, existingCodes });
  const showProblems = (found: FieldErrors) => {
    setErrors(found);
    setFocusInvalid((n) => n + 1);
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    const { input, errors: found } = build();
    if (!input) return showProblems(found);
    setErrors({});
    const r = await save({ input });
    if (r.error) return setProblem(requestProblem(r.error));
    const payload = r.data!.saveLoyaltyCampaign;
    if (payload.userErrors.length) return showProblems(errorsByField(payload.userErrors));
    if (isNew && payload.campaign) navigate(`/campaigns/${encodeURIComponent(payload.campaign.code)}`);
    else {
      setNotice('Saved.');
      onSaved();
    }
  }

  const kind = draft.offerKind;
  const coupon = !POINT_OFFERS.includes(kind);
  const zoneOk = isTimeZone(draft.timeZone);
  return (
    <div className="grid-2">
      <form ref={formRef} className="panel stack" aria-labelledby="campaign-form-h" onSubmit={onSubmit} noValidate>
        <h2 id="campaign-form-h">{isNew ? 'Definition' : 'Edit the campaign'}</h2>
        <fieldset className="part stack">
          <legend>Campaign</legend>
          <div className="row">
            <TextField label="Code" value={draft.code} readOnly={!isNew} onChange={(e) => set('code', e.target.value)} error={err('code')} hint={isNew ? 'Letters, digits, _ and -; stored upper case' : 'A saved campaign keeps its code'} />
            <TextField label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} error={err('name')} />
          </div>
          <TextField label="Description (optional)" value={draft.description} onChange={(e) => set('description', e.target.value)} error={err('description')} />
        </fieldset>

        <fieldset className="part stack">
          <legend>When</legend>
          <div className="row">
            <TextField label="Time zone" value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} error={err('timeZone')} hint="IANA, e.g. Europe/London: the period, windows and limit periods are in it" />
            <TextField label="Starts" type="datetime-local" value={draft.startsAt} onChange={(e) => set('startsAt', e.target.value)} error={err('startsAt')} />
            <TextField label="Ends (optional)" type="datetime-local" value={draft.endsAt} onChange={(e) => set('endsAt', e.target.value)} error={err('endsAt')} hint="Exclusive; empty: no end" />
          </div>
          <div>
            <h3>Weekly windows</h3>
            {draft.windows.length === 0 && <p className="muted">None: any time in the period.</p>}
            {err('windows') && <div className="field-error">{errors.windows}</div>}
            {draft.windows.map((w, i) => {
              const dayError = err(`windows.${i}.weekdays`);
              return (
                <div className="window-row" key={i}>
                  <fieldset className="days" aria-describedby={dayError ? `window-${i}-days-error` : undefined}>
                    <legend>Window {i + 1}: days</legend>
                    {WEEKDAYS.map((label, d) => (
                      <CheckboxField
                        key={label}
                        label={label}
                        checked={w.weekdays.includes(d + 1)}
                        onChange={(e) => setWindow(i, { weekdays: e.target.checked ? [...w.weekdays, d + 1] : w.weekdays.filter((x) => x !== d + 1) })}
                      />
                    ))}
                    {dayError && (
                      <div className="field-error" id={`window-${i}-days-error`}>
                        {dayError}
                      </div>
                    )}
                  </fieldset>
                  <TextField label={`Window ${i + 1} from`} type="time" value={w.from} onChange={(e) => setWindow(i, { from: e.target.value })} error={err(`windows.${i}.from`)} />
                  <TextField label={`Window ${i + 1} until`} type="time" value={w.to} onChange={(e) => setWindow(i, { to: e.target.value })} error={err(`windows.${i}.to`)} hint="Empty: end of day" />
                  <button type="button" onClick={() => set('windows', draft.windows.filter((_, j) => j !== i))}>
                    Remove window {i + 1}
                  </button>
                </div>
              );
            })}
            <p>
              <button type="button" onClick={() => set('windows', [...draft.windows, { weekdays: [6, 7], from: '', to: '' }])} disabled={draft.windows.length >= 20}>
                Add a weekly window
              </button>
            </p>
          </div>
        </fieldset>

        <fieldset className="part stack">
          <legend>Who and which sales</legend>
          <SelectField label="Audience" value={draft.audience} onChange={(e) => set('audience', e.target.value)} error={err('audienceCode') ?? err('audience')} hint="A saved audience is read as it stands when each sale is booked">
            <option value="">Every active member</option>
            {draft.audience === INLINE_AUDIENCE && <option value={INLINE_AUDIENCE}>Its own rules (set through the API)</option>}
            {audiences.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
          </SelectField>
          <div className="row">
            <TextField label="Stores" value={draft.storeIds} onChange={(e) => set('storeIds', e.target.value)} error={err('criteria.storeIds')} hint="Store ids, comma-separated; empty: any" />
            <TextField label="Channels" value={draft.channels} onChange={(e) => set('channels', e.target.value)} error={err('criteria.channels')} hint="e.g. store, web, app; empty: any" />
          </div>
          <div className="row">
            <TextField label="Categories" value={draft.categoryIds} onChange={(e) => set('categoryIds', e.target.value)} error={err('criteria.categoryIds')} hint="Comma-separated; lines of these qualify" />
            <TextField label="Products" value={draft.productIds} onChange={(e) => set('productIds', e.target.value)} error={err('criteria.productIds')} hint="Or these products; neither: every line" />
          </div>
          <div className="row">
            <TextField label={`Minimum spend (${currency})`} inputMode="decimal" value={draft.minSpend} onChange={(e) => set('minSpend', e.target.value)} error={err('criteria.minSpend')} hint="Of the qualifying lines, after level discounts" />
            <TextField label="Nth visit (optional)" inputMode="numeric" value={draft.nthVisit} onChange={(e) => set('nthVisit', e.target.value)} error={err('criteria.nthVisit')} hint="2 or more: the member's nth sale" />
          </div>
          <CheckboxField label="First purchase only" checked={draft.firstPurchase} onChange={(e) => set('firstPurchase', e.target.checked)} />
          {err('criteria') && <div className="field-error">{errors.criteria}</div>}
        </fieldset>

        <fieldset className="part stack">
          <legend>Offer</legend>
          <SelectField label="Offer" value={kind} onChange={(e) => set('offerKind', e.target.value as LoyaltyCampaignOfferKind)} error={err('offer.kind')}>
            {OFFER_KINDS.map((o) => (
              <option key={o.kind} value={o.kind}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <div className="row">
            {kind === 'EXTRA_POINTS' && <TextField label="Extra points" inputMode="numeric" value={draft.points} onChange={(e) => set('points', e.target.value)} error={err('offer.points')} hint="Per qualifying sale, spread over its qualifying lines" />}
            {kind === 'POINTS_MULTIPLIER' && <TextField label="Multiplier (%)" inputMode="numeric" value={draft.percent} onChange={(e) => set('percent', e.target.value)} error={err('offer.percent')} hint="101 to 1000: 200 doubles the qualifying lines' points" />}
            {kind === 'PERCENT_COUPON' && <TextField label="Percent off" inputMode="numeric" value={draft.percent} onChange={(e) => set('percent', e.target.value)} error={err('offer.percent')} hint="1 to 100" />}
            {kind === 'GIFT_ITEM' && <TextField label="Gift product" value={draft.productId} onChange={(e) => set('productId', e.target.value)} error={err('offer.productId')} />}
            {(kind === 'CASH_VOUCHER' || kind === 'GIFT_ITEM') && (
              <TextField label={kind === 'CASH_VOUCHER' ? `Voucher value (${currency})` : `Gift cost (${currency})`} inputMode="decimal" value={draft.value} onChange={(e) => set('value', e.target.value)} error={err('offer.value')} />
            )}
          </div>
          {coupon && (
            <div className="row">
              <TextField label="Coupon title (optional)" value={draft.title} onChange={(e) => set('title', e.target.value)} error={err('offer.title')} hint="What the member sees" />
              <TextField label="Valid for (days, optional)" inputMode="numeric" value={draft.validDays} onChange={(e) => set('validDays', e.target.value)} error={err('offer.validDays')} hint="Default: the programme's coupon validity" />
            </div>
          )}
        </fieldset>

        <fieldset className="part stack">
          <legend>Limits and budget</legend>
          <div className="row">
            <TextField label="Awards per member (optional)" inputMode="numeric" value={draft.perMember} onChange={(e) => set('perMember', e.target.value)} error={err('limits.perMember')} />
            <SelectField label="Per" value={draft.perMemberPeriod} onChange={(e) => set('perMemberPeriod', e.target.value as LoyaltyCampaignLimitPeriod)} error={err('limits.perMemberPeriod')} disabled={!draft.perMember.trim()}>
              <option value="CAMPAIGN">Whole campaign</option>
              <option value="DAY">Day</option>
              <option value="WEEK">Week (from Monday)</option>
              <option value="MONTH">Month</option>
            </SelectField>
          </div>
          <div className="row">
            {!coupon && <TextField label="Budget (points, optional)" inputMode="numeric" value={draft.budgetPoints} onChange={(e) => set('budgetPoints', e.target.value)} error={err('limits.budgetPoints')} hint="The last award is cut to what is left" />}
            {(kind === 'CASH_VOUCHER' || kind === 'GIFT_ITEM') && (
              <TextField label={`Budget (${currency}, optional)`} inputMode="decimal" value={draft.budgetValue} onChange={(e) => set('budgetValue', e.target.value)} error={err('limits.budgetValue')} />
            )}
            {coupon && <TextField label="Budget (coupons, optional)" inputMode="numeric" value={draft.budgetCoupons} onChange={(e) => set('budgetCoupons', e.target.value)} error={err('limits.budgetCoupons')} />}
          </div>
          {err('limits') && <div className="field-error">{errors.limits}</div>}
        </fieldset>

        <fieldset className="part stack">
          <legend>Priority and stacking</legend>
          <div className="row">
            <TextField label="Priority" inputMode="numeric" value={draft.priority} onChange={(e) => set('priority', e.target.value)} error={err('priority')} hint="Higher is evaluated first (-1000 to 1000)" />
            <SelectField label="Stacking" value={draft.stacking} onChange={(e) => set('stacking', e.target.value as LoyaltyCampaignStacking)} error={err('stacking')}>
              <option value="STACKABLE">Stackable: adds to other campaigns</option>
              <option value="EXCLUSIVE">Exclusive: applies alone</option>
            </SelectField>
            {draft.stacking === 'STACKABLE' && <TextField label="Stack group (optional)" value={draft.stackGroup} onChange={(e) => set('stackGroup', e.target.value)} error={err('stackGroup')} hint="At most one campaign of a group applies" />}
          </div>
        </fieldset>

        <FormProblems errors={errors} shown={shown} problem={problem} />
        {notice && <Notice kind="success">{notice}</Notice>}
        <div className="actions-bar">
          <button type="submit" className="primary" disabled={saveState.fetching}>
            {saveState.fetching ? 'Saving…' : isNew ? 'Save as draft' : 'Save changes'}
          </button>
          {!isNew && saved?.status === 'ACTIVE' && <span className="muted">The campaign is active: saved changes apply to the next sales.</span>}
        </div>
      </form>
      <SimulationPanel build={build} zone={zoneOk ? draft.timeZone : 'UTC'} draftKey={JSON.stringify(draft)} onDraftErrors={showProblems} />
    </div>
  );
}

function todayIn(zone: string): string {
  return instantToZoned(new Date().toISOString(), zone).slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Simulation = ConsoleCampaignSimulateQuery['simulateLoyaltyCampaign'];

/** Replays the recorded sales of a range through the draft, before it is saved or activated. */
function SimulationPanel({ build, zone, draftKey, onDraftErrors }: { build: () => { input: SaveLoyaltyCampaignInput | null; errors: FieldErrors }; zone: string; draftKey: string; onDraftErrors: (e: FieldErrors) => void }) {
  const client = useClient();
  const [from, setFrom] = useState(() => addDays(todayIn(zone), -29));
  const [to, setTo] = useState(() => todayIn(zone));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ sim: Simulation; key: string; from: string; to: string; zone: string } | null>(null);

  async function simulate() {
    setProblem(null);
    const found: FieldErrors = {};
    const fromAt = /^\d{4}-\d{2}-\d{2}$/.test(from) ? zonedToInstant(`${from}T00:00`, zone) : null;
    const toAt = /^\d{4}-\d{2}-\d{2}$/.test(to) ? zonedToInstant(`${addDays(to, 1)}T00:00`, zone) : null;
    if (!fromAt) found.from = 'Enter the first day.';
    else if (fromAt > new Date().toISOString()) found.from = 'The first day is in the future: there are no sales to replay.';
    if (!toAt) found.to = 'Enter the last day.';
    else if (fromAt && toAt <= fromAt) found.to = 'The last day must not be before the first.';
    else if (fromAt && new Date(toAt).getTime() - new Date(fromAt).getTime() > 400 * 86_400_000) found.to = 'A simulation replays at most 400 days.';
    const { input, errors: draftErrors } = build();
    setErrors(found);
    if (!input) {
      onDraftErrors(draftErrors);
      setProblem('Correct the campaign first: the simulation replays it as it would be saved.');
      return;
    }
    if (Object.keys(found).length || !fromAt || !toAt) return;
    setRunning(true);
    try {
      const { status: _status, ...rest } = input;
      void _status;
      const r = await client.query(SimulateCampaign, { input: rest, from: fromAt, to: toAt }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error) return setProblem(requestProblem(r.error));
      const sim = r.data!.simulateLoyaltyCampaign;
      if (sim.userErrors.length) {
        const byField = errorsByField(sim.userErrors);
        const mine: FieldErrors = {};
        const theirs: FieldErrors = {};
        for (const [k, m] of Object.entries(byField)) (k === 'from' || k === 'to' ? mine : theirs)[k] = m;
        setErrors(mine);
        if (Object.keys(theirs).length) {
          onDraftErrors(theirs);
          setProblem('The service found problems in the campaign: see the form.');
        }
        setResult(null);
        return;
      }
      setResult({ sim, key: draftKey, from, to, zone });
    } finally {
      setRunning(false);
    }
  }

  const stale = result && result.key !== draftKey;
  return (
    <section className="panel stack simulation" aria-labelledby="simulation-h">
      <h2 id="simulation-h">Simulation</h2>
      <p className="muted">Replays the sales recorded in the range through this draft, as it stands in the form, without saving or giving anything. The campaign is evaluated alone (not stacked with the others); its limits and budget count from zero.</p>
      <div className="row">
        <TextField label="Sales from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} />
        <TextField label="Sales to (inclusive)" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={errors.to} hint={`Days in ${zone}`} />
        <button type="button" onClick={() => void simulate()} disabled={running}>
          {running ? 'Simulating…' : 'Simulate'}
        </button>
      </div>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div aria-live="polite">
        {result && (
          <section aria-labelledby="simulation-result-h">
            <h3 id="simulation-result-h">
              Result for {result.from} to {result.to} ({result.zone})
            </h3>
            {stale && <Notice kind="info">The draft changed since this simulation: simulate again to see the changed campaign.</Notice>}
            <div className="kpis" role="list" aria-label="Simulation figures">
              {[
                ['Sales replayed', formatPoints(result.sim.salesReplayed)],
                ['Sales rewarded', formatPoints(result.sim.salesRewarded)],
                ['Members reached', formatPoints(result.sim.membersReached)],
                ['Points', formatPoints(result.sim.points)],
                ['Coupons', formatPoints(result.sim.coupons)],
                ['Coupon value', formatMoney(result.sim.couponValue)],
                ['Cost', formatMoney(result.sim.cost)],
                ['Budget runs out', result.sim.budgetExhaustedAt ? formatInZone(result.sim.budgetExhaustedAt, result.zone) : 'Not in this range'],
              ].map(([label, value]) => (
                <div className="kpi" role="listitem" key={label} aria-label={`${label}: ${value}`}>
                  <div className="label">{label}</div>
                  <div className="value">{value}</div>
                </div>
              ))}
            </div>
            <p className="muted">Cost: the points at the programme's redemption rate plus the vouchers' and gifts' value; percent coupons are not in it (their value depends on the sale they are used on).</p>
          </section>
        )}
      </div>
    </section>
  );
}

const CampaignGivenQuery = graphql(`
  query ConsoleCampaignGiven($from: DateTimeISO!, $to: DateTimeISO!) {
    loyaltyOfferResults(from: $from, to: $to) {
      campaigns {
        code
        runs
        pointsGiven
        couponsIssued
        couponsRedeemed
        membersReached
      }
      userErrors {
        message
      }
    }
  }
`);

/** What a campaign without a budget has given since it started, from the analytics (the journal and its coupons). */
function CampaignGiven({ code, since }: { code: string; since: string }) {
  // to the next minute: the query's end is exclusive, and an award of this minute counts
  const [to] = useState(() => new Date(Math.ceil((Date.now() + 1) / 60_000) * 60_000).toISOString());
  const [{ data, error }] = useQuery({ query: CampaignGivenQuery, variables: { from: since, to } });
  const problem = error?.message ?? data?.loyaltyOfferResults.userErrors[0]?.message;
  if (problem) {
    return (
      <>
        <dt>Given so far</dt>
        <dd className="muted">Not known: {problem}</dd>
      </>
    );
  }
  if (!data) return null;
  const r = data.loyaltyOfferResults.campaigns.find((x) => x.code === code);
  return (
    <>
      <dt>Points given</dt>
      <dd data-testid="points-given">{formatPoints(r?.pointsGiven ?? 0)}</dd>
      <dt>Coupons issued, redeemed</dt>
      <dd>
        {formatPoints(r?.couponsIssued ?? 0)}, {formatPoints(r?.couponsRedeemed ?? 0)}
      </dd>
      <dt>Members reached</dt>
      <dd>{formatPoints(r?.membersReached ?? 0)}</dd>
    </>
  );
}
