import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { Notice, requestProblem } from '../../shared/forms';
import { formatDateTime, formatPoints } from '../../shared/format';
import { MemberActivityQuery } from './queries';

const PAGE = 10;

const TYPE_LABEL: Record<string, string> = {
  EARN: 'Earned',
  POINTS_AVAILABLE: 'Became available',
  BONUS: 'Bonus',
  HOLD: 'Held',
  HOLD_CAPTURE: 'Spent (hold)',
  REDEEM: 'Spent',
  HOLD_RELEASE: 'Hold released',
  HOLD_EXPIRE: 'Hold expired',
  EXPIRE: 'Expired',
  RETURN: 'Return',
  REFUND: 'Refund',
  ADJUST: 'Adjustment',
  COUPON_ISSUE: 'Coupon',
  COUPON_VOID: 'Coupon voided',
  TIER_CHANGE: 'Level change',
  MEMBERSHIP_END_DATE_SET: 'Membership end set',
  MEMBERSHIP_EXPIRED: 'Membership expired',
  MEMBERSHIP_REACTIVATED: 'Membership reactivated',
};

const signed = (n: number) => (n > 0 ? `+${formatPoints(n)}` : formatPoints(n));

/** The points log, newest first, with a stack of cursors for "Newer". `version` refetches it. */
export function ActivityLog({ memberId, version }: { memberId: string; version: number }) {
  const [stack, setStack] = useState<{ version: number; cursors: string[] }>({ version, cursors: [] });
  // a change (an adjustment) shows the newest entries again
  const cursors = stack.version === version ? stack.cursors : [];
  const after = cursors.at(-1) ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberActivityQuery, variables: { id: memberId, first: PAGE, after } });
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    refetch({ requestPolicy: 'network-only' });
  }, [version, refetch]);
  const conn = data?.loyaltyMember?.activity;
  return (
    <section className="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">Points log</h2>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {!conn && fetching && <p className="muted">Loading the points log…</p>}
      {conn && conn.nodes.length === 0 && <p className="muted">No points activity yet.</p>}
      {conn && conn.nodes.length > 0 && (
        <div className="table-scroll">
          <table aria-busy={fetching || undefined}>
            <caption className="sr-only">Points log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col" className="num">
                  Points
                </th>
                <th scope="col" className="num">
                  Available after
                </th>
                <th scope="col">Reason or reference</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {conn.nodes.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.occurredAt)}</td>
                  <td>{TYPE_LABEL[e.type] ?? e.type}</td>
                  <td className={`num ${e.points > 0 ? 'points-plus' : e.points < 0 ? 'points-minus' : ''}`}>{signed(e.points)}</td>
                  <td className="num">{formatPoints(e.availableAfter)}</td>
                  <td>{e.reason ?? [e.saleId && `sale ${e.saleId}`, e.couponCode && `coupon ${e.couponCode}`, e.channel].filter(Boolean).join(', ') ?? ''}</td>
                  <td>{e.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conn && (
        <div className="pager" role="navigation" aria-label="Points log pages">
          <span className="muted">
            {formatPoints(cursors.length * PAGE + (conn.nodes.length ? 1 : 0))}–{formatPoints(cursors.length * PAGE + conn.nodes.length)} of {formatPoints(conn.totalCount)}
          </span>
          <button type="button" disabled={cursors.length === 0 || fetching} onClick={() => setStack({ version, cursors: cursors.slice(0, -1) })}>
            Newer entries
          </button>
          <button
            type="button"
            disabled={!conn.pageInfo.hasNextPage || fetching}
            onClick={() => conn.pageInfo.endCursor && setStack({ version, cursors: [...cursors, conn.pageInfo.endCursor] })}
          >
            Older entries
          </button>
        </div>
      )}
    </section>
  );
}
