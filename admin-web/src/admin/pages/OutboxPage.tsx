import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ConsoleOutboxQuery, LoyaltyOutboxStatus } from '../../gql/graphql';
import { Notice, requestProblem, SelectField } from '../../shared/forms';
import { formatDateTime } from '../../shared/format';
import { Link } from '../../shared/router';
import '../programme/programme.css';

const OutboxQuery = graphql(`
  query ConsoleOutbox($status: LoyaltyOutboxStatus, $first: Int!, $withFailed: Boolean!) {
    failed: loyaltyOutboxMessages(status: FAILED, first: $first) @include(if: $withFailed) {
      ...ConsoleOutboxRow
    }
    messages: loyaltyOutboxMessages(status: $status, first: $first) {
      ...ConsoleOutboxRow
    }
  }
  fragment ConsoleOutboxRow on LoyaltyOutboxMessage {
    id
    memberId
    channel
    recipient
    subject
    template
    status
    attempts
    lastError
    lockedUntil
    createdAt
    sentAt
  }
`);

type Row = ConsoleOutboxQuery['messages'][number];

/** The API lists at most 100 of the newest messages per status (no cursor). */
const PAGE = 25;
const MAX = 100;

const BADGE: Record<string, string> = { FAILED: 'bad', PENDING: 'warn', SENDING: 'warn', SENT: 'ok' };
const LABEL: Record<string, string> = { FAILED: 'Failed', PENDING: 'Pending', SENDING: 'Sending', SENT: 'Sent' };

/** Outbox (#/outbox): outbound e-mails and SMS with their delivery, failures first. */
export function OutboxPage() {
  const [status, setStatus] = useState<LoyaltyOutboxStatus | ''>('');
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({ query: OutboxQuery, variables: { status: status || null, first, withFailed: status === '' } });

  // all statuses: the failed ones first, then the rest, newest first
  const rows: Row[] = data ? [...(data.failed ?? []), ...data.messages.filter((m) => status !== '' || m.status !== 'FAILED')] : [];
  const more = data && (data.messages.length >= first || (data.failed?.length ?? 0) >= first) && first < MAX;

  return (
    <div>
      <div className="toolbar">
        <h1>Outbox</h1>
        <div className="row">
          <SelectField
            label="Status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as LoyaltyOutboxStatus | '');
              setFirst(PAGE);
            }}
          >
            <option value="">All (failed first)</option>
            <option value="FAILED">Failed</option>
            <option value="PENDING">Pending</option>
            <option value="SENDING">Sending</option>
            <option value="SENT">Sent</option>
          </SelectField>
          <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })} disabled={fetching}>
            {fetching ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      <p className="muted">E-mails and text messages waiting, sent or given up on. Failed messages have used all their attempts; pending ones are retried after the time shown.</p>
      <section className="panel" aria-label="Messages">
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        {fetching && !data ? (
          <p className="muted">Loading messages…</p>
        ) : rows.length === 0 ? (
          <p className="muted">{status ? `No ${LABEL[status]!.toLowerCase()} messages.` : 'The outbox is empty: no e-mail or SMS has been written yet.'}</p>
        ) : (
          <table>
            <caption className="sr-only">Outbox messages{status ? `, ${LABEL[status]}` : ', failed first, then newest first'}</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">To</th>
                <th scope="col">Message</th>
                <th scope="col" className="num">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Written</th>
                <th scope="col">Sent / next try</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <span className={`badge ${BADGE[m.status] ?? ''}`}>{LABEL[m.status] ?? m.status}</span>
                  </td>
                  <td>
                    <div>{m.recipient}</div>
                    <div className="muted">
                      {m.channel === 'EMAIL' ? 'E-mail' : m.channel}
                      {m.memberId && (
                        <>
                          {' · '}
                          <Link to={`/members/${m.memberId}`}>member</Link>
                        </>
                      )}
                    </div>
                  </td>
                  <td>
                    <div>{m.subject}</div>
                    <div className="muted">{m.template}</div>
                  </td>
                  <td className="num">{m.attempts}</td>
                  <td>{m.lastError ? <span className="error-text">{m.lastError}</span> : <span className="muted">–</span>}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.sentAt ? formatDateTime(m.sentAt) : m.lockedUntil ? formatDateTime(m.lockedUntil) : <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="pager">
          <span className="muted">
            {rows.length} message{rows.length === 1 ? '' : 's'} shown{first >= MAX ? ' (the newest 100 per status; the service lists no more)' : ''}
          </span>
          {more && (
            <button type="button" onClick={() => setFirst(Math.min(MAX, first + PAGE))} disabled={fetching}>
              Show more
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
