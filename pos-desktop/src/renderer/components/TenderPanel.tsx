import type { FormEvent } from 'react';
import type { Hold } from '../App';
import type { MemberPanelFieldsFragment } from '../gql/graphql';
import { formatMoney, type CashTender } from '../lib/tender';

interface Props {
  currency: string;
  total: number;
  member: MemberPanelFieldsFragment | null;
  pointsMax: number;
  minPoints: number;
  pointsText: string;
  setPointsText: (v: string) => void;
  onHold: () => void;
  hold: Hold | null;
  holdSecondsLeft: number | null;
  cashText: string;
  setCashText: (v: string) => void;
  tender: CashTender;
  busy: boolean;
  onComplete: () => void;
  onAbandon: () => void;
  toCash: (points: number) => number;
}

/** Split the tender: points (held on the server first), then cash for the rest with change from cash only. */
export function TenderPanel(p: Props) {
  const points = Number(p.pointsText || '0');
  function submitPoints(e: FormEvent) {
    e.preventDefault();
    p.onHold();
  }
  function submitCash(e: FormEvent) {
    e.preventDefault();
    p.onComplete();
  }
  return (
    <div className="panel tender">
      <h2>Tender</h2>
      <div className="total big" data-testid="tender-total">
        To pay {formatMoney(p.total, p.currency)}
      </div>
      {p.member ? (
        <form onSubmit={submitPoints} className="points-form">
          <label htmlFor="points">
            Points to use (max {p.pointsMax}
            {p.minPoints > 1 ? `, at least ${p.minPoints}` : ''})
          </label>
          <input id="points" inputMode="numeric" value={p.pointsText} onChange={(e) => p.setPointsText(e.target.value.replace(/\D/g, ''))} autoFocus />
          <span className="equiv" data-testid="points-equiv">= {formatMoney(Number.isFinite(points) ? p.toCash(points) : 0, p.currency)}</span>
          <button type="button" onClick={() => p.setPointsText(String(p.pointsMax))}>
            Maximum (F9)
          </button>
          <button type="submit" disabled={p.busy}>
            {p.hold ? 'Change points' : 'Use points'} (Enter)
          </button>
        </form>
      ) : (
        <p className="hint">No member identified: cash only.</p>
      )}
      {p.hold && (
        <div className="hold" data-testid="hold">
          {p.hold.points} points held = {formatMoney(p.hold.cashMinor, p.currency)}
          {p.holdSecondsLeft != null && <small> (hold expires in {p.holdSecondsLeft}s)</small>}
        </div>
      )}
      <form onSubmit={submitCash} className="cash-form">
        <div className="due" data-testid="cash-due">
          Cash due {formatMoney(p.tender.cashDue, p.currency)}
        </div>
        <label htmlFor="cash">Cash given</label>
        <input id="cash" inputMode="decimal" value={p.cashText} onChange={(e) => p.setCashText(e.target.value)} autoComplete="off" />
        <div className="change" data-testid="change-due">
          Change {formatMoney(p.tender.change, p.currency)}
        </div>
        <button type="submit" className="primary" disabled={p.busy || !p.tender.covered}>
          Complete sale (F10)
        </button>
        <button type="button" onClick={p.onAbandon} disabled={p.busy}>
          Abandon (Esc)
        </button>
      </form>
    </div>
  );
}
