import { useMemo } from 'react';
import { receiptRows, type ReceiptDoc } from '../../shared/receipt';
import { barcodeSvg } from '../lib/receipt-html';

/** The receipt on screen, row for row what the printer prints, with the sale's barcode for returns. */
export function ReceiptPanel({ receipt, onPrint, onNewSale }: { receipt: ReceiptDoc; onPrint: () => void; onNewSale: () => void }) {
  const rows = useMemo(() => receiptRows(receipt), [receipt]);
  return (
    <div className="panel receipt" data-testid="receipt">
      <div className="paper">
        {rows.map((row, i) => {
          switch (row.kind) {
            case 'title':
              return (
                <h2 key={i} className="store" data-testid="receipt-store">
                  {row.text}
                </h2>
              );
            case 'center':
              return (
                <p key={i} className="c">
                  {row.text}
                </p>
              );
            case 'rule':
              return <hr key={i} />;
            case 'text':
              return (
                <p key={i} data-testid={row.testId}>
                  {row.text}
                </p>
              );
            case 'pair':
              return (
                <p key={i} className={`pair${row.strong ? ' strong' : ''}`} data-testid={row.testId}>
                  <span>{row.left}</span>
                  <span className="num">{row.right}</span>
                </p>
              );
            case 'barcode':
              return (
                <div key={i} className="c barcode">
                  <img data-testid="sale-barcode" data-payload={row.data} alt={`barcode ${row.data}`} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(barcodeSvg(row.data))}`} />
                  <p className="c" data-testid="receipt-sale-id">
                    {row.text}
                  </p>
                </div>
              );
          }
        })}
      </div>
      <button type="button" onClick={onPrint}>
        Print (Ctrl+P)
      </button>
      <button type="button" className="primary" onClick={onNewSale}>
        New sale (F6)
      </button>
    </div>
  );
}
