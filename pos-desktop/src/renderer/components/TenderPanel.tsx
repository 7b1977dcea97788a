import { useEffect, useState } from 'react';
import { formatMoney, toDecimal } from '../../shared/money';
import { cashFigures, pointsCash, pointsMax, quickCashAmounts, saleTotals, type SaleState } from '../sale/model';

interface Props {
  state: SaleState;
  onPointsTyped: (value: string) => void;
  onCashTyped: (value: string) => void;
  onUsePoints: () => void;
  onMaxPoints: () => void;
  onExactCash: () => void;
  onComplete: () => void;
  onAbandon: () => void;
}

function useSecondsLeft(expiresAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [expiresAt]);
  return expiresAt ? Math.max(0, Math.round((Date.parse(expiresAt) - now) / 1000)) : null;
}

/** Split the tender: points (held on the server first), then cash for the rest with change from cash only. */
export function TenderPanel({ state, onPointsTyped, onCashTyped, onUsePoints, onMaxPoints, onExactCash, onComplete, onAbandon }: Props) {
  const t = state.tender;
  const m = (minor: number) => formatMoney(minor, state.currencyCode);
  const { total } = saleTotals(state);
  const f = cashFigures(state);
  const typed = /^\d{1,9}$/.test(t.pointsText) ? Number(t.pointsText) : 0;
  const secondsLeft = useSecondsLeft(t.hold?.expiresAt ?? null);
  const min = state.programme?.minRedeemPoints ?? 0;
  const quick = quickCashAmounts(f.cashDue, state.currencyCode);
  const cashValue = t.cash.mode === 'exact' ? toDecimal(f.cashDue, state.currencyCode) : t.cash.text;
  return (
    <div className="panel tender">
      <h2>Tender</h2>
      <div className="total big" data-testid="tender-total">
        To pay {m(total)}
      </div>
      {state.member ? (
        <form onSubmit={(e) => e.preventDefault()} className="points-form">
          <label htmlFor="points">
            Points to use (max {pointsMax(state)}
            {min > 1 ? `, at least ${min}` : ''})
          </label>
          <input id="points" inputMode="numeric" className={t.pointsFresh ? 'fresh' : undefined} value={t.pointsText} placeholder="0" onChange={(e) => onPointsTyped(e.target.value)} autoFocus autoComplete="off" />
          <span className="equiv" data-testid="points-equiv">= {m(pointsCash(state, typed))}</span>
          <button type="button" onClick={onMaxPoints}>
            Maximum (F9)
          </button>
          <button type="button" onClick={onUsePoints} disabled={state.busy !== null}>
            {t.hold ? 'Change points' : 'Use points'} (Enter)
          </button>
        </form>
      ) : (
        <p className="hint">No member identified: cash only.</p>
      )}
      {t.hold && (
        <div className="hold" data-testid="hold">
          {t.hold.points} points held = {m(t.hold.cashMinor)}
          {secondsLeft != null && <small> (hold expires in {secondsLeft}s)</small>}
        </div>
      )}
      <form onSubmit={(e) => e.preventDefault()} className="cash-form">
        <div className="due" data-testid="cash-due">
          Cash due {m(f.cashDue)}
        </div>
        <label htmlFor="cash">Cash given</label>
        <input id="cash" inputMode="decimal" value={cashValue} onChange={(e) => onCashTyped(e.target.value)} autoComplete="off" className={t.cash.mode === 'exact' ? 'exact' : undefined} />
        {t.cash.mode === 'exact' && <span className="badge">exact</span>}
        <div className="quick" data-testid="quick-cash">
          <button type="button" onClick={onExactCash}>
            Exact (F7)
          </button>
          <span className="hint">↑ ↓ notes: {quick.map((q) => m(q)).join(' · ')}</span>
        </div>
        {!f.given.ok && <div className="field-error">{f.given.message}</div>}
        <div className="change" data-testid="change-due">
          Change {m(f.change)}
        </div>
        <button type="button" className="primary" onClick={onComplete}>
          Complete sale (F10)
        </button>
        <button type="button" onClick={onAbandon}>
          Abandon (Esc)
        </button>
      </form>
    </div>
  );
}
