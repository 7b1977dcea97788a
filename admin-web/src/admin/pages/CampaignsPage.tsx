import { useState } from 'react';
import { useQuery } from 'urql';
import type { LoyaltyCampaignStatus } from '../../gql/graphql';
import { Notice, SelectField, requestProblem } from '../../shared/forms';
import { formatMoney } from '../../shared/format';
import { StatusBadge, budgetUse } from '../campaigns/CampaignBits';
import { Link } from '../../shared/router';
import { CampaignEditor } from '../campaigns/CampaignEditor';
import { offerSummary } from '../campaigns/campaign-form';
import { CampaignsQuery } from '../campaigns/queries';
import { formatInZone } from '../../shared/timezone';
import '../campaigns/campaigns.css';

/** `#/campaigns`: the list; `#/campaigns/new` and `#/campaigns/<code>`: the editor. */
export function CampaignsPage({ code }: { code: string | null }) {
  if (code) return <CampaignEditor key={code} code={code === 'new' ? null : code} />;
  return <CampaignList />;
}

function CampaignList() {
  const [status, setStatus] = useState<LoyaltyCampaignStatus | ''>('');
  const [{ data, fetching, error }] = useQuery({ query: CampaignsQuery, variables: { status: status || null } });
  const campaigns = data?.loyaltyCampaigns ?? [];
  return (
    <div>
      <h1>Campaigns</h1>
      <div className="toolbar">
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as LoyaltyCampaignStatus | '')}>
          <option value="">All</option>
          <option value="ACTIVE">Active</option>
          <option value="PAUSED">Paused</option>
          <option value="DRAFT">Draft</option>
        </SelectField>
        <Link to="/campaigns/new" className="button-link">
          New campaign
        </Link>
      </div>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      <section className="panel" aria-labelledby="campaigns-h">
        <h2 id="campaigns-h">{status ? `${status.charAt(0)}${status.slice(1).toLowerCase()} campaigns` : 'All campaigns'}</h2>
        <p className="muted">Highest priority first: the order sales are evaluated in.</p>
        {fetching && !data ? (
          <p role="status">Loading campaigns…</p>
        ) : campaigns.length === 0 ? (
          <p>{status ? 'No campaign has this status.' : 'No campaigns yet. Create one to run a promotion.'}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">Period</th>
                <th scope="col">Offer</th>
                <th scope="col">Budget used</th>
                <th scope="col" className="num">
                  Priority
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/campaigns/${encodeURIComponent(c.code)}`}>{c.name}</Link>
                    <div className="muted">{c.code}</div>
                  </td>
                  <td>
                    <StatusBadge status={c.status} running={c.status === 'ACTIVE' ? c.runningNow : undefined} />
                  </td>
                  <td>
                    {formatInZone(c.startsAt, c.timeZone)} to {c.endsAt ? formatInZone(c.endsAt, c.timeZone) : 'no end'}
                    {c.windows.length > 0 && <div className="muted">{c.windows.length === 1 ? 'In one weekly window' : `In ${c.windows.length} weekly windows`}</div>}
                  </td>
                  <td>{offerSummary(c.offer, formatMoney)}</td>
                  <td>
                    {budgetUse(c)}
                    {c.budget.exhausted && (
                      <div>
                        <span className="badge bad">Budget exhausted</span>
                      </div>
                    )}
                  </td>
                  <td className="num">{c.priority}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
