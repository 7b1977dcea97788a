import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PortalProfileQuery } from '../gql/graphql';
import { CheckboxField, errorsByField, FormProblems, Notice, requestProblem, TextField, type FieldErrors } from '../shared/forms';
import { formatDate } from '../shared/format';
import { usePortal } from './context';

const PortalProfileQueryDoc = graphql(`
  query PortalProfile {
    loyaltyMe {
      id
      firstName
      lastName
      email
      phone
      birthday
      customerId
      emailOptIn
      smsOptIn
      enrolledAt
      cards {
        number
        status
      }
    }
  }
`);

const UpdateProfile = graphql(`
  mutation PortalUpdateProfile($input: UpdateLoyaltyMemberProfileInput!) {
    updateLoyaltyMemberProfile(input: $input) {
      member {
        id
        firstName
        lastName
        email
        phone
        birthday
        emailOptIn
        smsOptIn
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Me = NonNullable<PortalProfileQuery['loyaltyMe']>;
interface Draft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthday: string;
  emailOptIn: boolean;
  smsOptIn: boolean;
}

const draftOf = (m: Me): Draft => ({
  firstName: m.firstName,
  lastName: m.lastName,
  email: m.email ?? '',
  phone: m.phone ?? '',
  birthday: m.birthday ?? '',
  emailOptIn: m.emailOptIn,
  smsOptIn: m.smsOptIn,
});

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'birthday', 'emailOptIn', 'smsOptIn'];

/** The same checks the service makes, so most mistakes show before anything is sent. */
function checkDraft(d: Draft, hasCustomerLink: boolean): FieldErrors {
  const e: FieldErrors = {};
  if (!d.firstName.trim()) e.firstName = 'Enter your first name.';
  else if (d.firstName.trim().length > 100) e.firstName = 'At most 100 characters.';
  if (!d.lastName.trim()) e.lastName = 'Enter your last name.';
  else if (d.lastName.trim().length > 100) e.lastName = 'At most 100 characters.';
  if (d.email.trim() && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(d.email.trim())) e.email = 'Enter an e-mail address such as name@example.com.';
  const phone = d.phone.replace(/[\s().-]/g, '').replace(/^00/, '+');
  if (d.phone.trim() && !/^\+[1-9]\d{6,14}$/.test(phone)) e.phone = 'Enter the number in international format, e.g. +44 7700 900123.';
  if (d.birthday && (!/^\d{4}-\d{2}-\d{2}$/.test(d.birthday) || d.birthday < '1900-01-01' || new Date(`${d.birthday}T00:00:00Z`) > new Date())) e.birthday = 'Enter a date in the past.';
  if (!hasCustomerLink && !d.email.trim() && !d.phone.trim()) e.email = 'Keep an e-mail address or a phone number so we can find your account.';
  if (d.smsOptIn && !d.phone.trim()) e.smsOptIn = 'Add a phone number to get text messages.';
  if (d.emailOptIn && !d.email.trim()) e.emailOptIn = 'Add an e-mail address to get e-mails.';
  return e;
}

/** Name, contact details, birthday and marketing consents: shown, and edited with `updateLoyaltyMemberProfile`. */
export function ProfileTab() {
  const { refresh } = usePortal();
  const [res] = useQuery({ query: PortalProfileQueryDoc });
  const me = res.data?.loyaltyMe;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateProfile);

  useEffect(() => {
    if (me && !draft) setDraft(draftOf(me));
  }, [me, draft]);

  if (res.error) return <Notice kind="error">{requestProblem(res.error)}</Notice>;
  if (!me || !draft) return <p className="muted" role="status">Loading…</p>;
  const d = draft;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setSaved(false);
    setDraft({ ...d, [k]: v });
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setSaved(false);
    const found = checkDraft(d, Boolean(me!.customerId));
    setErrors(found);
    if (Object.keys(found).length) return;
    // only what the member changed: a page left open must not overwrite a change made elsewhere since
    const was = draftOf(me!);
    const next = {
      firstName: d.firstName.trim(),
      lastName: d.lastName.trim(),
      email: d.email.trim() || null,
      phone: d.phone.trim() || null,
      birthday: d.birthday || null,
      emailOptIn: d.emailOptIn,
      smsOptIn: d.smsOptIn,
    };
    const before = { firstName: was.firstName.trim(), lastName: was.lastName.trim(), email: was.email.trim() || null, phone: was.phone.trim() || null, birthday: was.birthday || null, emailOptIn: was.emailOptIn, smsOptIn: was.smsOptIn };
    const input = Object.fromEntries(Object.entries(next).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if (Object.keys(input).length === 0) return setSaved(true);
    const out = await update({ input });
    const payload = out.data?.updateLoyaltyMemberProfile;
    if (!payload) return setProblem(requestProblem(out.error));
    if (payload.userErrors.length || !payload.member) return setErrors(errorsByField(payload.userErrors));
    setDraft(draftOf({ ...me!, ...payload.member }));
    setSaved(true);
    refresh();
  }

  return (
    <>
      <h1>Profile</h1>
      <form className="panel stack" onSubmit={submit} noValidate aria-label="Your details">
        <h2>Your details</h2>
        <TextField label="First name" name="firstName" autoComplete="given-name" value={d.firstName} onChange={(e) => set('firstName', e.target.value)} error={errors.firstName} required />
        <TextField label="Last name" name="lastName" autoComplete="family-name" value={d.lastName} onChange={(e) => set('lastName', e.target.value)} error={errors.lastName} required />
        <TextField label="E-mail" name="email" type="email" autoComplete="email" value={d.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
        <TextField label="Phone" name="phone" type="tel" autoComplete="tel" value={d.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} hint="International format, e.g. +44 7700 900123" />
        <TextField
          label="Birthday"
          name="birthday"
          type="date"
          autoComplete="bday"
          value={d.birthday}
          onChange={(e) => set('birthday', e.target.value)}
          error={errors.birthday}
          readOnly={Boolean(me!.birthday)}
          hint={me!.birthday ? 'Recorded. To correct it, ask us: it decides your birthday bonus.' : 'We may celebrate it with a bonus. It can be set once here.'}
        />
        <fieldset className="stack portal-optins">
          <legend>What we may send you</legend>
          <CheckboxField label="Offers and news by e-mail" name="emailOptIn" checked={d.emailOptIn} onChange={(e) => set('emailOptIn', e.target.checked)} aria-invalid={errors.emailOptIn ? true : undefined} />
          {errors.emailOptIn && <div className="field-error">{errors.emailOptIn}</div>}
          <CheckboxField label="Offers and news by text message" name="smsOptIn" checked={d.smsOptIn} onChange={(e) => set('smsOptIn', e.target.checked)} aria-invalid={errors.smsOptIn ? true : undefined} />
          {errors.smsOptIn && <div className="field-error">{errors.smsOptIn}</div>}
          <p className="hint muted">Messages about your points and coupons come to your inbox here whatever you choose.</p>
        </fieldset>
        <FormProblems errors={errors} shown={FIELDS} problem={problem} />
        {saved && <Notice kind="success">Your details are saved.</Notice>}
        <button type="submit" className="primary" disabled={state.fetching}>
          {state.fetching ? 'Saving…' : 'Save'}
        </button>
      </form>
      <section className="panel" aria-labelledby="membership-heading">
        <h2 id="membership-heading">Membership</h2>
        <dl className="facts">
          <dt>Member since</dt>
          <dd>{formatDate(me.enrolledAt)}</dd>
          {me.cards.map((c) => (
            <div key={c.number} className="contents">
              <dt>Card</dt>
              <dd>
                {c.number} {c.status !== 'ACTIVE' && <span className="badge bad">{c.status.toLowerCase()}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
