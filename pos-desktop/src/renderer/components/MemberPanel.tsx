import type { MemberPanelFieldsFragment } from '../gql/graphql';
import { formatMoney } from '../../shared/money';

/** A challenge's progress or target as the cashier reads it: money for spend goals, a count otherwise. */
function challengeFigure(kind: string, n: number, currency: string): string {
  return kind === 'SPEND' ? formatMoney(n, currency) : String(n);
}

/** Who the sale is for: tier and progress, points by state and their cash value, coupons, what expires soon. */
export function MemberPanel({ member, currency, onClear }: { member: MemberPanelFieldsFragment; currency: string; onClear?: (() => void) | undefined }) {
  const w = member.wallet;
  const p = member.tierProgress;
  const progress = p.nextTier && p.pointsToNextTier != null ? Math.round((100 * p.tierPoints) / (p.tierPoints + p.pointsToNextTier)) : 100;
  return (
    <div className="panel member" data-testid="member-panel">
      <h2>
        {member.firstName} {member.lastName}
        {member.status !== 'ACTIVE' && <span className="badge warn">{member.status.toLowerCase()}</span>}
      </h2>
      <div className="tier">
        <span className="badge tier-badge">{member.tier?.name ?? 'No tier'}</span>
        {p.nextTier ? (
          <span>
            {p.pointsToNextTier} points to {p.nextTier.name}
          </span>
        ) : (
          <span>Top tier</span>
        )}
        <div className="progress" aria-label="tier progress">
          <div style={{ width: `${progress}%` }} />
        </div>
      </div>
      <dl className="points">
        <dt>Available</dt>
        <dd data-testid="points-available">{w.available}</dd>
        <dt>Worth</dt>
        <dd data-testid="points-value">{formatMoney(w.cashValue.amount, currency)}</dd>
        <dt>Pending</dt>
        <dd data-testid="points-pending">{w.pending}</dd>
        <dt>Held</dt>
        <dd data-testid="points-held">{w.held}</dd>
      </dl>
      {w.expiring.length > 0 && (
        <p className="expiring">
          {w.expiring[0]!.points} points expire on {w.expiring[0]!.expiresAt.slice(0, 10)}
        </p>
      )}
      {member.coupons.length > 0 && (
        <div className="coupons">
          <h3>Coupons</h3>
          <ul>
            {member.coupons.map((c) => (
              <li key={c.code}>
                <code>{c.displayCode}</code> {c.title} <small>until {c.expiresAt.slice(0, 10)}</small>
              </li>
            ))}
          </ul>
        </div>
      )}
      {member.challenges.length > 0 && (
        <div className="challenges" data-testid="challenges">
          <h3>Challenges</h3>
          <ul>
            {member.challenges.map((c) => (
              <li key={c.challenge.code} data-testid="challenge">
                <span>{c.challenge.name}</span>{' '}
                <small data-testid="challenge-progress">
                  {c.completed ? 'completed' : `${challengeFigure(c.challenge.goal.kind, c.progress, currency)} of ${challengeFigure(c.challenge.goal.kind, c.target, currency)}`}
                </small>
                <div className="progress" aria-label={`${c.challenge.name} progress`}>
                  <div style={{ width: `${c.percent}%` }} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {onClear && (
        <button type="button" className="link" onClick={onClear}>
          Not this member
        </button>
      )}
    </div>
  );
}
