import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Notice, requestProblem } from '../shared/forms';
import { formatPoints } from '../shared/format';
import { Link, useRoute } from '../shared/router';
import { ActivityTab } from './ActivityTab';
import { CouponsTab } from './CouponsTab';
import { HomeTab } from './HomeTab';
import { InboxTab } from './InboxTab';
import { PortalContext, type PortalSession } from './context';
import { ProfileTab } from './ProfileTab';
import { RewardsTab } from './RewardsTab';
import './portal.css';

const PortalHeaderQuery = graphql(`
  query PortalHeader {
    loyaltyMe {
      id
      firstName
      status
      wallet {
        available
      }
      inbox(first: 1) {
        unreadCount
      }
    }
  }
`);

const TABS = [
  { path: '/', key: '', label: 'Home' },
  { path: '/activity', key: 'activity', label: 'Activity' },
  { path: '/coupons', key: 'coupons', label: 'Coupons' },
  { path: '/rewards', key: 'rewards', label: 'Rewards' },
  { path: '/inbox', key: 'inbox', label: 'Inbox' },
  { path: '/profile', key: 'profile', label: 'Profile' },
] as const;

/**
 * The member portal: the signed-in member's points, level, coupons, rewards, inbox and profile, one
 * hash route per tab (`#/coupons`), mobile width first. Everything shown comes from `loyaltyMe`.
 */
export function Portal({ signOut }: { signOut: () => void }) {
  const [route] = useRoute();
  const tab = TABS.find((t) => t.key === (route ?? '')) ?? TABS[0];
  const [version, setVersion] = useState(0);
  const [header, reexecute] = useQuery({ query: PortalHeaderQuery });
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  useEffect(() => {
    document.title = `${tab.label} · My loyalty`;
  }, [tab.label]);

  const me = header.data?.loyaltyMe;
  const session = useMemo<PortalSession | null>(() => (me ? { memberId: me.id, refresh, version } : null), [me?.id, refresh, version]);

  return (
    <div className="portal">
      <header>
        <div>
          <div className="portal-brand">My loyalty</div>
          {me && <div className="muted">Hello, {me.firstName}</div>}
        </div>
        <div className="portal-header-side">
          {me && (
            <span className="portal-points" aria-label={`${formatPoints(me.wallet.available)} points available`}>
              {formatPoints(me.wallet.available)} pts
            </span>
          )}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      {header.fetching && !header.data && <p className="muted" role="status">Loading your account…</p>}
      {header.error && <Notice kind="error">{requestProblem(header.error)}</Notice>}
      {header.data && !me && (
        <main>
          <h1>Not enrolled yet</h1>
          <Notice kind="info">Your account is not part of the loyalty programme yet. Ask at the till or join in the shop to start collecting points.</Notice>
        </main>
      )}
      {session && me && (
        <PortalContext.Provider value={session}>
          <TabBar current={tab.key} unread={me.inbox.unreadCount} />
          {me.status !== 'ACTIVE' && <Notice kind="info">Your membership is {me.status.toLowerCase()}: you cannot earn or spend points until it is active again.</Notice>}
          <main id="portal-main">
            {tab.key === '' && <HomeTab />}
            {tab.key === 'activity' && <ActivityTab />}
            {tab.key === 'coupons' && <CouponsTab />}
            {tab.key === 'rewards' && <RewardsTab />}
            {tab.key === 'inbox' && <InboxTab />}
            {tab.key === 'profile' && <ProfileTab />}
          </main>
        </PortalContext.Provider>
      )}
    </div>
  );
}

/** The tabs as links (each a route); arrow keys, Home and End move between them as in a tab bar. */
function TabBar({ current, unread }: { current: string; unread: number }) {
  const list = useRef<HTMLUListElement>(null);
  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const links = Array.from(list.current?.querySelectorAll('a') ?? []);
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: links.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    links[(next + links.length) % links.length]!.focus();
  }
  return (
    <nav aria-label="Portal" className="tabs">
      <ul ref={list} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <li key={t.key}>
            <Link to={t.path} aria-current={t.key === current ? 'page' : undefined}>
              {t.label}
              {t.key === 'inbox' && unread > 0 && (
                <span className="tab-count">
                  {unread}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
