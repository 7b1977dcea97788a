/**
 * This till's own recent sales, kept for returns: what a receipt's sale id had (lines, prices,
 * member, points paid), so a return picks from the sale instead of re-scanning it. The loyalty
 * service stays the truth for points; the journal only knows what this till sold. Storage is an
 * adapter (localStorage in the renderer, in Electron and in browser mode alike).
 */
import type { JournalSale } from './model';

export interface JournalStorage {
  load(): JournalSale[];
  save(sales: JournalSale[]): void;
}

/** How many sales are kept (the oldest go first). */
export const JOURNAL_SIZE = 500;

export class SaleJournal {
  constructor(private readonly storage: JournalStorage) {}

  private read(): JournalSale[] {
    try {
      const sales = this.storage.load();
      return Array.isArray(sales) ? sales : [];
    } catch {
      return [];
    }
  }

  find(saleId: string): JournalSale | null {
    return this.read().find((s) => s.saleId === saleId) ?? null;
  }

  record(sale: JournalSale): void {
    const rest = this.read().filter((s) => s.saleId !== sale.saleId);
    this.storage.save([...rest, sale].slice(-JOURNAL_SIZE));
  }

  /** Adds what came back to the sale's lines (first line of a product first). */
  recordReturn(saleId: string, lines: { productId: string; quantity: number; unitPrice: number }[]): void {
    const sales = this.read();
    const sale = sales.find((s) => s.saleId === saleId);
    if (!sale) return;
    for (const r of lines) {
      let left = r.quantity;
      for (const l of sale.lines) {
        if (left === 0) break;
        if (l.productId !== r.productId) continue;
        const take = Math.min(left, l.quantity - l.returned);
        l.returned += take;
        left -= take;
      }
      sale.returnedValue += r.quantity * r.unitPrice;
    }
    this.storage.save(sales);
  }
}

/** In memory, for tests and when the browser refuses storage. */
export function memoryJournalStorage(): JournalStorage & { sales: JournalSale[] } {
  const box = { sales: [] as JournalSale[] };
  return Object.assign(box, { load: () => structuredClone(box.sales), save: (s: JournalSale[]) => void (box.sales = structuredClone(s)) });
}
