import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Notice, requestProblem } from '../../shared/forms';
import { formatPoints } from '../../shared/format';
import type { Range } from './RangePicker';

const LevelsQuery = graphql(`
  query ConsoleAnalyticsLevels($from: DateTimeISO!, $to: DateTimeISO!, $bucket: LoyaltyAnalyticsBucket, $timeZone: String) {
    loyaltyLevelMovements(from: $from, to: $to, bucket: $bucket, timeZone: $timeZone) {
      distributionAtEnd {
        tier {
          id
          name
        }
        members
      }
      distributionNow {
        tier {
          id
          name
        }
        members
      }
      totals {
        upgrades
        downgrades
        movements {
          from {
            name
          }
          to {
            name
          }
          upgrade
          members
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** Members by level at the range's end, and who moved between levels in it. */
export function LevelsSection({ range }: { range: Range }) {
  const [{ data, error }] = useQuery({ query: LevelsQuery, variables: { from: range.from, to: range.to, bucket: range.bucket, timeZone: range.timeZone } });
  const report = data?.loyaltyLevelMovements;
  const rows = (report?.distributionAtEnd ?? []).map((d) => ({ level: d.tier?.name ?? 'No level', members: d.members }));
  return (
    <section aria-labelledby="levels-heading" className="stack">
      <h2 id="levels-heading">Levels</h2>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {report?.userErrors.length ? <Notice kind="error">{report.userErrors.map((e) => e.message).join(' ')}</Notice> : null}
      {report && (
        <div className="grid-2">
          <figure className="panel chart" aria-label="Members by level at the end of the range">
            <figcaption>Members by level at the end</figcaption>
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={rows}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="level" />
                <YAxis />
                <Tooltip />
                <Bar dataKey="members" name="Members" fill="#16324f" />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <div className="panel">
            <h3>
              Moves in the range: {formatPoints(report.totals.upgrades)} up, {formatPoints(report.totals.downgrades)} down
            </h3>
            {report.totals.movements.length === 0 ? (
              <p className="muted">No member changed level in this range.</p>
            ) : (
              <table>
                <caption className="sr-only">Level moves</caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col" className="num">
                      Members
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.totals.movements.map((m, i) => (
                    <tr key={i}>
                      <td>{m.from?.name ?? 'No level'}</td>
                      <td>
                        {m.to?.name ?? 'No level'} <span className={`badge ${m.upgrade ? 'ok' : 'warn'}`}>{m.upgrade ? 'up' : 'down'}</span>
                      </td>
                      <td className="num">{formatPoints(m.members)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
