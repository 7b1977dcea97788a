import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleProgrammeSettingsQuery, UpdateLoyaltyProgrammeInput } from '../../gql/graphql';
import { CheckboxField, errorsByField, FormProblems, Notice, requestProblem, SelectField, TextField, type FieldErrors } from '../../shared/forms';
import { parseAmount, toMajor } from '../../shared/format';
import { parseWhole, wholeProblem } from '../programme/numbers';
import '../programme/programme.css';

const SettingsQuery = graphql(`
  query ConsoleProgrammeSettings {
    loyaltyProgramme {
      ...ConsoleProgrammeFields
    }
  }
`);

graphql(`
  fragment ConsoleProgrammeFields on LoyaltyProgramme {
    currencyCode
    redeemPoints
    redeemAmountMinor
    minRedeemPoints
    maxRedeemSharePercent
    holdTtlDefaultSeconds
    holdTtlMaxSeconds
    pendingDays
    expiryUnit
    expiryCount
    expiryToMonthEnd
    registrationBonusPoints
    birthdayBonusPoints
    couponValidityDays
    couponReminderDays
    earnBasis
    tierQualificationBasis
    tierQualificationWindow
    tierQualificationMonths
    tierReview
    tierReviewEveryDays
    tierDowngrade
    tierWarningDays
    paidMembershipReminderDays
    marketingMessagesPerWeek
    membershipInactivityMonths
    membershipReminderDays
  }
`);

