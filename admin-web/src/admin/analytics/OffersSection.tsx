import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { downloadCsv } from '../../shared/csv';
import { Notice, requestProblem } from '../../shared/forms';
import { formatMoney, formatPercent, formatPoints } from '../../shared/format';
import type { Range } from './RangePicker';

const OffersQuery = graphql(`
  query ConsoleAnalyticsOffers($from: DateTimeISO!, $to: DateTimeISO!, $bucket: LoyaltyAnalyticsBucket, $timeZone: String) {
    loyaltyOfferResults(from: $from, to: $to) {
      campaigns {
        ...ConsoleOfferResult
      }
      automations {
        ...ConsoleOfferResult
      }
      userErrors {
        code
        message
        field
      }
    }
    loyaltyCouponFunnel(from: $from, to: $to, bucket: $bucket, timeZone: $timeZone) {
      totals {
        all {
          issued
          redeemed
          voided
          expired
          openAtEnd
          redemptionRate
        }
        byKind {
          kind
          issued
          redeemed
          voided
          expired
          openAtEnd
          redemptionRate
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
  fragment ConsoleOfferResult on LoyaltyOfferResult {
    id
    code
    name
    runs
    failedRuns
    pointsGiven
    couponsIssued
    couponsRedeemed
    membersReached
    salesValueOfMembersReached {
      amount
      currencyCode
    }
    incrementalSalesValue {
      amount
      currencyCode
    }
  }
`);

type Offer = {
  id: string;
  code: string;
  name: string;
  runs: number;
  failedRuns: number;
  pointsGiven: number;
  couponsIssued: number;
  couponsRedeemed: number;
  membersReached: number;
  salesValueOfMembersReached: { amount: number; currencyCode: string };
  incrementalSalesValue?: { amount: number; currencyCode: string } | null;
};

const KIND: Record<string, string> = { CASH_VOUCHER: 'Vouchers', PERCENT_DISCOUNT: 'Percent discounts', GIFT_ITEM: 'Gift items' };

function OfferTable({ title, offers, runsLabel, testId }: { title: string; offers: readonly Offer[]; runsLabel: string; testId: string }) {
  return (
    <div className="panel table-scroll">
      <h3>{title}</h3>
      {offers.length === 0 ? (
        <p className="muted">Nothing given in this range.</p>
      ) : (
        <table data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                {runsLabel}
              </th>
              <th scope="col" className="num">
                Points given
              </th>
              <th scope="col" className="num">
                Coupons issued
              </th>
              <th scope="col" className="num">
                Redeemed
              </th>
              <th scope="col" className="num">
                Members reached
              </th>
              <th scope="col" className="num">
                Their sales since
              </th>
              <th scope="col" className="num">
                Incremental
              </th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.name} <span className="muted">{o.code}</span>
                </th>
                <td className="num">
                  {formatPoints(o.runs)}
                  {o.failedRuns > 0 && <span className="badge bad"> {o.failedRuns} failed</span>}
                </td>
                <td className="num">{formatPoints(o.pointsGiven)}</td>
                <td className="num">{formatPoints(o.couponsIssued)}</td>
                <td className="num">{formatPoints(o.couponsRedeemed)}</td>
                <td className="num">{formatPoints(o.membersReached)}</td>
                <td className="num">{formatMoney(o.salesValueOfMembersReached)}</td>
                <td className="num">{o.incrementalSalesValue ? formatMoney(o.incrementalSalesValue) : <span title="No control group">–</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What each campaign and automation gave in the range, and the coupon funnel. */
export function OffersSection({ range }: { range: Range }) {
  const [{ data, error }] = useQuery({ query: OffersQuery, variables: { from: range.from, to: range.to, bucket: range.bucket, timeZone: range.timeZone } });
  const offers = data?.loyaltyOfferResults;
  const funnel = data?.loyaltyCouponFunnel;
  const problems = [...(offers?.userErrors ?? []), ...(funnel?.userErrors ?? [])];
  const exportCsv = () =>
    offers &&
    downloadCsv(
      `offers-${range.fromDate}-to-${range.toDate}.csv`,
      ['type', 'code', 'name', 'awards or runs', 'failed runs', 'points given', 'coupons issued', 'coupons redeemed', 'members reached', 'their sales since (minor units)', 'incremental (minor units)', 'currency'],
      [...offers.campaigns.map((o) => ['campaign', o] as const), ...offers.automations.map((o) => ['automation', o] as const)].map(([type, o]) => [
        type, o.code, o.name, o.runs, o.failedRuns, o.pointsGiven, o.couponsIssued, o.couponsRedeemed, o.membersReached, o.salesValueOfMembersReached.amount, o.incrementalSalesValue?.amount ?? null, o.salesValueOfMembersReached.currencyCode,
      ]),
    );
  return (
    <section aria-labelledby="offers-heading" className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="offers-heading">Campaigns, automations and coupons</h2>
        <button type="button" onClick={exportCsv} disabled={!offers}>
          Export offers CSV
        </button>
      </div>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {problems.length > 0 && <Notice kind="error">{problems.map((e) => e.message).join(' ')}</Notice>}
      {offers && (
        <>
          <OfferTable title="Campaigns" offers={offers.campaigns} runsLabel="Awards" testId="campaign-results" />
          <OfferTable title="Automations" offers={offers.automations} runsLabel="Runs" testId="automation-results" />
          <p className="muted">Incremental sales need a control group, which campaigns and automations do not have yet: the column stays empty.</p>
        </>
      )}
      {funnel?.totals && (
        <div className="panel table-scroll">
          <h3>Coupon funnel</h3>
          <table data-testid="coupon-funnel">
            <caption className="sr-only">Coupons issued in the range and what became of them</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                {['Issued', 'Redeemed', 'Voided', 'Expired', 'Open at the end', 'Redemption rate'].map((h) => (
                  <th key={h} scope="col" className="num">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[{ kind: 'ALL', ...funnel.totals.all }, ...funnel.totals.byKind].map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{k.kind === 'ALL' ? 'All coupons' : (KIND[k.kind] ?? k.kind)}</th>
                  <td className="num">{formatPoints(k.issued)}</td>
                  <td className="num">{formatPoints(k.redeemed)}</td>
                  <td className="num">{formatPoints(k.voided)}</td>
                  <td className="num">{formatPoints(k.expired)}</td>
                  <td className="num">{formatPoints(k.openAtEnd)}</td>
                  <td className="num">{formatPercent(k.redemptionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
