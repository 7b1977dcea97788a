import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PortalRewardsQuery } from '../gql/graphql';
import { FormProblems, Notice, requestProblem, type UserError } from '../shared/forms';
import { formatDate, formatMoney, formatPoints } from '../shared/format';
import { Link } from '../shared/router';
import { useAttemptKey } from '../shared/idempotency';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { CouponCode } from './CouponCode';
import { couponValue } from './coupon-facts';
import { usePortal } from './context';
import { ConvertForm } from './ConvertForm';

const PortalRewardsQueryDoc = graphql(`
  query PortalRewards($memberId: ID!) {
    loyaltyProgramme {
      currencyCode
      redeemPoints
      redeemAmountMinor
      minRedeemPoints
      couponValidityDays
    }
    loyaltyMe {
      id
      wallet {
        available
      }
    }
    loyaltyRewards(memberId: $memberId) {
      id
      kind
      name
      description
      pointsCost
      voucherValue {
        amount
        currencyCode
      }
      stock
      perMemberLimit
      validUntil
      availability {
        affordable
        allowed
        reason
      }
    }
  }
`);

const IssueGift = graphql(`
  mutation PortalIssueGiftItem($input: IssueLoyaltyGiftItemInput!) {
    issueLoyaltyGiftItem(input: $input) {
      coupon {
        code
        displayCode
        barcodePayload
        kind
        title
        value {
          amount
          currencyCode
        }
        percent
        expiresAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const ClaimVoucher = graphql(`
  mutation PortalClaimVoucher($input: ClaimLoyaltyVoucherInput!) {
    claimLoyaltyVoucher(input: $input) {
      coupon {
        code
        displayCode
        barcodePayload
        kind
        title
        value {
          amount
          currencyCode
        }
        percent
        expiresAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

type Reward = PortalRewardsQuery['loyaltyRewards'][number];
export interface NewCoupon {
  code: string;
  displayCode: string;
  barcodePayload: string;
  kind: 'CASH_VOUCHER' | 'PERCENT_DISCOUNT' | 'GIFT_ITEM';
  title: string;
  value?: { amount: number; currencyCode: string } | null;
  percent?: number | null;
  expiresAt: string;
}

const WHY_NOT: Record<string, string> = {
  OUT_OF_STOCK: 'Out of stock',
  TIER_TOO_LOW: 'For a higher level',
  REWARD_LIMIT_REACHED: 'You have had the most allowed',
  REWARD_NOT_AVAILABLE: 'Not available now',
  INSUFFICIENT_POINTS: 'Not enough points yet',
};

/** The reward catalogue for this member (what they can have, and why not), redeeming after a confirmation, and turning points into a voucher. */
export function RewardsTab() {
  const { memberId, refresh, version } = usePortal();
  const [res, reexecute] = useQuery({ query: PortalRewardsQueryDoc, variables: { memberId } });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const [asking, setAsking] = useState<Reward | null>(null);
  const [problems, setProblems] = useState<{ errors: UserError[]; request: string | null }>({ errors: [], request: null });
  const [issued, setIssued] = useState<{ reward: string; coupon: NewCoupon } | null>(null);
  const [gift, issueGift] = useMutation(IssueGift);
  const [voucher, claimVoucher] = useMutation(ClaimVoucher);
  const attempt = useAttemptKey();
  const busy = gift.fetching || voucher.fetching;

  async function redeem(reward: Reward) {
    setProblems({ errors: [], request: null });
    const input = { idempotencyKey: attempt.keyFor(`reward:${reward.id}`), memberId, rewardId: reward.id };
    const out = reward.kind === 'GIFT_ITEM' ? await issueGift({ input }) : await claimVoucher({ input });
    // no answer (network, server error): keep the key, so "Redeem" again is a retry of the same attempt
    const payload = out.data ? ('issueLoyaltyGiftItem' in out.data ? out.data.issueLoyaltyGiftItem : out.data.claimLoyaltyVoucher) : null;
    if (!payload) return setProblems({ errors: [], request: requestProblem(out.error) ?? 'No answer from the service: try again.' });
    attempt.done();
    if (payload.userErrors.length || !payload.coupon) return setProblems({ errors: payload.userErrors, request: null });
    setAsking(null);
    setIssued({ reward: reward.name, coupon: payload.coupon });
    refresh();
  }

  const data = res.data;
  if (res.error) return <Notice kind="error">{requestProblem(res.error)}</Notice>;
  if (!data?.loyaltyMe) return <p className="muted" role="status">Loading…</p>;
  const available = data.loyaltyMe.wallet.available;

  return (
    <>
      <h1>Rewards</h1>
      <p className="muted">
        You have <strong data-testid="rewards-balance">{formatPoints(available)} points</strong> to spend.
      </p>
      {issued && (
        <section className="panel notice success portal-issued" role="status" aria-labelledby="issued-heading">
          <h2 id="issued-heading">{issued.reward} is yours</h2>
          <p>
            {couponValue(issued.coupon)} · valid until {formatDate(issued.coupon.expiresAt)}. Show this at the till; it is also under <Link to="/coupons">Coupons</Link>.
          </p>
          <CouponCode payload={issued.coupon.barcodePayload} displayCode={issued.coupon.displayCode} />
          <button type="button" onClick={() => setIssued(null)}>
            Done
          </button>
        </section>
      )}

      <section aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">Catalogue</h2>
        {data.loyaltyRewards.length === 0 && <p className="panel muted">No rewards on offer right now.</p>}
        <ul className="portal-cards">
          {data.loyaltyRewards.map((r) => {
            const a = r.availability;
            const can = Boolean(a?.allowed && a.affordable);
            const why = a && !a.allowed ? WHY_NOT[a.reason ?? ''] ?? 'Not available' : a && !a.affordable ? `${formatPoints(r.pointsCost - available)} more points needed` : null;
            return (
              <li key={r.id} className={`panel reward${can ? '' : ' unavailable'}`} aria-labelledby={`reward-${r.id}`}>
                <div className="reward-head">
                  <h3 id={`reward-${r.id}`}>{r.name}</h3>
                  <span className="reward-cost">{formatPoints(r.pointsCost)} points</span>
                </div>
                {r.description && <p>{r.description}</p>}
                <p className="muted small">
                  {r.kind === 'CASH_VOUCHER' ? `A ${formatMoney(r.voucherValue)} voucher` : 'A gift to collect in store'}
                  {r.stock !== null && r.stock !== undefined ? ` · ${r.stock === 0 ? 'none left' : `${formatPoints(r.stock)} left`}` : ''}
                  {r.perMemberLimit ? ` · at most ${r.perMemberLimit} each` : ''}
                  {r.validUntil ? ` · until ${formatDate(r.validUntil)}` : ''}
                </p>
                <div className="reward-actions">
                  {why && <span className={`badge ${a && !a.allowed ? 'bad' : 'warn'}`}>{why}</span>}
                  <button
                    type="button"
                    className="primary"
                    disabled={!can || busy}
                    aria-label={`Redeem ${r.name} for ${formatPoints(r.pointsCost)} points`}
                    onClick={() => {
                      setProblems({ errors: [], request: null });
                      setAsking(r);
                    }}
                  >
                    Redeem
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <ConvertForm programme={data.loyaltyProgramme} available={available} />

      {asking && (
        <ConfirmDialog
          tone="spend"
          className="portal-dialog"
          actionsClassName="portal-dialog-actions"
          title={`Redeem ${asking.name}?`}
          confirmLabel={`Spend ${formatPoints(asking.pointsCost)} points`}
          busy={busy}
          onConfirm={() => void redeem(asking)}
          // the key stays: after a lost answer the first request may have gone through, and
          // redeeming the same reward again must be its retry, not a second redemption
          onCancel={() => setAsking(null)}
        >
          <p>
            This spends <strong>{formatPoints(asking.pointsCost)} points</strong>, leaving you {formatPoints(available - asking.pointsCost)}. You get a coupon to show at the till.
          </p>
          <FormProblems errors={Object.fromEntries(problems.errors.map((e, i) => [String(i), e.message]))} shown={[]} problem={problems.request} />
        </ConfirmDialog>
      )}
    </>
  );
}
