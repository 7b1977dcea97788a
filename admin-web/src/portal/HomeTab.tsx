import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Notice, requestProblem } from '../shared/forms';
import { formatDate, formatMoney, formatPoints } from '../shared/format';
import { Link } from '../shared/router';
import { usePortal } from './context';

const PortalHomeQuery = graphql(`
  query PortalHome {
    loyaltyProgramme {
      currencyCode
    }
    loyaltyMe {
      id
      wallet {
        available
        pending
        held
        cashValue {
          amount
          currencyCode
        }
        expiring {
          points
          expiresAt
        }
      }
      tier {
        id
        name
      }
      tierProgress {
        qualificationBasis
        qualifyingValue
        toNextTier
        nextTierBy
        nextTier {
          id
          name
        }
      }
      inbox(first: 1) {
        unreadCount
      }
      coupons(first: 100, status: ACTIVE) {
        code
      }
    }
  }
`);

/** Balance and what it is worth, what is not spendable yet, what expires soon, the level and the way to the next. */
export function HomeTab() {
  const { version } = usePortal();
  const [res, reexecute] = useQuery({ query: PortalHomeQuery });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const me = res.data?.loyaltyMe;
  if (res.error) return <Notice kind="error">{requestProblem(res.error)}</Notice>;
  if (!me) return <p className="muted" role="status">Loading…</p>;
  const { wallet, tierProgress: progress } = me;
  const currency = res.data!.loyaltyProgramme.currencyCode;
  const amount = (v: number) => (progress.qualificationBasis === 'SPEND' ? formatMoney({ amount: v, currencyCode: currency }) : `${formatPoints(v)} points`);
  const toNext = progress.toNextTier;
  const share = progress.nextTier && toNext !== null && toNext !== undefined ? Math.min(1, Math.max(0, progress.qualifyingValue / (progress.qualifyingValue + toNext || 1))) : 1;

  return (
    <>
      <h1 className="sr-only">Home</h1>
      <section className="panel portal-balance" aria-labelledby="balance-heading">
        <h2 id="balance-heading">Your points</h2>
        <div className="balance" data-testid="balance">
          {formatPoints(wallet.available)} <span className="unit">points</span>
        </div>
        <div className="portal-cash">
          Worth <strong data-testid="cash-value">{formatMoney(wallet.cashValue)}</strong> when you pay with points
        </div>
        <dl className="facts portal-facts">
          <dt>Pending</dt>
          <dd>{formatPoints(wallet.pending)} points</dd>
          <dt>Held at a till</dt>
          <dd>{formatPoints(wallet.held)} points</dd>
        </dl>
        {wallet.pending > 0 && <p className="hint muted">Pending points become spendable once the return period of the purchase is over.</p>}
      </section>

      <section className="panel" aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">Expiring soon</h2>
        {wallet.expiring.length === 0 ? (
          <p className="muted">No points expire in the next 90 days.</p>
        ) : (
          <ul className="portal-list">
            {wallet.expiring.map((e) => (
              <li key={e.expiresAt}>
                <strong>{formatPoints(e.points)} points</strong> expire on <time dateTime={e.expiresAt}>{formatDate(e.expiresAt)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="level-heading">
        <h2 id="level-heading">Your level: {me.tier?.name ?? 'none yet'}</h2>
        {progress.nextTier && toNext !== null && toNext !== undefined ? (
          <>
            <div
              className="progress portal-progress"
              role="progressbar"
              aria-label={`Progress to ${progress.nextTier.name}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share * 100)}
            >
              <div style={{ width: `${share * 100}%` }} />
            </div>
            <p data-testid="level-progress">
              {amount(progress.qualifyingValue)} so far. <strong>{amount(toNext)}</strong> more to reach <strong>{progress.nextTier.name}</strong>
              {progress.nextTierBy ? ` by ${formatDate(progress.nextTierBy)}` : ''}.
            </p>
          </>
        ) : (
          <p>You are at the top level. Thank you for being with us!</p>
        )}
      </section>

      <section className="panel portal-shortcuts" aria-label="Shortcuts">
        <Link to="/inbox" data-testid="home-unread">
          {me.inbox.unreadCount === 0 ? 'No unread messages' : `${me.inbox.unreadCount} unread message${me.inbox.unreadCount === 1 ? '' : 's'}`}
        </Link>
        <Link to="/coupons">
          {me.coupons.length === 0 ? 'No coupons to use' : `${me.coupons.length} coupon${me.coupons.length === 1 ? '' : 's'} to use`}
        </Link>
        <Link to="/rewards">Spend your points</Link>
      </section>
    </>
  );
}
