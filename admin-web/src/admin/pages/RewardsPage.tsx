import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleRewardsQuery, LoyaltyRewardKind, SaveLoyaltyRewardInput } from '../../gql/graphql';
import { CheckboxField, errorsByField, FormProblems, Notice, requestProblem, SelectField, TextField, type FieldErrors } from '../../shared/forms';
import { formatDate, formatMoney, formatPoints, parseAmount, toMajor } from '../../shared/format';
import { useCurrency } from '../programme-context';
import { parseWhole, wholeProblem } from '../programme/numbers';
import '../programme/programme.css';

const RewardsQuery = graphql(`
  query ConsoleRewards {
    loyaltyRewards(includeInactive: true) {
      id
      kind
      name
      description
      productId
      pointsCost
      voucherValue {
        amount
        currencyCode
      }
      stock
      perMemberLimit
      minTierRank
      validFrom
      validUntil
      active
    }
    loyaltyTiers {
      id
      name
      rank
    }
  }
`);

const SaveReward = graphql(`
  mutation ConsoleRewardsSave($input: SaveLoyaltyRewardInput!) {
    saveLoyaltyReward(input: $input) {
      reward {
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

type Reward = ConsoleRewardsQuery['loyaltyRewards'][number];

interface Draft {
  id: string | null;
  kind: LoyaltyRewardKind;
  name: string;
  description: string;
  productId: string;
  pointsCost: string;
  voucherValue: string;
  stock: string;
  perMemberLimit: string;
  minTierRank: string;
  validFrom: string;
  validUntil: string;
  active: boolean;
}

const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

function draftOf(r: Reward | null): Draft {
  return {
    id: r?.id ?? null,
    kind: r?.kind ?? 'GIFT_ITEM',
    name: r?.name ?? '',
    description: r?.description ?? '',
    productId: r?.productId ?? '',
    pointsCost: r ? String(r.pointsCost) : '',
    voucherValue: r?.voucherValue ? toMajor(r.voucherValue.amount, r.voucherValue.currencyCode) : '',
    stock: r?.stock === null || r?.stock === undefined ? '' : String(r.stock),
    perMemberLimit: r?.perMemberLimit == null ? '' : String(r.perMemberLimit),
    minTierRank: r?.minTierRank == null ? '' : String(r.minTierRank),
    validFrom: dateOnly(r?.validFrom),
    // stored as the end of the last day (exclusive)
    validUntil: r?.validUntil ? new Date(Date.parse(r.validUntil) - 1).toISOString().slice(0, 10) : '',
    active: r?.active ?? true,
  };
}

function toInput(d: Draft, currency: string): { input: SaveLoyaltyRewardInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Give the reward a name.';
  const cost = wholeProblem('Points cost', d.pointsCost, { min: 1 });
  if (cost) errors.pointsCost = cost;
  for (const [k, label] of [['stock', 'Stock'], ['perMemberLimit', 'Limit per member']] as const) {
    const p = wholeProblem(label, d[k], { optional: true });
    if (p) errors[k] = p;
  }
  let voucher: number | null = null;
  if (d.kind === 'CASH_VOUCHER') {
    voucher = parseAmount(d.voucherValue, currency);
    if (voucher === null || voucher < 1) errors.voucherValue = `Give the voucher's value in ${currency}, e.g. 5.00.`;
  } else if (!d.productId.trim()) errors.productId = 'A gift item needs the product it gives.';
  if (d.validFrom && d.validUntil && d.validFrom >= d.validUntil) errors.validUntil = 'The last day must come after the first.';
  if (Object.keys(errors).length) return { input: null, errors };
  const optionalWhole = (t: string) => (t.trim() === '' ? null : parseWhole(t));
  return {
    errors,
    input: {
      id: d.id,
      kind: d.kind,
      name: d.name.trim(),
      description: d.description.trim() || null,
      productId: d.kind === 'GIFT_ITEM' ? d.productId.trim() : null,
      pointsCost: parseWhole(d.pointsCost)!,
      voucherValue: d.kind === 'CASH_VOUCHER' ? { amount: voucher!, currencyCode: currency } : null,
      stock: optionalWhole(d.stock),
      perMemberLimit: optionalWhole(d.perMemberLimit),
      minTierRank: optionalWhole(d.minTierRank),
      validFrom: d.validFrom ? `${d.validFrom}T00:00:00.000Z` : null,
      // the whole last day
      validUntil: d.validUntil ? new Date(Date.parse(`${d.validUntil}T00:00:00.000Z`) + 86_400_000).toISOString() : null,
      active: d.active,
    },
  };
}

const FIELDS = ['kind', 'name', 'description', 'productId', 'pointsCost', 'voucherValue', 'voucherValue.amount', 'stock', 'perMemberLimit', 'minTierRank', 'validFrom', 'validUntil'];

