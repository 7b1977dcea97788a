import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { ConsoleMembersTableQuery, LoyaltyMemberSort } from '../../gql/graphql';
import { Notice, requestProblem, SelectField, TextField } from '../../shared/forms';
import { formatDate, formatPoints } from '../../shared/format';
import { Link } from '../../shared/router';
import { MembersTableQuery } from '../members/queries';
import { StatusBadge } from '../members/badges';
import '../members/members.css';

type Row = ConsoleMembersTableQuery['loyaltyMembers']['nodes'][number];

const PAGE_SIZES = [10, 20, 50, 100];
const SEARCH_DELAY_MS = 300;

/** The table's sorting (TanStack's state) as the service's sort: only these columns sort. */
function sortOf(sorting: SortingState): LoyaltyMemberSort {
  const s = sorting[0];
  if (s?.id === 'name') return 'NAME';
  if (s?.id === 'enrolledAt' && !s.desc) return 'OLDEST';
  return 'NEWEST';
}

/** The search text, settled: `delay` ms after the last keystroke. */
function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(t);
  }, [value, delay]);
  return settled;
}

const column = createColumnHelper<Row>();
const columns = [
  column.accessor((m) => `${m.lastName}, ${m.firstName}`, {
    id: 'name',
    header: 'Name',
    enableSorting: true,
    sortDescFirst: false,
    cell: ({ row }) => (
      <Link to={`/members/${encodeURIComponent(row.original.id)}`}>
        {row.original.firstName} {row.original.lastName}
      </Link>
    ),
  }),
  column.accessor('email', { header: 'E-mail', enableSorting: false, cell: (c) => c.getValue() ?? <span className="muted">none</span> }),
  column.accessor((m) => m.tier?.name ?? null, { id: 'level', header: 'Level', enableSorting: false, cell: (c) => c.getValue() ?? <span className="muted">none</span> }),
  column.accessor((m) => m.wallet.available, { id: 'available', header: 'Available points', enableSorting: false, meta: { num: true }, cell: (c) => formatPoints(c.getValue()) }),
  column.accessor('status', { header: 'Status', enableSorting: false, cell: (c) => <StatusBadge status={c.getValue()} /> }),
  column.accessor('enrolledAt', { header: 'Enrolled', enableSorting: true, sortDescFirst: true, cell: (c) => formatDate(c.getValue() as string) }),
];

/**
 * The members table: the whole list newest first (or oldest first, or by name), or a search by
 * name, e-mail, phone or card; pages follow the service's cursors, with a stack of them for
 * "Previous". Sorting and paging happen on the server (TanStack Table in manual mode).
 */
export function MembersPage() {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const [pageSize, setPageSize] = useState(20);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'enrolledAt', desc: true }]);
  const searching = search !== '';
  const sort = sortOf(sorting);
  // The cursors of the pages before this one, for "Previous" (the last is this page's `after`);
  // kept for one listing: a new search, sort or page size starts again at the first page.
  const listing = JSON.stringify([search, searching ? null : sort, pageSize]);
  const [stack, setStack] = useState<{ listing: string; cursors: string[] }>({ listing, cursors: [] });
  const cursors = stack.listing === listing ? stack.cursors : [];
  const setCursors = (f: (c: string[]) => string[]) => setStack({ listing, cursors: f(cursors) });

  const after = cursors.at(-1) ?? null;
  const [{ data, fetching, error }] = useQuery({
    query: MembersTableQuery,
    variables: { first: pageSize, after, search: searching ? search : null, sort: searching ? null : sort },
  });
  const conn = data?.loyaltyMembers;
  const rows = useMemo(() => conn?.nodes ?? [], [conn]);

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => m.id,
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableSorting: !searching,
    state: { sorting },
    onSortingChange: setSorting,
    rowCount: conn?.totalCount ?? -1,
  });

  const pageNumber = cursors.length + 1;
  const first = (pageNumber - 1) * pageSize + 1;
  const total = conn ? `${conn.totalCountIsEstimate ? 'about ' : ''}${formatPoints(conn.totalCount)}` : '';
  const sortLabel = sort === 'NAME' ? 'by surname, A to Z' : sort === 'OLDEST' ? 'oldest enrolment first' : 'newest enrolment first';

  return (
    <div className="members">
      <h1>Members</h1>
      <section className="panel" aria-label="Find members">
        <div className="row">
          <div className="members-search">
            <TextField
              label="Search members"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              hint="Matches the start of a given name or surname (“oli smi”), the start of an e-mail address, the last 4 or more digits of a phone number, or a card number."
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <SelectField label="Members per page" value={pageSize} onChange={(e) => setPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading" className="sr-only">
          Member list
        </h2>
        <p className="muted" aria-live="polite">
          {conn
            ? conn.totalCount === 0
              ? searching
                ? `No member matches “${search}”.`
                : 'No members yet.'
              : `${rows.length ? `${formatPoints(first)}–${formatPoints(first + rows.length - 1)} of ` : ''}${total}${searching ? ' matching' : ''} members, ${searching ? 'listed by how they match (card, then name, address or phone)' : sortLabel}.`
            : fetching
              ? 'Loading members…'
              : ''}
        </p>
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        <div className="table-scroll">
          <table aria-busy={fetching || undefined}>
            <caption className="sr-only">Members{searching ? ` matching ${search}` : `, ${sortLabel}`}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const num = (header.column.columnDef.meta as { num?: boolean } | undefined)?.num;
                    const label = flexRender(header.column.columnDef.header, header.getContext());
                    return (
                      <th key={header.id} scope="col" className={num ? 'num' : undefined} aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}>
                        {header.column.getCanSort() ? (
                          <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()} title={`Sort by ${header.column.columnDef.header as string}`}>
                            {label} <span aria-hidden="true">{sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : '↕'}</span>
                          </button>
                        ) : (
                          label
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={(cell.column.columnDef.meta as { num?: boolean } | undefined)?.num ? 'num' : undefined}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
              {!conn && fetching && (
                <tr>
                  <td colSpan={columns.length} className="muted">
                    Loading…
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {searching && <p className="muted">Sorting applies to the whole list; a search lists its matches in its own order.</p>}
        <div className="pager" role="navigation" aria-label="Member pages">
          <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 0 || fetching}>
            Previous page
          </button>
          <span>Page {pageNumber}</span>
          <button
            type="button"
            onClick={() => conn?.pageInfo.endCursor && setCursors((c) => [...c, conn.pageInfo.endCursor!])}
            disabled={!conn?.pageInfo.hasNextPage || fetching}
          >
            Next page
          </button>
        </div>
      </section>
    </div>
  );
}
