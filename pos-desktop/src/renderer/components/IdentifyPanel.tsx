import { useRef } from 'react';
import type { SearchState } from '../sale/model';

/** Identify a member: swipe or scan a card (handled globally), type a card number, or search (paged). */
export function IdentifyPanel({ search, onSearch, onMore, onPick }: { search: SearchState | null; onSearch: (text: string) => void; onMore: () => void; onPick: (id: string) => void }) {
  const field = useRef<HTMLInputElement>(null);
  return (
    <div className="panel identify">
      <h2>Identify the member</h2>
      <p className="hint">Swipe or scan the loyalty card, or search by phone, e-mail, name or card number.</p>
      <form onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="member-search">Search (F2)</label>
        <input id="member-search" ref={field} autoComplete="off" placeholder="phone, e-mail, name or card" />
        <button type="button" onClick={() => onSearch(field.current?.value ?? '')}>
          Find
        </button>
      </form>
      {search && search.results.length > 0 && (
        <>
          <ul className="results" data-testid="search-results">
            {search.results.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => onPick(m.id)}>
                  {m.firstName} {m.lastName} <small>{m.email ?? m.phone} · {m.tier?.name}</small>
                </button>
              </li>
            ))}
          </ul>
          <p className="hint" data-testid="search-count">
            {search.results.length} of {search.total}
            {search.hasMore && (
              <button type="button" className="link" onClick={onMore}>
                more (PageDown)
              </button>
            )}
          </p>
        </>
      )}
    </div>
  );
}
