import type { AppliedCoupon, Line } from '../App';
import { formatMoney } from '../lib/tender';

export interface Receipt {
  saleId: string;
  storeId: string;
  tillId: string;
  at: string;
  lines: Line[];
  coupons: AppliedCoupon[];
  linesTotal: number;
  discount: number;
  total: number;
  currency: string;
  pointsUsed: number;
  pointsCash: number;
  cashDue: number;
  cashGiven: number;
  change: number;
  /** Null when no member, or when the earn is queued offline. */
  pointsEarned: number | null;
  earnQueued: boolean;
  member: string | null;
  balance: number | null;
}

function rows(r: Receipt): [string, string][] {
  const m = (v: number) => formatMoney(v, r.currency);
  const out: [string, string][] = r.lines.map((l) => [`${l.quantity} × ${l.name}`, m(l.quantity * l.unitPrice)]);
  if (r.discount) out.push(['Coupons', `−${m(r.discount)}`]);
  out.push(['Total', m(r.total)]);
  if (r.pointsUsed) out.push([`Paid with ${r.pointsUsed} points`, m(r.pointsCash)]);
  out.push(['Cash', m(r.cashGiven)], ['Change', m(r.change)]);
  if (r.member) {
    out.push(['Member', r.member]);
    out.push(['Points earned', r.earnQueued ? 'credited when back online' : String(r.pointsEarned ?? 0)]);
    if (r.balance !== null) out.push(['Points balance', String(r.balance)]);
  }
  return out;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained printable receipt (no scripts, no external resources). */
export function receiptHtml(r: Receipt): string {
  const body = rows(r).map(([k, v]) => `<tr><td>${escape(k)}</td><td style="text-align:right">${escape(v)}</td></tr>`).join('');
  return `<!doctype html><meta charset="utf-8"><title>Receipt ${escape(r.saleId)}</title><body style="font:14px monospace;width:300px"><h3>${escape(r.storeId)} / ${escape(r.tillId)}</h3><p>${escape(r.at.slice(0, 19).replace('T', ' '))}<br>Sale ${escape(r.saleId)}</p><table style="width:100%">${body}</table></body>`;
}

export function ReceiptPanel({ receipt, onPrint, onNewSale }: { receipt: Receipt; onPrint: () => void; onNewSale: () => void }) {
  return (
    <div className="panel receipt" data-testid="receipt">
      <h2>Receipt</h2>
      <table>
        <tbody>
          {rows(receipt).map(([k, v]) => (
            <tr key={k}>
              <td>{k}</td>
              <td className="num">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onPrint}>
        Print (Ctrl+P)
      </button>
      <button type="button" className="primary" onClick={onNewSale}>
        New sale (F6)
      </button>
    </div>
  );
}
