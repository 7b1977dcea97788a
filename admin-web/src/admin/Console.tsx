import { useEffect, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Notice, requestProblem } from '../shared/forms';
import { Link, useFocusHeadingOnNavigate, useRoute } from '../shared/router';
import { CurrencyContext } from './programme-context';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { AutomationsPage } from './pages/AutomationsPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { LevelsPage } from './pages/LevelsPage';
import { MemberPage } from './pages/MemberPage';
import { MembersPage } from './pages/MembersPage';
import { MessagesPage } from './pages/MessagesPage';
import { OutboxPage } from './pages/OutboxPage';
import { ProgrammePage } from './pages/ProgrammePage';
import { RewardsPage } from './pages/RewardsPage';
import { RulesPage } from './pages/RulesPage';

const CurrencyQuery = graphql(`
  query ConsoleProgramme {
    loyaltyProgramme {
      currencyCode
    }
  }
`);

const SECTIONS: { path: string; label: string }[] = [
  { path: 'members', label: 'Members' },
  { path: 'analytics', label: 'Analytics' },
  { path: 'campaigns', label: 'Campaigns' },
  { path: 'automations', label: 'Automations' },
  { path: 'rewards', label: 'Rewards' },
  { path: 'levels', label: 'Levels' },
  { path: 'rules', label: 'Earning rules' },
  { path: 'programme', label: 'Programme settings' },
  { path: 'messages', label: 'Message templates' },
  { path: 'outbox', label: 'Outbox' },
];

function page(route: string[]): ReactNode {
  const [section, id] = route;
  switch (section) {
    case undefined:
    case 'members':
      return id ? <MemberPage memberId={id} /> : <MembersPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'campaigns':
      return <CampaignsPage code={id ?? null} />;
    case 'automations':
      return <AutomationsPage />;
    case 'rewards':
      return <RewardsPage />;
    case 'levels':
      return <LevelsPage />;
    case 'rules':
      return <RulesPage />;
    case 'programme':
      return <ProgrammePage />;
    case 'messages':
      return <MessagesPage />;
    case 'outbox':
      return <OutboxPage />;
    default:
      return <Notice kind="error">There is no page {route.join('/')}.</Notice>;
  }
}

/** The console's frame: navigation on the left, the page of the current hash route on the right. */
export function Console({ signOut }: { signOut: () => void }) {
  const route = useRoute();
  useFocusHeadingOnNavigate();
  const section = route[0] ?? 'members';
  const [{ data, error }] = useQuery({ query: CurrencyQuery });
  const label = SECTIONS.find((s) => s.path === section)?.label ?? 'Loyalty console';
  useEffect(() => {
    document.title = `${label} · Loyalty console`;
  }, [label]);
  return (
    <div className="console">
      <nav aria-label="Console">
        <div className="brand">Loyalty console</div>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.path}>
              <Link to={`/${s.path}`} aria-current={s.path === section ? 'page' : undefined}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        <button type="button" className="sign-out" onClick={signOut}>
          Sign out
        </button>
      </nav>
      <main>
        {error && <Notice kind="error">{requestProblem(error)}</Notice>}
        {/* money is read and written in the programme's currency: no page before it is known */}
        {data ? <CurrencyContext.Provider value={data.loyaltyProgramme.currencyCode}>{page(route)}</CurrencyContext.Provider> : !error && <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
