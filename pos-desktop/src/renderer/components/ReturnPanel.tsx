import { useEffect } from 'react';
import { formatMoney } from '../../shared/money';
import { returnFigures, type SaleState } from '../sale/model';

/** A return: find the sale (receipt barcode or typed id), pick lines and quantities, then the outcome. */
export function ReturnPanel({ state, onFind, onConfirm }: { state: SaleState; onFind: () => void; onConfirm: () => void }) {
  const r = state.ret;
  const m = (minor: number) => formatMoney(minor, state.currencyCode);
  const phase = r?.phase;
  useEffect(() => {
    // Out of the sale id field once the sale is found, so + and - pick quantities.
    if (phase !== 'find' && document.activeElement instanceof HTMLInputElement) document.activeElement.blur();
  }, [phase]);
  if (!r) return null;
  const figures = returnFigures(r, 0, state.programme);
  return (
    <div className="panel return" data-testid="return">
      <h2>Return{r.saleId ? ` of sale ${r.saleId}` : ''}</h2>
      {r.phase === 'find' && (
        <form onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="return-sale">Receipt barcode or sale id</label>
          <input id="return-sale" autoFocus autoComplete="off" placeholder="scan the receipt" />
          <button type="button" onClick={onFind}>
            Find sale
          </button>
        </form>
      )}
      {r.phase !== 'find' && (
        <>
          <table className="lines" data-testid="return-lines">
            <thead>
              <tr>
                <th>Item</th>
                <th>Sold</th>
                <th>Can return</th>
                <th>Returning</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {r.lines.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">
                    Scan the products that come back
                  </td>
                </tr>
              )}
              {r.lines.map((l, i) => (
                <tr key={l.productId} className={i === r.selected && r.phase === 'pick' ? 'selected' : undefined} data-testid="return-line">
                  <td>{l.name}</td>
                  <td>{l.sold ?? '?'}</td>
                  <td>{l.returnable ?? '?'}</td>
                  <td data-testid="return-qty">{l.quantity}</td>
                  <td>{m(l.quantity * l.unitPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.phase === 'pick' && (
            <>
              <p className="total">Goods coming back {m(figures.returnedValue)}</p>
              <button type="button" className="primary" onClick={onConfirm}>
                Return (F10)
              </button>
            </>
          )}
        </>
      )}
      {r.phase === 'done' && r.result && (
        <dl className="return-result" data-testid="return-result">
          <dt>Refund in cash</dt>
          <dd data-testid="return-refund">{m(r.result.refundCash)}</dd>
          {r.result.withPoints ? (
            <>
              <dt>Points taken back</dt>
              <dd data-testid="return-points-reversed">{r.result.pointsReversed}</dd>
              {r.result.pointsClawedBack > 0 && (
                <>
                  <dt>Of them owed (already spent)</dt>
                  <dd>{r.result.pointsClawedBack}</dd>
                </>
              )}
              <dt>Points given back</dt>
              <dd data-testid="return-points-refunded">{r.result.pointsRefunded}</dd>
              {r.result.couponsRestored.length > 0 && (
                <>
                  <dt>Coupons usable again</dt>
                  <dd data-testid="return-coupons">{r.result.couponsRestored.join(', ')}</dd>
                </>
              )}
              {r.result.balanceAfter !== null && (
                <>
                  <dt>Points balance</dt>
                  <dd data-testid="return-balance">{r.result.balanceAfter}</dd>
                </>
              )}
            </>
          ) : (
            <>
              <dt>Loyalty</dt>
              <dd>no member on this sale: no points</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
