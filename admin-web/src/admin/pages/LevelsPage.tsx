import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleLevelsQuery, SaveLoyaltyTierInput } from '../../gql/graphql';
import { errorsByField, FormProblems, Notice, requestProblem, SelectField, TextField, type FieldErrors } from '../../shared/forms';
import { formatMoney, formatPoints, parseAmount, toMajor } from '../../shared/format';
import { parseWhole, wholeProblem } from '../programme/numbers';
import '../programme/programme.css';

const LevelsQuery = graphql(`
  query ConsoleLevels {
    loyaltyProgramme {
      currencyCode
      tierQualificationBasis
      tierQualificationWindow
    }
    loyaltyTiers {
      id
      code
      name
      rank
      qualificationThreshold
      earnMultiplierPercent
      graceDays
      upgradeBonusPoints
      upgradeGiftRewardId
      membershipTermMonths
      membershipPrice {
        amount
        currencyCode
      }
      benefits {
        code
        description
      }
      discounts {
        id
        name
        summary
      }
    }
    loyaltyRewards(includeInactive: true) {
      id
      name
      kind
    }
  }
`);

const SaveTier = graphql(`
  mutation ConsoleLevelsSave($input: SaveLoyaltyTierInput!) {
    saveLoyaltyTier(input: $input) {
      tier {
        id
        name
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Tier = ConsoleLevelsQuery['loyaltyTiers'][number];
type Data = ConsoleLevelsQuery;

interface Draft {
  id: string | null;
  code: string;
  name: string;
  rank: string;
  threshold: string;
  multiplier: string;
  graceDays: string;
  upgradeBonusPoints: string;
  upgradeGiftRewardId: string;
  membershipPrice: string;
  membershipTermMonths: string;
  benefits: { code: string; description: string }[];
}

function draftOf(t: Tier | null, nextRank: number, spend: boolean, currency: string): Draft {
  return {
    id: t?.id ?? null,
    code: t?.code ?? '',
    name: t?.name ?? '',
    rank: String(t?.rank ?? nextRank),
    threshold: t ? (spend ? toMajor(t.qualificationThreshold, currency) : String(t.qualificationThreshold)) : '',
    multiplier: String(t?.earnMultiplierPercent ?? 100),
    graceDays: String(t?.graceDays ?? 0),
    upgradeBonusPoints: String(t?.upgradeBonusPoints ?? 0),
    upgradeGiftRewardId: t?.upgradeGiftRewardId ?? '',
    membershipPrice: t?.membershipPrice ? toMajor(t.membershipPrice.amount, t.membershipPrice.currencyCode) : '',
    membershipTermMonths: t?.membershipTermMonths == null ? '' : String(t.membershipTermMonths),
    benefits: t?.benefits.map((b) => ({ code: b.code, description: b.description })) ?? [],
  };
}

const FIELDS = ['code', 'name', 'rank', 'qualificationThreshold', 'earnMultiplierPercent', 'graceDays', 'upgradeBonusPoints', 'upgradeGiftRewardId', 'membershipPrice', 'membershipTermMonths'];

function toInput(d: Draft, spend: boolean, currency: string): { input: SaveLoyaltyTierInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!/^[A-Z0-9_]{1,40}$/.test(d.code.trim())) errors.code = 'Use capitals, digits and _, e.g. GOLD.';
  if (!d.name.trim()) errors.name = 'Give the level a name.';
  const checks: [keyof Draft, string, string, { min?: number; optional?: boolean }][] = [
    ['rank', 'rank', 'Rank', {}],
    ['multiplier', 'earnMultiplierPercent', 'Earn multiplier', { min: 1 }],
    ['graceDays', 'graceDays', 'Grace days', {}],
    ['upgradeBonusPoints', 'upgradeBonusPoints', 'Upgrade bonus', {}],
    ['membershipTermMonths', 'membershipTermMonths', 'Membership term', { min: 1, optional: true }],
  ];
  for (const [k, field, label, opts] of checks) {
    const p = wholeProblem(label, String(d[k]), opts);
    if (p) errors[field] = p;
  }
  let threshold: number | null;
  if (spend) {
    threshold = parseAmount(d.threshold, currency);
    if (threshold === null) errors.qualificationThreshold = `Give the spend in ${currency}, e.g. 250.00 (0 for the entry level).`;
  } else {
    threshold = parseWhole(d.threshold);
    const p = wholeProblem('Qualification threshold', d.threshold);
    if (p) errors.qualificationThreshold = p;
  }
  let price: number | null = null;
  if (d.membershipPrice.trim()) {
    price = parseAmount(d.membershipPrice, currency);
    if (price === null) errors.membershipPrice = `Give the price in ${currency}, e.g. 49.00, or leave it empty.`;
  }
  if ((price === null) !== (d.membershipTermMonths.trim() === '') && !errors.membershipPrice && !errors.membershipTermMonths) {
    errors.membershipTermMonths = 'A paid membership needs both a price and a term (or neither).';
  }
  d.benefits.forEach((b, i) => {
    if (!b.code.trim() || !b.description.trim()) errors[`benefits.${i}`] = 'A benefit needs a code and a description (or remove it).';
  });
  if (Object.keys(errors).length) return { input: null, errors };
  return {
    errors,
    input: {
      id: d.id,
      code: d.code.trim(),
      name: d.name.trim(),
      rank: parseWhole(d.rank)!,
      qualificationThreshold: threshold!,
      earnMultiplierPercent: parseWhole(d.multiplier)!,
      graceDays: parseWhole(d.graceDays)!,
      upgradeBonusPoints: parseWhole(d.upgradeBonusPoints)!,
      upgradeGiftRewardId: d.upgradeGiftRewardId || null,
      membershipPrice: price,
      membershipTermMonths: d.membershipTermMonths.trim() ? parseWhole(d.membershipTermMonths) : null,
      benefits: d.benefits.map((b) => ({ code: b.code.trim(), description: b.description.trim() })),
    },
  };
}

function LevelEditor({ tier, data, onDone }: { tier: Tier | null; data: Data; onDone: (message: string) => void }) {
  const { currencyCode: currency, tierQualificationBasis } = data.loyaltyProgramme;
  const spend = tierQualificationBasis === 'SPEND';
  const nextRank = Math.max(-1, ...data.loyaltyTiers.map((t) => t.rank)) + 1;
  const [draft, setDraft] = useState(() => draftOf(tier, nextRank, spend, currency));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, runSave] = useMutation(SaveTier);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  const gifts = data.loyaltyRewards.filter((r) => r.kind === 'GIFT_ITEM');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = toInput(draft, spend, currency);
    setErrors(found);
    if (!input) return;
    const res = await runSave({ input });
    const payload = res.data?.saveLoyaltyTier;
    if (!payload) return;
    if (payload.userErrors.length) setErrors(errorsByField(payload.userErrors));
    else onDone(`${payload.tier?.name} saved.`);
  };
  const setBenefit = (i: number, part: 'code' | 'description', value: string) => set('benefits', draft.benefits.map((b, j) => (j === i ? { ...b, [part]: value } : b)));
  const benefitKeys = draft.benefits.map((_b, i) => `benefits.${i}`);

  return (
    <form className="panel stack" aria-label={tier ? `Edit ${tier.name}` : 'New level'} onSubmit={submit} noValidate>
      <h2>{tier ? `Edit ${tier.name}` : 'New level'}</h2>
      <div className="editor-grid">
        <TextField label="Name" value={draft.name} error={errors.name} maxLength={100} onChange={(e) => set('name', e.target.value)} />
        <TextField label="Code" hint="Capitals, digits and _, e.g. GOLD." value={draft.code} error={errors.code} onChange={(e) => set('code', e.target.value.toUpperCase())} />
        <TextField label="Rank" hint="0 for the entry level; higher is better." inputMode="numeric" value={draft.rank} error={errors.rank} onChange={(e) => set('rank', e.target.value)} />
        <TextField
          label={spend ? `Qualifying spend (${currency})` : 'Qualifying tier points'}
          hint={`What reaching it takes (${data.loyaltyProgramme.tierQualificationWindow.toLowerCase().replace(/_/g, ' ')}); 0 for the entry level.`}
          inputMode={spend ? 'decimal' : 'numeric'}
          value={draft.threshold}
          error={errors.qualificationThreshold}
          onChange={(e) => set('threshold', e.target.value)}
        />
        <TextField label="Earn multiplier (%)" hint="100 = 1x, 150 = 1.5x." inputMode="numeric" value={draft.multiplier} error={errors.earnMultiplierPercent} onChange={(e) => set('multiplier', e.target.value)} />
        <TextField label="Grace days" hint="Kept after a review the member did not qualify at." inputMode="numeric" value={draft.graceDays} error={errors.graceDays} onChange={(e) => set('graceDays', e.target.value)} />
        <TextField label="Upgrade bonus (points)" inputMode="numeric" value={draft.upgradeBonusPoints} error={errors.upgradeBonusPoints} onChange={(e) => set('upgradeBonusPoints', e.target.value)} />
        <SelectField label="Upgrade gift" value={draft.upgradeGiftRewardId} error={errors.upgradeGiftRewardId} onChange={(e) => set('upgradeGiftRewardId', e.target.value)}>
          <option value="">None</option>
          {gifts.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField label={`Membership price (${currency})`} hint="Empty: not sold." inputMode="decimal" value={draft.membershipPrice} error={errors.membershipPrice} onChange={(e) => set('membershipPrice', e.target.value)} />
        <TextField label="Membership term (months)" inputMode="numeric" value={draft.membershipTermMonths} error={errors.membershipTermMonths} onChange={(e) => set('membershipTermMonths', e.target.value)} />
      </div>
      <fieldset className="stack benefits">
        <legend>Benefits</legend>
        {draft.benefits.length === 0 && <p className="muted">No benefits listed.</p>}
        {draft.benefits.map((b, i) => (
          <div className="row" key={i}>
            <TextField label={`Benefit ${i + 1} code`} value={b.code} onChange={(e) => setBenefit(i, 'code', e.target.value.toUpperCase())} />
            <TextField label={`Benefit ${i + 1} description`} value={b.description} error={errors[`benefits.${i}`]} onChange={(e) => setBenefit(i, 'description', e.target.value)} />
            <button type="button" onClick={() => set('benefits', draft.benefits.filter((_x, j) => j !== i))}>
              Remove benefit {i + 1}
            </button>
          </div>
        ))}
        <div>
          <button type="button" onClick={() => set('benefits', [...draft.benefits, { code: '', description: '' }])}>
            Add a benefit
          </button>
        </div>
      </fieldset>
      <FormProblems errors={errors} shown={[...FIELDS, ...benefitKeys]} problem={requestProblem(save.error)} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.fetching}>
          {save.fetching ? 'Saving…' : tier ? 'Save level' : 'Add level'}
        </button>
        <button type="button" onClick={() => onDone('')} disabled={save.fetching}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Levels (#/levels): the tiers, entry level first, with what reaching them takes and gives. */
export function LevelsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: LevelsQuery });
  const [editing, setEditing] = useState<Tier | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const spend = data?.loyaltyProgramme.tierQualificationBasis === 'SPEND';
  const currency = data?.loyaltyProgramme.currencyCode ?? 'GBP';
  const tiers = data?.loyaltyTiers ?? [];
  const rewardName = (id: string | null | undefined) => (id ? (data?.loyaltyRewards.find((r) => r.id === id)?.name ?? id) : null);

  return (
    <div>
      <div className="toolbar">
        <h1>Levels</h1>
        <button type="button" className="primary" disabled={!data || editing !== null} onClick={() => { setEditing('new'); setMessage(null); }}>
          New level
        </button>
      </div>
      <p className="muted">
        Members qualify by {spend ? 'spend' : 'tier points earned from sales'}; go to <a href="#/programme">Programme settings</a> to change how levels are counted and reviewed.
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      {editing && data && (
        <LevelEditor
          key={editing === 'new' ? 'new' : editing.id}
          tier={editing === 'new' ? null : editing}
          data={data}
          onDone={(m) => {
            setEditing(null);
            if (m) {
              setMessage(m);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
      <section className="panel" aria-label="Levels">
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        {fetching && !data ? (
          <p className="muted">Loading levels…</p>
        ) : tiers.length === 0 ? (
          <p className="muted">No levels yet. Start with the entry level (rank 0, threshold 0).</p>
        ) : (
          <table>
            <caption className="sr-only">Levels, entry level first</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col" className="num">Rank</th>
                <th scope="col" className="num">{spend ? 'Qualifying spend' : 'Qualifying points'}</th>
                <th scope="col" className="num">Multiplier</th>
                <th scope="col">Benefits</th>
                <th scope="col">Discounts</th>
                <th scope="col">On reaching it</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tiers.map((t) => (
                <tr key={t.id}>
                  <td>
                    <strong>{t.name}</strong> <span className="muted">{t.code}</span>
                    {t.membershipPrice && (
                      <div className="muted">
                        Sold: {formatMoney(t.membershipPrice)} for {t.membershipTermMonths} months
                      </div>
                    )}
                  </td>
                  <td className="num">{t.rank}</td>
                  <td className="num">{spend ? formatMoney({ amount: t.qualificationThreshold, currencyCode: currency }) : formatPoints(t.qualificationThreshold)}</td>
                  <td className="num">{(t.earnMultiplierPercent / 100).toFixed(2).replace(/\.?0+$/, '')}×</td>
                  <td>{t.benefits.length ? t.benefits.map((b) => <div key={b.code}>{b.description}</div>) : <span className="muted">–</span>}</td>
                  <td>{t.discounts.length ? t.discounts.map((d) => <div key={d.id}>{d.summary}</div>) : <span className="muted">–</span>}</td>
                  <td>
                    {[t.upgradeBonusPoints ? `${formatPoints(t.upgradeBonusPoints)} bonus points` : null, rewardName(t.upgradeGiftRewardId), t.graceDays ? `${t.graceDays} grace days` : null]
                      .filter(Boolean)
                      .join(' · ') || <span className="muted">–</span>}
                  </td>
                  <td>
                    <button type="button" className="link" aria-label={`Edit ${t.name}`} disabled={editing !== null} onClick={() => { setEditing(t); setMessage(null); }}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
