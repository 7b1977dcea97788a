import { useEffect } from 'react';
import { formatMoney } from '../../shared/money';
import type { SaleState } from '../sale/model';
import { levelDiscounts, saleTotals } from '../sale/model';

interface Props {
  state: SaleState;
  onCode: () => void;
  onManualLine: () => void;
  onCoupon: () => void;
  onRemoveLine: (id: string) => void;
  onRemoveCoupon: (code: string) => void;
  onTender: () => void;
}

/** The sale: scanned or typed lines (↑ ↓ select, + − quantity, Delete voids), coupons validated live, the total. */
export function SalePanel({ state, onCode, onManualLine, onCoupon, onRemoveLine, onRemoveCoupon, onTender }: Props) {
  const { linesTotal, levelDiscount, discount, total } = saleTotals(state);
  const lineDiscounts = levelDiscounts(state);
  const m = (minor: number) => formatMoney(minor, state.currencyCode);
  const manual = state.manualEntry;
  useEffect(() => {
    if (manual) document.getElementById('manual-price')?.focus();
  }, [manual]);
  return (
    <div className="panel sale">
      <h2>Sale</h2>
      <table className="lines" data-testid="sale-lines">
        <thead>
          <tr>
            <th>Item</th>
            <th>Qty</th>
            <th>Price</th>
            <th>Total</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {state.lines.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                Scan products, or type a barcode or SKU (F4)
              </td>
            </tr>
          )}
          {state.lines.flatMap((l, i) => [
            <tr key={l.id} className={l.id === state.selectedLineId ? 'selected' : undefined} data-testid="sale-line" aria-selected={l.id === state.selectedLineId}>
              <td>
                {l.name}
                {l.categoryId && <small> · {l.categoryId}</small>}
              </td>
              <td data-testid="line-qty">{l.quantity}</td>
              <td>{m(l.unitPrice)}</td>
              <td>{m(l.quantity * l.unitPrice)}</td>
              <td>
                <button type="button" className="link" onClick={() => onRemoveLine(l.id)} aria-label={`void ${l.name}`} tabIndex={-1}>
                  ✕
                </button>
              </td>
            </tr>,
            ...(lineDiscounts[i]
              ? [
                  <tr key={`${l.id}-discount`} className="level-discount" data-testid="line-discount">
                    <td colSpan={3}>{lineDiscounts[i].text}</td>
                    <td>−{m(lineDiscounts[i].discountMinor)}</td>
                    <td />
                  </tr>,
                ]
              : []),
          ])}
        </tbody>
      </table>
      {state.coupons.length > 0 && (
        <ul className="applied-coupons" data-testid="applied-coupons">
          {state.coupons.map((c) => (
            <li key={c.code}>
              <code>{c.displayCode}</code> {c.title}
              <button type="button" className="link" onClick={() => onRemoveCoupon(c.code)}>
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="totals">
        {(discount > 0 || levelDiscount > 0) && (
          <div data-testid="sale-subtotal">
            Subtotal {m(linesTotal)}
            {levelDiscount > 0 && ` · level discounts −${m(levelDiscount)}`}
            {discount > 0 && ` · coupons −${m(discount)}`}
          </div>
        )}
        <div className="total" data-testid="sale-total">
          Total {m(total)}
        </div>
      </div>
      <form className="code" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="product-code">Barcode or SKU (F4)</label>
        <input id="product-code" autoComplete="off" inputMode="text" placeholder="then Enter" />
        <button type="button" onClick={onCode}>
          Add
        </button>
      </form>
      {manual && (
        <form className="manual" data-testid="manual-entry" onSubmit={(e) => e.preventDefault()}>
          <span className="hint">
            <code>{manual.code}</code> is in no catalogue:
          </span>
          <label htmlFor="manual-price">Price</label>
          <input id="manual-price" inputMode="decimal" autoComplete="off" />
          <label htmlFor="manual-category">Category</label>
          <input id="manual-category" autoComplete="off" />
          <label htmlFor="manual-qty">Qty</label>
          <input id="manual-qty" inputMode="numeric" autoComplete="off" placeholder="1" />
          <button type="button" onClick={onManualLine}>
            Add line
          </button>
        </form>
      )}
      <form className="coupon" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="coupon-code">Coupon code (F3)</label>
        <input id="coupon-code" autoComplete="off" placeholder="ABCD-EFGH-JKXY" />
        <button type="button" onClick={onCoupon}>
          Check coupon
        </button>
      </form>
      <button type="button" className="primary" onClick={onTender}>
        Tender (F8)
      </button>
    </div>
  );
}
