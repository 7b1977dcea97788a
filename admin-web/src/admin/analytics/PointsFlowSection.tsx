import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { downloadCsv } from '../../shared/csv';
import { Notice, requestProblem } from '../../shared/forms';
import { formatMoney, formatPercent, formatPoints } from '../../shared/format';
import type { Range } from './RangePicker';

const PointsFlowQuery = graphql(`
  query ConsoleAnalyticsPointsFlow($from: DateTimeISO!, $to: DateTimeISO!, $bucket: LoyaltyAnalyticsBucket, $timeZone: String) {
    loyaltyPointsFlow(from: $from, to: $to, bucket: $bucket, timeZone: $timeZone) {
      buckets {
        start
        issued
        bonus
        redeemed
        expired
        returned
        adjusted
        intoCoupons
        outstandingAtEnd
        liabilityAtEnd {
          amount
          currencyCode
        }
      }
      totals {
        issued
        bonus
        redeemed
        expired
        returned
        adjusted
        intoCoupons
      }
      openingOutstanding
      closingOutstanding
      closingLiability {
        amount
        currencyCode
      }
      breakageRate
      redemptionRate
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** A bucket's label in the range's time zone: the day, the week's Monday, or the month. */
export function bucketLabel(startIso: string, range: Range): string {
  const opts: Intl.DateTimeFormatOptions = range.bucket === 'MONTH' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(undefined, { ...opts, timeZone: range.timeZone }).format(new Date(startIso));
}

const FIGURES = [
  ['issued', 'Issued on sales'],
  ['bonus', 'Bonuses'],
  ['redeemed', 'Redeemed'],
  ['intoCoupons', 'Into coupons'],
  ['expired', 'Expired'],
  ['returned', 'Taken back by returns'],
  ['adjusted', 'Adjusted'],
] as const;

/** Points issued, redeemed, expired and outstanding, with the liability: from the journal (docs/analytics.md). */
export function PointsFlowSection({ range }: { range: Range }) {
  const [{ data, fetching, error }] = useQuery({ query: PointsFlowQuery, variables: { from: range.from, to: range.to, bucket: range.bucket, timeZone: range.timeZone } });
  const flow = data?.loyaltyPointsFlow;
  if (error) return <Notice kind="error">{requestProblem(error)}</Notice>;
  if (!flow) return <p className="muted">{fetching ? 'Loading points…' : ''}</p>;
  if (flow.userErrors.length) return <Notice kind="error">{flow.userErrors.map((e) => e.message).join(' ')}</Notice>;
  const rows = flow.buckets.map((b) => ({ ...b, label: bucketLabel(b.start, range) }));
  const exportCsv = () =>
    downloadCsv(
      `points-flow-${range.fromDate}-to-${range.toDate}.csv`,
      ['bucket start', ...FIGURES.map(([, l]) => l), 'outstanding at end', 'liability at end (minor units)', 'currency'],
      flow.buckets.map((b) => [b.start, ...FIGURES.map(([k]) => b[k]), b.outstandingAtEnd, b.liabilityAtEnd.amount, b.liabilityAtEnd.currencyCode]),
    );
  return (
    <section aria-labelledby="points-heading" className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="points-heading">Points and liability</h2>
        <button type="button" onClick={exportCsv}>
          Export points CSV
        </button>
      </div>
      <div className="kpis">
        <Kpi label="Outstanding at the end" value={formatPoints(flow.closingOutstanding)} testId="kpi-outstanding" />
        <Kpi label="Liability at the end" value={formatMoney(flow.closingLiability)} testId="kpi-liability" />
        <Kpi label="Issued + bonuses" value={formatPoints(flow.totals.issued + flow.totals.bonus)} testId="kpi-issued" />
        <Kpi label="Redeemed + into coupons" value={formatPoints(flow.totals.redeemed + flow.totals.intoCoupons)} testId="kpi-redeemed" />
        <Kpi label="Redemption rate" value={formatPercent(flow.redemptionRate)} testId="kpi-redemption-rate" />
        <Kpi label="Breakage rate" value={formatPercent(flow.breakageRate)} testId="kpi-breakage-rate" />
      </div>
      <div className="grid-2">
        <figure className="panel chart" aria-label="Points given and taken per bucket">
          <figcaption>Points given and taken</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="issued" name="Issued" stackId="in" fill="#2e7d32" />
              <Bar dataKey="bonus" name="Bonuses" stackId="in" fill="#81c784" />
              <Bar dataKey="redeemed" name="Redeemed" stackId="out" fill="#0b57d0" />
              <Bar dataKey="intoCoupons" name="Into coupons" stackId="out" fill="#7baaf7" />
              <Bar dataKey="expired" name="Expired" stackId="out" fill="#c5221f" />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="panel chart" aria-label="Points outstanding at the end of each bucket">
          <figcaption>Outstanding points</figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={rows}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis />
              <Tooltip />
              <Line type="monotone" dataKey="outstandingAtEnd" name="Outstanding" stroke="#16324f" dot={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <details className="panel table-scroll">
        <summary>Points per {range.bucket === 'DAY' ? 'day' : range.bucket === 'WEEK' ? 'week' : 'month'}</summary>
        <table>
          <caption className="sr-only">Points per bucket</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              {FIGURES.map(([k, l]) => (
                <th key={k} scope="col" className="num">
                  {l}
                </th>
              ))}
              <th scope="col" className="num">
                Outstanding
              </th>
              <th scope="col" className="num">
                Liability
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.start}>
                <th scope="row">{b.label}</th>
                {FIGURES.map(([k]) => (
                  <td key={k} className="num">
                    {formatPoints(b[k])}
                  </td>
                ))}
                <td className="num">{formatPoints(b.outstandingAtEnd)}</td>
                <td className="num">{formatMoney(b.liabilityAtEnd)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {FIGURES.map(([k]) => (
                <td key={k} className="num">
                  {formatPoints(flow.totals[k])}
                </td>
              ))}
              <td className="num">{formatPoints(flow.closingOutstanding)}</td>
              <td className="num">{formatMoney(flow.closingLiability)}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </section>
  );
}

export function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
    </div>
  );
}
