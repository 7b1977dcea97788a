import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import type { Notice } from '../App';
import { SearchMembersQuery } from '../lib/operations';

type Found = { id: string; firstName: string; lastName: string; email?: string | null; phone?: string | null; tier?: { name: string } | null };

/** Identify a member: swipe or scan a card (handled globally), type a card number, or search. */
export function IdentifyPanel({ onCard, onPick, setNotice }: { onCard: (card: string) => void; onPick: (id: string) => void; setNotice: (n: Notice) => void }) {
  const client = useClient();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = search.trim();
    if (!text) return;
    if (/^\d{8,19}$/.test(text.replace(/\s/g, ''))) return onCard(text.replace(/\s/g, ''));
    const r = await client.query(SearchMembersQuery, { search: text }, { requestPolicy: 'network-only' }).toPromise();
    if (r.error) return setNotice({ kind: 'error', text: r.error.networkError ? 'The loyalty service cannot be reached.' : r.error.message });
    setFound(r.data!.loyaltyMembers.nodes);
    if (r.data!.loyaltyMembers.totalCount === 0) setNotice({ kind: 'info', text: `No member matches "${text}".` });
  }

  return (
    <div className="panel identify">
      <h2>Identify the member</h2>
      <p className="hint">Swipe or scan the loyalty card, or search by phone, e-mail, name or card number.</p>
      <form onSubmit={submit}>
        <label htmlFor="member-search">Search (F2)</label>
        <input id="member-search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" placeholder="phone, e-mail, name or card" />
        <button type="submit">Find</button>
      </form>
      {found && (
        <ul className="results" data-testid="search-results">
          {found.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => onPick(m.id)}>
                {m.firstName} {m.lastName} <small>{m.email ?? m.phone} · {m.tier?.name}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
