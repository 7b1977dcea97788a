import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { errorsByField, FormProblems, requestProblem, TextField, type FieldErrors } from '../shared/forms';
import { formatDate, formatMoney, formatPoints } from '../shared/format';
import { Link } from '../shared/router';
import { useAttemptKey } from '../shared/idempotency';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { CouponCode } from './CouponCode';
import { usePortal } from './context';
import type { NewCoupon } from './RewardsTab';

const Convert = graphql(`
  mutation PortalConvertPoints($input: ConvertPointsToCouponInput!) {
    convertPointsToCoupon(input: $input) {
      coupon {
        code
        displayCode
        barcodePayload
        kind
        title
        value {
          amount
          currencyCode
        }
        percent
        expiresAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

interface Programme {
  currencyCode: string;
  redeemPoints: number;
  redeemAmountMinor: number;
  minRedeemPoints: number;
  couponValidityDays: number;
}

/** The programme's rate applied as the service applies it (rounded down to a minor unit). */
const worth = (p: Programme, points: number) => Math.floor((points * p.redeemAmountMinor) / p.redeemPoints);

/** Points to a cash voucher at the programme's rate: checked here first, confirmed, then sent with one idempotency key per attempt. */
export function ConvertForm({ programme, available }: { programme: Programme; available: number }) {
  const { memberId, refresh } = usePortal();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<number | null>(null);
  const [issued, setIssued] = useState<NewCoupon | null>(null);
  const [state, convert] = useMutation(Convert);
  const attempt = useAttemptKey();
  const rate = formatMoney({ amount: programme.redeemAmountMinor, currencyCode: programme.currencyCode });

  function check(): number | null {
    const t = text.trim();
    let message: string | null = null;
    const points = /^\d+$/.test(t) ? Number(t) : NaN;
    if (t === '') message = 'Enter how many points to convert.';
    else if (!Number.isSafeInteger(points)) message = 'Enter a whole number of points, e.g. 500.';
    else if (points < programme.minRedeemPoints) message = `A voucher takes at least ${formatPoints(programme.minRedeemPoints)} points.`;
    else if (points > available) message = `You have ${formatPoints(available)} points.`;
    else if (worth(programme, points) <= 0) message = 'These points are worth less than the smallest coin.';
    setErrors(message ? { points: message } : {});
    return message ? null : points;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setIssued(null);
    const points = check();
    if (points !== null) setAsking(points);
  }

  async function send(points: number) {
    const out = await convert({ input: { idempotencyKey: attempt.keyFor(`convert:${points}`), memberId, points } });
    const payload = out.data?.convertPointsToCoupon;
    if (!payload) return setProblem(requestProblem(out.error) ?? 'No answer from the service: try again.');
    attempt.done();
    setAsking(null);
    if (payload.userErrors.length || !payload.coupon) return setErrors(errorsByField(payload.userErrors));
    setIssued(payload.coupon);
    setText('');
    refresh();
  }

  const preview = /^\d+$/.test(text.trim()) ? worth(programme, Number(text.trim())) : null;

  return (
    <section className="panel" aria-labelledby="convert-heading">
      <h2 id="convert-heading">Turn points into a voucher</h2>
      <p>
        Every <strong>{formatPoints(programme.redeemPoints)} points</strong> are worth <strong>{rate}</strong>. A voucher takes at least {formatPoints(programme.minRedeemPoints)} points and is valid for{' '}
        {programme.couponValidityDays} days.
      </p>
      <form className="stack" onSubmit={submit} noValidate aria-label="Turn points into a voucher">
        <TextField
          label="Points to convert"
          name="points"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setErrors({});
          }}
          error={errors.points}
          hint={preview !== null && preview > 0 && !errors.points ? `A voucher worth ${formatMoney({ amount: preview, currencyCode: programme.currencyCode })}` : `You have ${formatPoints(available)} points.`}
        />
        <FormProblems errors={errors} shown={['points']} problem={problem && !asking ? problem : null} />
        <button type="submit" className="primary" disabled={state.fetching}>
          Get a voucher
        </button>
      </form>
      {issued && (
        <div className="notice success portal-issued" role="status">
          <p>
            <strong>{issued.title}</strong> · valid until {formatDate(issued.expiresAt)}. It is also under <Link to="/coupons">Coupons</Link>.
          </p>
          <CouponCode payload={issued.barcodePayload} displayCode={issued.displayCode} />
        </div>
      )}
      {asking !== null && (
        <ConfirmDialog
          tone="spend"
          className="portal-dialog"
          actionsClassName="portal-dialog-actions"
          title="Get this voucher?"
          confirmLabel={`Spend ${formatPoints(asking)} points`}
          busy={state.fetching}
          onConfirm={() => void send(asking)}
          onCancel={() => {
            setAsking(null);
            setProblem(null);
          }}
        >
          <p>
            This spends <strong>{formatPoints(asking)} points</strong> on a voucher worth <strong>{formatMoney({ amount: worth(programme, asking), currencyCode: programme.currencyCode })}</strong>, leaving you {formatPoints(available - asking)} points.
          </p>
          <FormProblems errors={{}} shown={[]} problem={problem} />
        </ConfirmDialog>
      )}
    </section>
  );
}
