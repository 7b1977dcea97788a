import { useAttemptKey } from '../../shared/idempotency';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorsByField, FormProblems, Notice, requestProblem, TextField, type FieldErrors } from '../../shared/forms';
import { formatPoints } from '../../shared/format';
import { AdjustPointsMutation } from './queries';

const MAX_POINTS = 1_000_000_000;
const MAX_REASON = 500;

/** The form's own checks, as the service makes them, so that a mistake is named before sending. */
export function checkAdjustment(pointsText: string, reasonText: string): { errors: FieldErrors; points: number; reason: string } {
  const errors: FieldErrors = {};
  const t = pointsText.trim().replace(/^\+/, '');
  const points = /^-?\d+$/.test(t) ? Number(t) : NaN;
  if (t === '') errors.points = 'Enter the points to add (e.g. 250) or remove (e.g. -250).';
  else if (!Number.isInteger(points)) errors.points = 'Points must be a whole number, with a minus sign to remove points.';
  else if (points === 0) errors.points = 'Points must not be 0.';
  else if (Math.abs(points) > MAX_POINTS) errors.points = `At most ${formatPoints(MAX_POINTS)} points at once.`;
  const reason = reasonText.trim();
  if (reason === '') errors.reason = 'Give a reason: it is kept in the points log.';
  else if (reason.length > MAX_REASON) errors.reason = `At most ${MAX_REASON} characters.`;
  return { errors, points, reason };
}

/**
 * An administrator's correction of a member's points with a reason (`adjustPoints`). One
 * idempotency key per attempt: a retry of the same points and reason after a failed request keeps
 * it, so the service books the correction at most once; a changed form or a definite answer starts
 * a new attempt.
 */
export function AdjustPointsForm({ memberId, available, onDone }: { memberId: string; available: number; onDone: () => void }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const attempt = useAttemptKey();
  const [{ fetching }, adjust] = useMutation(AdjustPointsMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setProblem(null);
    const checked = checkAdjustment(points, reason);
    if (checked.points < 0 && -checked.points > available && !checked.errors.points) {
      checked.errors.points = `Only ${formatPoints(Math.max(0, available))} points are available to remove.`;
    }
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    const request = JSON.stringify([memberId, checked.points, checked.reason]);
    const res = await adjust({ input: { idempotencyKey: attempt.keyFor(request), memberId, points: checked.points, reason: checked.reason } });
    if (res.error) {
      // the outcome is unknown: keep the key, so that sending again cannot book it twice
      setProblem(requestProblem(res.error));
      return;
    }
    attempt.done();
    const payload = res.data?.adjustPoints;
    if (!payload) return;
    if (payload.userErrors.length > 0) {
      setErrors(errorsByField(payload.userErrors));
      return;
    }
    setPoints('');
    setReason('');
    setErrors({});
    setDone(
      `${checked.points > 0 ? 'Added' : 'Removed'} ${formatPoints(Math.abs(checked.points))} points. Available now: ${formatPoints(payload.member?.wallet.available)}.`,
    );
    onDone();
  }

  return (
    <form className="adjust stack" aria-labelledby="adjust-heading" onSubmit={submit} noValidate>
      <h2 id="adjust-heading">Adjust points</h2>
      <div className="row">
        <TextField
          label="Points"
          inputMode="numeric"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          error={errors.points}
          hint="A whole number: 250 adds, -250 removes."
          autoComplete="off"
        />
        <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} hint="Kept in the points log, which the member sees too, e.g. “Goodwill: late delivery”." maxLength={MAX_REASON} />
      </div>
      <FormProblems errors={errors} shown={['points', 'reason']} problem={problem} />
      {done && <Notice kind="success">{done}</Notice>}
      <div>
        <button type="submit" className="primary" disabled={fetching}>
          {fetching ? 'Saving…' : 'Adjust points'}
        </button>
      </div>
    </form>
  );
}