const UpdateMutation = graphql(`
  mutation ConsoleProgrammeUpdate($input: UpdateLoyaltyProgrammeInput!) {
    updateLoyaltyProgramme(input: $input) {
      programme {
        ...ConsoleProgrammeFields
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Programme = ConsoleProgrammeSettingsQuery['loyaltyProgramme'];
type Key = keyof UpdateLoyaltyProgrammeInput & keyof Programme;

interface Setting {
  key: Key;
  label: string;
  hint?: string;
  /** whole: a number; money: minor units shown in the major unit; bool; choice: an enum (or '' for none). */
  kind: 'whole' | 'money' | 'bool' | 'choice';
  min?: number;
  max?: number;
  optional?: boolean;
  choices?: { value: string; label: string }[];
}

const SECTIONS: { title: string; intro: string; settings: Setting[] }[] = [
  {
    title: 'Redeeming points',
    intro: 'What points are worth when members spend them, and how much of a sale they may pay.',
    settings: [
      { key: 'redeemPoints', label: 'Points', kind: 'whole', min: 1, hint: 'This many points…' },
      { key: 'redeemAmountMinor', label: 'Are worth', kind: 'money', hint: '…this much money off.' },
      { key: 'minRedeemPoints', label: 'Minimum points per redemption', kind: 'whole', min: 1 },
      { key: 'maxRedeemSharePercent', label: 'Largest share of a sale paid in points (%)', kind: 'whole', min: 0, max: 100, hint: '0 to 100.' },
      {
        key: 'earnBasis',
        label: 'Points are earned on',
        kind: 'choice',
        choices: [
          { value: 'WHOLE_SALE', label: 'The whole sale' },
          { value: 'CASH_PAID', label: 'Only the part not paid with points' },
        ],
      },
    ],
  },
  {
    title: 'Holds at the till',
    intro: 'Points reserved for a payment return to the member if the till neither captures nor releases them in time.',
    settings: [
      { key: 'holdTtlDefaultSeconds', label: 'Default hold (seconds)', kind: 'whole', min: 1, hint: 'Used when the till asks for no particular time; at most the longest hold.' },
      { key: 'holdTtlMaxSeconds', label: 'Longest hold (seconds)', kind: 'whole', min: 1 },
    ],
  },
  {
    title: 'Earning and expiry',
    intro: 'When earned points can be spent, and when they lapse.',
    settings: [
      { key: 'pendingDays', label: 'Pending days', kind: 'whole', hint: 'Days before earned points become available (time for returns).' },
      {
        key: 'expiryUnit',
        label: 'Points expire after',
        kind: 'choice',
        choices: [
          { value: '', label: 'Never' },
          { value: 'DAYS', label: 'Days' },
          { value: 'MONTHS', label: 'Months' },
        ],
      },
      { key: 'expiryCount', label: 'How many', kind: 'whole', optional: true, hint: '0 or empty: points never expire.' },
      { key: 'expiryToMonthEnd', label: 'Expire at the end of that month', kind: 'bool' },
    ],
  },
  {
    title: 'Bonuses and coupons',
    intro: 'Points given on occasions, and coupons made from points.',
    settings: [
      { key: 'registrationBonusPoints', label: 'Welcome bonus (points)', kind: 'whole' },
      { key: 'birthdayBonusPoints', label: 'Birthday bonus (points)', kind: 'whole' },
      { key: 'couponValidityDays', label: 'Coupon validity (days)', kind: 'whole', min: 1, hint: 'How long a coupon issued from points stays valid.' },
      { key: 'couponReminderDays', label: 'Coupon reminder (days before expiry)', kind: 'whole', hint: '0: no reminders.' },
    ],
  },
  {
    title: 'Levels',
    intro: 'How members qualify for levels and when levels are reviewed (the only times a member can go down).',
    settings: [
      {
        key: 'tierQualificationBasis',
        label: 'Levels count',
        kind: 'choice',
        choices: [
          { value: 'TIER_POINTS', label: 'Points earned from sales' },
          { value: 'SPEND', label: 'Spend' },
        ],
      },
      {
        key: 'tierQualificationWindow',
        label: 'Over',
        kind: 'choice',
        choices: [
          { value: 'LIFETIME', label: 'The whole membership' },
          { value: 'CALENDAR_YEAR', label: 'The calendar year' },
          { value: 'ROLLING_MONTHS', label: 'The last months (below)' },
        ],
      },
      { key: 'tierQualificationMonths', label: 'Rolling window (months)', kind: 'whole', min: 1 },
      {
        key: 'tierReview',
        label: 'Review',
        kind: 'choice',
        hint: 'Changing it reschedules the reviews of every member above the entry level.',
        choices: [
          { value: 'NONE', label: 'None: levels only go up' },
          { value: 'ANNIVERSARY', label: 'Yearly from reaching the level' },
          { value: 'CALENDAR_YEAR_END', label: 'At the end of each year' },
          { value: 'ROLLING', label: 'Every few days (below)' },
        ],
      },
      { key: 'tierReviewEveryDays', label: 'Days between rolling reviews', kind: 'whole', min: 1 },
      {
        key: 'tierDowngrade',
        label: 'At a review, members who did not qualify go',
        kind: 'choice',
        choices: [
          { value: 'ONE_LEVEL', label: 'One level down' },
          { value: 'TO_QUALIFIED', label: 'To the level they qualify for' },
        ],
      },
      { key: 'tierWarningDays', label: 'Warn before a downgrade (days)', kind: 'whole', hint: '0: no warnings.' },
    ],
  },
  {
    title: 'Memberships and messages',
    intro: 'Reminders to members, and how many marketing messages they may get.',
    settings: [
      { key: 'paidMembershipReminderDays', label: 'Paid membership renewal reminder (days before)', kind: 'whole', hint: '0: no reminders.' },
      { key: 'membershipInactivityMonths', label: 'Membership expires after inactive months', kind: 'whole', optional: true, max: 240, hint: '0 or empty: never.' },
      { key: 'membershipReminderDays', label: 'Membership expiry reminder (days before)', kind: 'whole', max: 365, hint: '0: no reminders.' },
      { key: 'marketingMessagesPerWeek', label: 'Marketing messages per member per week', kind: 'whole', max: 100, hint: '0: no cap.' },
    ],
  },
];

const ALL = SECTIONS.flatMap((s) => s.settings);

type Draft = Record<string, string | boolean>;

function toDraft(p: Programme): Draft {
  const d: Draft = {};
  for (const s of ALL) {
    const v = p[s.key];
    if (s.kind === 'bool') d[s.key] = Boolean(v);
    else if (s.kind === 'money') d[s.key] = toMajor(Number(v), p.currencyCode);
    else d[s.key] = v === null || v === undefined ? '' : String(v);
  }
  return d;
}

/** Checks the draft and returns the changed fields, ready to send, with the problems by field. */
function changes(draft: Draft, p: Programme): { input: UpdateLoyaltyProgrammeInput; errors: FieldErrors } {
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const original = toDraft(p);
  for (const s of ALL) {
    const v = draft[s.key];
    if (v === original[s.key]) continue;
    if (s.kind === 'bool') input[s.key] = v;
    else if (s.kind === 'choice') input[s.key] = v === '' ? null : v;
    else if (s.kind === 'money') {
      const amount = parseAmount(String(v), p.currencyCode);
      if (amount === null || amount < 1) errors[s.key] = `${s.label} must be an amount of at least ${toMajor(1, p.currencyCode)} ${p.currencyCode}.`;
      else input[s.key] = amount;
    } else {
      const problem = wholeProblem(s.label, String(v), { min: s.min, max: s.max, optional: s.optional });
      if (problem) errors[s.key] = problem;
      else input[s.key] = String(v).trim() === '' ? 0 : parseWhole(String(v));
    }
  }
  // "never" is an unset unit with a count of 0; a unit needs a count
  if ('expiryUnit' in input && input.expiryUnit === null) input.expiryCount = 0;
  if (draft.expiryUnit !== '' && (parseWhole(String(draft.expiryCount)) ?? 0) <= 0 && !errors.expiryCount && ('expiryUnit' in input || 'expiryCount' in input)) {
    errors.expiryCount = 'Say after how many days or months points expire, or choose Never.';
  }
  return { input: input as UpdateLoyaltyProgrammeInput, errors };
}

/** Programme settings (#/programme): the programme's economics, grouped, saving only what changed. */
export function ProgrammePage() {
  const [{ data, fetching, error }] = useQuery({ query: SettingsQuery });
  const [update, runUpdate] = useMutation(UpdateMutation);
  const programme = data?.loyaltyProgramme as Programme | undefined;
  const [saved, setSaved] = useState<Programme | null>(null);
  const current = saved ?? programme ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    if (programme && !draft) setDraft(toDraft(programme));
  }, [programme, draft]);

  const pending = useMemo(() => (current && draft ? Object.keys(changes(draft, current).input).length : 0), [current, draft]);

  if (fetching && !draft) return <p className="muted">Loading the programme settings…</p>;
  if (error && !draft) return <Notice kind="error">{requestProblem(error)}</Notice>;
  if (!current || !draft) return null;

  const set = (key: string, value: string | boolean) => {
    setDraft({ ...draft, [key]: value });
    setDone(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const { input, errors: found } = changes(draft, current);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (Object.keys(input).length === 0) {
      setDone('Nothing has changed.');
      return;
    }
    const res = await runUpdate({ input });
    const payload = res.data?.updateLoyaltyProgramme;
    if (!payload) return;
    if (payload.userErrors.length) {
      setErrors(errorsByField(payload.userErrors));
      return;
    }
    if (payload.programme) {
      const p = payload.programme as Programme;
      setSaved(p);
      setDraft(toDraft(p));
      setDone(`Saved ${Object.keys(input).length} change${Object.keys(input).length === 1 ? '' : 's'}.`);
    }
  };

  const control = (s: Setting) => {
    const value = draft[s.key];
    const common = { error: errors[s.key], hint: s.hint, label: s.kind === 'money' ? `${s.label} (${current.currencyCode})` : s.label };
    if (s.kind === 'bool') return <CheckboxField key={s.key} label={s.label} checked={Boolean(value)} onChange={(e) => set(s.key, e.target.checked)} />;
    if (s.kind === 'choice') {
      return (
        <SelectField key={s.key} {...common} value={String(value)} onChange={(e) => set(s.key, e.target.value)}>
          {s.choices!.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      );
    }
    return <TextField key={s.key} {...common} inputMode={s.kind === 'money' ? 'decimal' : 'numeric'} value={String(value)} onChange={(e) => set(s.key, e.target.value)} />;
  };

  return (
    <form className="programme-settings" aria-label="Programme settings" onSubmit={submit} noValidate>
      <h1>Programme settings</h1>
      <p className="muted">
        Changes apply from the moment they are saved. The redemption rate also re-values every balance already held (its cash value and the programme's liability). Currency: <strong>{current.currencyCode}</strong>.
      </p>
      {SECTIONS.map((section) => (
        <fieldset key={section.title} className="panel settings-section">
          <legend>{section.title}</legend>
          <p className="muted">{section.intro}</p>
          <div className="settings-grid">{section.settings.map(control)}</div>
        </fieldset>
      ))}
      <FormProblems errors={errors} shown={ALL.map((s) => s.key)} problem={requestProblem(update.error)} />
      {done && <Notice kind="success">{done}</Notice>}
      <div className="row sticky-actions">
        <button type="submit" className="primary" disabled={update.fetching}>
          {update.fetching ? 'Saving…' : 'Save changes'}
        </button>
        <button
          type="button"
          disabled={update.fetching || pending === 0}
          onClick={() => {
            setDraft(toDraft(current));
            setErrors({});
            setDone(null);
          }}
        >
          Discard changes
        </button>
        <span className="muted" aria-live="polite">
          {pending === 0 ? 'No unsaved changes.' : `${pending} unsaved change${pending === 1 ? '' : 's'}.`}
        </span>
      </div>
    </form>
  );
}