function RewardEditor({ reward, tiers, onDone }: { reward: Reward | null; tiers: ConsoleRewardsQuery['loyaltyTiers']; onDone: (message: string) => void }) {
  const currency = useCurrency();
  const [draft, setDraft] = useState(() => draftOf(reward));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, runSave] = useMutation(SaveReward);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = toInput(draft, currency);
    setErrors(found);
    if (!input) return;
    const res = await runSave({ input });
    const payload = res.data?.saveLoyaltyReward;
    if (!payload) return;
    if (payload.userErrors.length) setErrors(errorsByField(payload.userErrors));
    else onDone(`${payload.reward?.name} saved.`);
  };

  const voucherError = errors.voucherValue ?? errors['voucherValue.amount'];
  return (
    <form className="panel stack" aria-label={reward ? `Edit ${reward.name}` : 'New reward'} onSubmit={submit} noValidate>
      <h2>{reward ? `Edit ${reward.name}` : 'New reward'}</h2>
      <div className="editor-grid">
        <SelectField label="Kind" value={draft.kind} error={errors.kind} onChange={(e) => set('kind', e.target.value as LoyaltyRewardKind)}>
          <option value="GIFT_ITEM">Gift item</option>
          <option value="CASH_VOUCHER">Cash voucher</option>
        </SelectField>
        <TextField label="Name" value={draft.name} error={errors.name} maxLength={100} onChange={(e) => set('name', e.target.value)} />
        <TextField label="Points cost" inputMode="numeric" value={draft.pointsCost} error={errors.pointsCost} onChange={(e) => set('pointsCost', e.target.value)} />
        {draft.kind === 'GIFT_ITEM' ? (
          <TextField label="Product id" hint="The commerce product handed over." value={draft.productId} error={errors.productId} onChange={(e) => set('productId', e.target.value)} />
        ) : (
          <TextField label={`Voucher value (${currency})`} inputMode="decimal" value={draft.voucherValue} error={voucherError} onChange={(e) => set('voucherValue', e.target.value)} />
        )}
        <TextField label="Stock" hint="Units left; empty for unlimited." inputMode="numeric" value={draft.stock} error={errors.stock} onChange={(e) => set('stock', e.target.value)} />
        <TextField label="Limit per member" hint="Empty for no limit." inputMode="numeric" value={draft.perMemberLimit} error={errors.perMemberLimit} onChange={(e) => set('perMemberLimit', e.target.value)} />
        <SelectField label="Lowest level" value={draft.minTierRank} error={errors.minTierRank} onChange={(e) => set('minTierRank', e.target.value)}>
          <option value="">Everyone</option>
          {tiers.map((t) => (
            <option key={t.id} value={String(t.rank)}>
              {t.name} and above
            </option>
          ))}
        </SelectField>
        <TextField label="First day" type="date" hint="Empty: from now." value={draft.validFrom} error={errors.validFrom} onChange={(e) => set('validFrom', e.target.value)} />
        <TextField label="Last day" type="date" hint="Empty: no end." value={draft.validUntil} error={errors.validUntil} onChange={(e) => set('validUntil', e.target.value)} />
      </div>
      <TextField label="Description" value={draft.description} error={errors.description} maxLength={500} onChange={(e) => set('description', e.target.value)} />
      <CheckboxField label="Active (members can have it)" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />
      <FormProblems errors={errors} shown={FIELDS} problem={requestProblem(save.error)} />
      <div className="row">
        <button type="submit" className="primary" disabled={save.fetching}>
          {save.fetching ? 'Saving…' : reward ? 'Save reward' : 'Add reward'}
        </button>
        <button type="button" onClick={() => onDone('')} disabled={save.fetching}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The reward catalogue (#/rewards): every reward, active or not, with its stock; add and edit. */
export function RewardsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RewardsQuery });
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rewards = data?.loyaltyRewards ?? [];
  const tiers = data?.loyaltyTiers ?? [];
  const tierName = (rank: number | null | undefined) => (rank == null ? 'Everyone' : (tiers.find((t) => t.rank === rank)?.name ?? `Rank ${rank}`));

  return (
    <div>
      <div className="toolbar">
        <h1>Rewards</h1>
        <button type="button" className="primary" onClick={() => { setEditing('new'); setMessage(null); }} disabled={editing !== null}>
          New reward
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      {editing && (
        <RewardEditor
          key={editing === 'new' ? 'new' : editing.id}
          reward={editing === 'new' ? null : editing}
          tiers={tiers}
          onDone={(m) => {
            setEditing(null);
            if (m) {
              setMessage(m);
              refetch({ requestPolicy: 'network-only' });
            }
          }}
        />
      )}
      <section className="panel" aria-label="Reward catalogue">
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        {fetching && !data ? (
          <p className="muted">Loading rewards…</p>
        ) : rewards.length === 0 ? (
          <p className="muted">No rewards yet. Add one for members to spend their points on.</p>
        ) : (
          <table>
            <caption className="sr-only">Rewards, cheapest first</caption>
            <thead>
              <tr>
                <th scope="col">Reward</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Points</th>
                <th scope="col" className="num">Stock</th>
                <th scope="col" className="num">Per member</th>
                <th scope="col">Level</th>
                <th scope="col">Available</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rewards.map((r) => (
                <tr key={r.id}>
                  <td>
                    <strong>{r.name}</strong>
                    {r.description && <div className="muted">{r.description}</div>}
                  </td>
                  <td>{r.kind === 'CASH_VOUCHER' ? `Voucher ${formatMoney(r.voucherValue)}` : `Gift: ${r.productId ?? '–'}`}</td>
                  <td className="num">{formatPoints(r.pointsCost)}</td>
                  <td className="num">{r.stock === null || r.stock === undefined ? 'Unlimited' : r.stock === 0 ? <span className="badge bad">Out of stock</span> : formatPoints(r.stock)}</td>
                  <td className="num">{r.perMemberLimit ?? '–'}</td>
                  <td>{tierName(r.minTierRank)}</td>
                  <td>{r.validFrom || r.validUntil ? `${formatDate(r.validFrom)} – ${formatDate(r.validUntil)}` : 'Always'}</td>
                  <td>{r.active ? <span className="badge ok">Active</span> : <span className="badge">Inactive</span>}</td>
                  <td>
                    <button type="button" className="link" onClick={() => { setEditing(r); setMessage(null); }} disabled={editing !== null} aria-label={`Edit ${r.name}`}>
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
