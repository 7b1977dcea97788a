import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { LoyaltyLedgerEntryType } from '../gql/graphql';
import { Notice, requestProblem } from '../shared/forms';
import { formatDateTime, formatPoints } from '../shared/format';

const PortalActivityQuery = graphql(`
  query PortalActivity($first: Int!, $after: String) {
    loyaltyMe {
      id
      activity(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          type
          points
          availableChange
          availableAfter
          reason
          couponCode
          occurredAt
          campaign {
            id
            name
          }
          tier {
            id
            name
          }
        }
      }
    }
  }
`);

const PAGE = 15;

/** What each kind of entry means to a member. */
const WHAT: Record<LoyaltyLedgerEntryType, string> = {
  EARN: 'Earned on a purchase',
  POINTS_AVAILABLE: 'Pending points now spendable',
  BONUS: 'Bonus',
  HOLD: 'Reserved at a till',
  HOLD_CAPTURE: 'Paid with points',
  REDEEM: 'Paid with points',
  HOLD_RELEASE: 'Reservation released',
  HOLD_EXPIRE: 'Reservation expired',
  EXPIRE: 'Points expired',
  RETURN: 'Purchase returned',
  REFUND: 'Points given back',
  ADJUST: 'Adjustment',
  COUPON_ISSUE: 'Spent on a coupon',
  COUPON_VOID: 'Coupon cancelled',
  TIER_CHANGE: 'Level changed',
  MEMBERSHIP_END_DATE_SET: 'Membership end date set',
  MEMBERSHIP_EXPIRED: 'Membership expired',
  MEMBERSHIP_REACTIVATED: 'Membership reactivated',
};

const signed = (n: number) => (n > 0 ? `+${formatPoints(n)}` : formatPoints(n));

/** The points log, newest first, a page at a time (the service's cursors; earlier pages are remembered for "Newer"). */
export function ActivityTab() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [res] = useQuery({ query: PortalActivityQuery, variables: { first: PAGE, after } });
  const activity = res.data?.loyaltyMe?.activity;
  const page = cursors.length;

  return (
    <>
      <h1>Activity</h1>
      {res.error && <Notice kind="error">{requestProblem(res.error)}</Notice>}
      {!activity && !res.error && <p className="muted" role="status">Loading…</p>}
      {activity && activity.totalCount === 0 && <p className="panel muted">Nothing here yet: your points will show up after your first purchase.</p>}
      {activity && activity.nodes.length > 0 && (
        <ol className="panel portal-log" aria-label={`Points log, page ${page}`} aria-busy={res.fetching || undefined}>
          {activity.nodes.map((e) => (
            <li key={e.id}>
              <div className="portal-log-main">
                <div>
                  <div className="portal-log-what">{e.type === 'TIER_CHANGE' && e.tier ? `Level: ${e.tier.name}` : WHAT[e.type]}</div>
                  <div className="muted small">
                    <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                    {e.campaign ? ` · ${e.campaign.name}` : e.reason ? ` · ${e.reason}` : ''}
                  </div>
                </div>
                {e.points !== 0 || e.availableChange !== 0 ? (
                  <div className={`portal-log-points ${e.availableChange < 0 || e.points < 0 ? 'minus' : 'plus'}`}>{signed(e.availableChange !== 0 ? e.availableChange : e.points)}</div>
                ) : null}
              </div>
              <div className="muted small">Balance after: {formatPoints(e.availableAfter)}</div>
            </li>
          ))}
        </ol>
      )}
      {activity && (page > 1 || activity.pageInfo.hasNextPage) && (
        <div className="pager">
          <span className="muted">
            Page {page} · {formatPoints(activity.totalCount)} entries
          </span>
          <button type="button" disabled={page === 1 || res.fetching} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </button>
          <button type="button" disabled={!activity.pageInfo.hasNextPage || res.fetching} onClick={() => setCursors((c) => [...c, activity.pageInfo.endCursor ?? null])}>
            Older
          </button>
        </div>
      )}
    </>
  );
}
