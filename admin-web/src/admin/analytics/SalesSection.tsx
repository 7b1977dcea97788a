import { useState, type FormEvent } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { downloadCsv } from '../../shared/csv';
import { Notice, requestProblem, TextField } from '../../shared/forms';
import { formatMoney, formatPercent, formatPoints, toMajor } from '../../shared/format';
import { bucketLabel, Kpi } from './PointsFlowSection';
import type { Range } from './RangePicker';

const MemberSalesQuery = graphql(`
  query ConsoleAnalyticsMemberSales($from: DateTimeISO!, $to: DateTimeISO!, $bucket: LoyaltyAnalyticsBucket, $timeZone: String, $storeId: String, $channel: String) {
    loyaltyMemberSales(from: $from, to: $to, bucket: $bucket, timeZone: $timeZone, storeId: $storeId, channel: $channel) {
      buckets {
        start
        enrolled
        membersAtEnd
        activeMembers
        repeatMembers
        salesCount
        salesValue {
          amount
          currencyCode
        }
        returnedValue {
          amount
          currencyCode
        }
        returningSalesValue {
          amount
          currencyCode
        }
        repeatRate
        loyaltyIndex
        returningSalesShare
      }
      totals {
        enrolled
        membersAtEnd
        activeMembers
        repeatMembers
        salesCount
        salesValue {
          amount
          currencyCode
        }
        returnedValue {
          amount
          currencyCode
        }
        returningSalesValue {
          amount
          currencyCode
        }
        repeatRate
        loyaltyIndex
        returningSalesShare
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** Members enrolled and active, sales, repeat rate, loyalty index, returning members' share; by store and channel. */
export function SalesSection({ range }: { range: Range }) {
  const [store, setStore] = useState('');
  const [channel, setChannel] = useState('');
  const [filter, setFilter] = useState<{ storeId: string | null; channel: string | null }>({ storeId: null, channel: null });
  const [{ data, fetching, error }] = useQuery({
    query: MemberSalesQuery,
    variables: { from: range.from, to: range.to, bucket: range.bucket, timeZone: range.timeZone, ...filter },
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ storeId: store.trim() || null, channel: channel.trim() || null });
  };
  const report = data?.loyaltyMemberSales;
  const t = report?.totals;
  const rows = (report?.buckets ?? []).map((b) => ({
    ...b,
    label: bucketLabel(b.start, range),
    sales: Number(toMajor(b.salesValue.amount, b.salesValue.currencyCode)),
    returning: Number(toMajor(b.returningSalesValue.amount, b.returningSalesValue.currencyCode)),
  }));
  const exportCsv = () =>
    report &&
    downloadCsv(
      `members-and-sales-${range.fromDate}-to-${range.toDate}.csv`,
      ['bucket start', 'enrolled', 'members at end', 'active members', 'repeat members', 'sales', 'sales value (minor units)', 'returned value', 'returning members sales value', 'repeat rate', 'loyalty index', 'returning sales share', 'currency'],
      report.buckets.map((b) => [b.start, b.enrolled, b.membersAtEnd, b.activeMembers, b.repeatMembers, b.salesCount, b.salesValue.amount, b.returnedValue.amount, b.returningSalesValue.amount, b.repeatRate, b.loyaltyIndex, b.returningSalesShare, b.salesValue.currencyCode]),
    );
  return (
    <section aria-labelledby="sales-heading" className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="sales-heading">Members and sales</h2>
        <button type="button" onClick={exportCsv} disabled={!report}>
          Export sales CSV
        </button>
      </div>
      <form className="row" onSubmit={apply} aria-label="Store and channel">
        <TextField label="Store" value={store} onChange={(e) => setStore(e.target.value)} hint="A store id, e.g. store-001; empty: all" />
        <TextField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value)} hint="e.g. store, web; empty: all" />
        <button type="submit">Filter</button>
      </form>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {report?.userErrors.length ? <Notice kind="error">{report.userErrors.map((e) => e.message).join(' ')}</Notice> : null}
      {!report && fetching && <p className="muted">Loading sales…</p>}
      {t && (
        <>
          <div className="kpis">
            <Kpi label="Members enrolled" value={formatPoints(t.enrolled)} testId="kpi-enrolled" />
            <Kpi label="Active members" value={formatPoints(t.activeMembers)} testId="kpi-active" />
            <Kpi label="Repeat rate" value={formatPercent(t.repeatRate)} testId="kpi-repeat-rate" />
            <Kpi label="Loyalty index" value={formatPercent(t.loyaltyIndex)} testId="kpi-loyalty-index" />
            <Kpi label="Sales value" value={formatMoney(t.salesValue)} testId="kpi-sales-value" />
            <Kpi label="From returning members" value={formatPercent(t.returningSalesShare)} testId="kpi-returning-share" />
          </div>
          <figure className="panel chart" aria-label="Sales value per bucket, and the part from returning members">
            <figcaption>Sales value ({t.salesValue.currencyCode}) and active members</figcaption>
            <ResponsiveContainer width="100%" height={240}>
              <ComposedChart data={rows}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" />
                <YAxis yAxisId="money" />
                <YAxis yAxisId="members" orientation="right" />
                <Tooltip />
                <Legend />
                <Bar yAxisId="money" dataKey="sales" name="Sales" fill="#7baaf7" />
                <Bar yAxisId="money" dataKey="returning" name="From returning members" fill="#0b57d0" />
                <Line yAxisId="members" type="monotone" dataKey="activeMembers" name="Active members" stroke="#2e7d32" dot={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </figure>
        </>
      )}
    </section>
  );
}
