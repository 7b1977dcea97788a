import { useEffect, useState, type FormEvent } from 'react';
import type { AppliedCoupon, Line } from '../App';
import { formatMoney, parseMoney } from '../lib/tender';

interface Props {
  lines: Line[];
  coupons: AppliedCoupon[];
  currency: string;
  linesTotal: number;
  discount: number;
  total: number;
  manualProduct: string | null;
  onManualDone: () => void;
  onAddLine: (line: Omit<Line, 'id'>) => void;
  onRemoveLine: (id: string) => void;
  onCoupon: (code: string) => void;
  onRemoveCoupon: (code: string) => void;
  onTender: () => void;
}

/** The sale: scanned or hand-entered lines, coupons validated live, the total. */
export function SalePanel(p: Props) {
  const [productId, setProductId] = useState('');
  const [category, setCategory] = useState('');
  const [price, setPrice] = useState('');
  const [qty, setQty] = useState('1');
  const [coupon, setCoupon] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (p.manualProduct) {
      setProductId(p.manualProduct);
      document.getElementById('manual-price')?.focus();
    }
  }, [p.manualProduct]);

  function addLine(e: FormEvent) {
    e.preventDefault();
    const unitPrice = parseMoney(price);
    const quantity = Number(qty);
    if (!productId.trim()) return setError('Enter the product');
    if (unitPrice === null) return setError('Enter the price, e.g. 12.99');
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999) return setError('Quantity must be 1 to 999');
    p.onAddLine({ productId: productId.trim(), name: productId.trim(), categoryId: category.trim() || null, quantity, unitPrice });
    setProductId('');
    setCategory('');
    setPrice('');
    setQty('1');
    setError(null);
    p.onManualDone();
    document.getElementById('manual-product')?.focus();
  }

  function addCoupon(e: FormEvent) {
    e.preventDefault();
    if (coupon.trim()) p.onCoupon(coupon.trim());
    setCoupon('');
  }

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
          {p.lines.length === 0 && (
            <tr>
              <td colSpan={5} className="empty">
                Scan products, or add a line by hand (F4)
              </td>
            </tr>
          )}
          {p.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.name}
                {l.categoryId && <small> · {l.categoryId}</small>}
              </td>
              <td>{l.quantity}</td>
              <td>{formatMoney(l.unitPrice, p.currency)}</td>
              <td>{formatMoney(l.quantity * l.unitPrice, p.currency)}</td>
              <td>
                <button type="button" className="link" onClick={() => p.onRemoveLine(l.id)} aria-label={`remove ${l.name}`}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.coupons.length > 0 && (
        <ul className="applied-coupons" data-testid="applied-coupons">
          {p.coupons.map((c) => (
            <li key={c.code}>
              <code>{c.displayCode}</code> {c.title}
              <button type="button" className="link" onClick={() => p.onRemoveCoupon(c.code)}>
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="totals">
        {p.discount > 0 && (
          <div>
            Subtotal {formatMoney(p.linesTotal, p.currency)} · coupons −{formatMoney(p.discount, p.currency)}
          </div>
        )}
        <div className="total" data-testid="sale-total">
          Total {formatMoney(p.total, p.currency)}
        </div>
      </div>
      <form className="manual" onSubmit={addLine}>
        <label htmlFor="manual-product">Product (F4)</label>
        <input id="manual-product" value={productId} onChange={(e) => setProductId(e.target.value)} autoComplete="off" />
        <label htmlFor="manual-category">Category</label>
        <input id="manual-category" value={category} onChange={(e) => setCategory(e.target.value)} autoComplete="off" />
        <label htmlFor="manual-price">Price</label>
        <input id="manual-price" value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" autoComplete="off" />
        <label htmlFor="manual-qty">Qty</label>
        <input id="manual-qty" value={qty} onChange={(e) => setQty(e.target.value)} inputMode="numeric" autoComplete="off" />
        <button type="submit">Add line</button>
        {error && <span className="field-error">{error}</span>}
      </form>
      <form className="coupon" onSubmit={addCoupon}>
        <label htmlFor="coupon-code">Coupon code (F3)</label>
        <input id="coupon-code" value={coupon} onChange={(e) => setCoupon(e.target.value)} autoComplete="off" placeholder="ABCD-EFGH-JKXY" />
        <button type="submit">Check coupon</button>
      </form>
      <button type="button" className="primary" onClick={p.onTender} disabled={p.lines.length === 0}>
        Tender (F8)
      </button>
    </div>
  );
}
