import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { LoyaltyCouponStatus } from '../gql/graphql';
import { Notice, requestProblem } from '../shared/forms';
import { formatDate, formatPoints } from '../shared/format';
import { Link } from '../shared/router';
import { CouponCode } from './CouponCode';
import { couponValue } from './coupon-facts';
import { usePortal } from './context';

const PortalCouponsQuery = graphql(`
  query PortalCoupons {
    loyaltyMe {
      id
      onHand: coupons(first: 100, status: ACTIVE) {
        code
        displayCode
        barcodePayload
        kind
        status
        title
        value {
          amount
          currencyCode
        }
        percent
        pointsSpent
        issuedAt
        expiresAt
      }
      recent: coupons(first: 50) {
        code
        displayCode
        kind
        status
        title
        value {
          amount
          currencyCode
        }
        percent
        expiresAt
        redeemedAt
        voidedAt
      }
    }
  }
`);

const PAST: Record<Exclude<LoyaltyCouponStatus, 'ACTIVE'>, { label: string; badge: string }> = {
  REDEEMED: { label: 'Used', badge: 'ok' },
  EXPIRED: { label: 'Expired', badge: 'warn' },
  VOIDED: { label: 'Cancelled', badge: 'bad' },
};

/** Coupons to use, each with the QR code and barcode to show at the till; used, expired and cancelled ones below. */
export function CouponsTab() {
  const { version } = usePortal();
  const [res, reexecute] = useQuery({ query: PortalCouponsQuery });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const me = res.data?.loyaltyMe;
  if (res.error) return <Notice kind="error">{requestProblem(res.error)}</Notice>;
  if (!me) return <p className="muted" role="status">Loading…</p>;
  const past = me.recent.filter((c) => c.status !== 'ACTIVE');

  return (
    <>
      <h1>Coupons</h1>
      <section aria-labelledby="on-hand-heading">
        <h2 id="on-hand-heading">Ready to use</h2>
        {me.onHand.length === 0 && (
          <p className="panel muted">
            No coupons right now. <Link to="/rewards">Turn your points into a reward</Link>.
          </p>
        )}
        <ul className="portal-cards">
          {me.onHand.map((c) => (
            <li key={c.code} className="panel coupon" aria-labelledby={`coupon-${c.code}`}>
              <div className="coupon-head">
                <h3 id={`coupon-${c.code}`}>{c.title}</h3>
                <span className="coupon-value">{couponValue(c)}</span>
              </div>
              <p className="muted small">
                Valid until <time dateTime={c.expiresAt}>{formatDate(c.expiresAt)}</time>
                {c.pointsSpent > 0 ? ` · ${formatPoints(c.pointsSpent)} points spent` : ''}
              </p>
              <CouponCode payload={c.barcodePayload} displayCode={c.displayCode} />
              <p className="hint muted">Show this at the till, or read out the code.</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Used and expired</h2>
        {past.length === 0 ? (
          <p className="panel muted">None yet.</p>
        ) : (
          <ul className="panel portal-list portal-past">
            {past.map((c) => {
              const s = PAST[c.status as keyof typeof PAST];
              return (
                <li key={c.code}>
                  <div>
                    <strong>{c.title}</strong> <span className={`badge ${s.badge}`}>{s.label}</span>
                  </div>
                  <div className="muted small">
                    {couponValue(c)} · {c.displayCode} ·{' '}
                    {c.status === 'REDEEMED' ? `used ${formatDate(c.redeemedAt)}` : c.status === 'VOIDED' ? `cancelled ${formatDate(c.voidedAt)}` : `expired ${formatDate(c.expiresAt)}`}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
