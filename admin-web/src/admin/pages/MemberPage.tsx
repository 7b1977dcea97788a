import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ConsoleMembersDetailQuery } from '../../gql/graphql';
import { errorsByField, Notice, requestProblem } from '../../shared/forms';
import { formatDate, formatDateTime, formatMoney, formatPoints } from '../../shared/format';
import { Link } from '../../shared/router';
import { ActivityLog } from '../members/ActivityLog';
import { AdjustPointsForm } from '../members/AdjustPointsForm';
import { StatusBadge } from '../members/badges';
import { ConfirmDialog } from '../../shared/ConfirmDialog';
import { MemberDetailQuery, SetCardStatusMutation } from '../members/queries';
import { useCurrency } from '../programme-context';
import '../members/members.css';

type Member = NonNullable<ConsoleMembersDetailQuery['loyaltyMember']>;

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** A qualifying amount as the programme counts it: tier points, or spend in minor units. */
function useQualifying(basis: string) {
  const currencyCode = useCurrency();
  return (n: number | null | undefined) => (n === null || n === undefined ? '–' : basis === 'SPEND' ? formatMoney({ amount: n, currencyCode }) : `${formatPoints(n)} tier points`);
}

function Profile({ m }: { m: Member }) {
  return (
    <section className="panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl className="facts">
        <dt>Given name</dt>
        <dd>{m.firstName}</dd>
        <dt>Surname</dt>
        <dd>{m.lastName}</dd>
        <dt>E-mail</dt>
        <dd>{m.email ?? '–'}</dd>
        <dt>Phone</dt>
        <dd>{m.phone ?? '–'}</dd>
        <dt>Birthday</dt>
        <dd>{m.birthday ? formatDate(`${m.birthday}T12:00:00Z`) : '–'}</dd>
        <dt>Marketing e-mail</dt>
        <dd>{yesNo(m.emailOptIn)}</dd>
        <dt>Marketing SMS</dt>
        <dd>{yesNo(m.smsOptIn)}</dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={m.status} />
        </dd>
        <dt>Enrolled</dt>
        <dd>{formatDateTime(m.enrolledAt)}</dd>
        <dt>Last activity</dt>
        <dd>{formatDateTime(m.lastActivityAt)}</dd>
        {m.membershipExpiresAt && (
          <>
            <dt>Membership expires</dt>
            <dd>{formatDate(m.membershipExpiresAt)}</dd>
          </>
        )}
        <dt>Customer id</dt>
        <dd>{m.customerId ?? '–'}</dd>
      </dl>
    </section>
  );
}

function Level({ m }: { m: Member }) {
  const p = m.tierProgress;
  const amount = useQualifying(p.qualificationBasis);
  const from = p.currentTier?.qualificationThreshold ?? 0;
  const to = p.nextTier?.qualificationThreshold ?? null;
  const share = to === null ? 1 : to > from ? Math.min(1, Math.max(0, (p.qualifyingValue - from) / (to - from))) : 1;
  const basis = p.qualificationBasis === 'SPEND' ? ' spent' : '';
  const window = p.qualificationWindow === 'CALENDAR_YEAR' ? `this calendar year${p.windowStart ? ` (since ${formatDate(p.windowStart)})` : ''}` : 'since enrolment';
  return (
    <section className="panel" aria-labelledby="level-heading">
      <h2 id="level-heading">Level</h2>
      <p>
        <strong>{m.tier?.name ?? 'No level'}</strong>
        {p.nextTier ? <> · next: {p.nextTier.name}</> : m.tier ? ' · the top level' : ''}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={p.nextTier ? `Progress to ${p.nextTier.name}` : 'Progress (top level reached)'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
      >
        <div style={{ width: `${share * 100}%` }} />
      </div>
      <p className="muted">
        {amount(p.qualifyingValue)}
        {basis} {window}.{' '}
        {p.nextTier && p.toNextTier !== null && p.toNextTier !== undefined && (
          <>
            {amount(p.toNextTier)} more reach {p.nextTier.name}
            {p.nextTierBy ? ` by ${formatDate(p.nextTierBy)}` : ''}.
          </>
        )}
      </p>
      {(p.reviewAt || p.graceUntil) && (
        <dl className="facts">
          {p.reviewAt && (
            <>
              <dt>Next review</dt>
              <dd>{formatDate(p.reviewAt)}</dd>
              <dt>To keep the level</dt>
              <dd>{p.toKeepTier === 0 ? 'Kept already' : amount(p.toKeepTier)}</dd>
            </>
          )}
          {p.graceUntil && (
            <>
              <dt>Grace until</dt>
              <dd>{formatDate(p.graceUntil)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function Wallet({ m }: { m: Member }) {
  const w = m.wallet;
  const figures: [string, string][] = [
    ['Available', formatPoints(w.available)],
    ['Pending', formatPoints(w.pending)],
    ['Held', formatPoints(w.held)],
    ['Lifetime earned', formatPoints(w.lifetimeEarned)],
    ['Cash value', formatMoney(w.cashValue)],
  ];
  return (
    <section className="panel" aria-labelledby="wallet-heading">
      <h2 id="wallet-heading">Wallet</h2>
      <div className="wallet-figures">
        {figures.map(([label, value]) => (
          <div className="kpi" key={label} data-figure={label}>
            <div className="label">{label}</div>
            <div className="value">{value}</div>
          </div>
        ))}
      </div>
      <h3>Expiring in the next 90 days</h3>
      {w.expiring.length === 0 ? (
        <p className="muted">No points expire in the next 90 days.</p>
      ) : (
        <ul className="plain">
          {w.expiring.map((x) => (
            <li key={x.expiresAt}>
              {formatPoints(x.points)} points on {formatDate(x.expiresAt)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Cards({ m, onChanged }: { m: Member; onChanged: () => void }) {
  const [blocking, setBlocking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ fetching }, setStatus] = useMutation(SetCardStatusMutation);
  async function block(number: string) {
    setProblem(null);
    setDone(null);
    const res = await setStatus({ input: { cardNumber: number, status: 'BLOCKED' } });
    const errors = res.data?.setLoyaltyCardStatus.userErrors ?? [];
    if (res.error || errors.length) {
      setProblem(requestProblem(res.error) ?? Object.values(errorsByField(errors)).join(' '));
    } else {
      setDone(`Card ${number} is blocked: tills refuse it from now on.`);
      onChanged();
    }
    setBlocking(null);
  }
  return (
    <section className="panel" aria-labelledby="cards-heading">
      <h2 id="cards-heading">Cards</h2>
      {problem && <Notice kind="error">{problem}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      {m.cards.length === 0 ? (
        <p className="muted">No cards.</p>
      ) : (
        <table>
          <caption className="sr-only">Cards, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {m.cards.map((c) => (
              <tr key={c.number}>
                <td className="num" style={{ textAlign: 'left' }}>
                  {c.number}
                </td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>{formatDate(c.status === 'ACTIVE' ? c.linkedAt : c.statusChangedAt)}</td>
                <td>
                  {c.status === 'ACTIVE' && (
                    <button type="button" className="danger" onClick={() => setBlocking(c.number)} disabled={fetching} aria-label={`Block card ${c.number}`}>
                      Block
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {blocking && (
        <ConfirmDialog tone="danger" title={`Block card ${blocking}?`} confirmLabel="Block the card" busy={fetching} onConfirm={() => void block(blocking)} onCancel={() => setBlocking(null)}>
          <p>
            Tills will refuse this card for earning and spending. {m.firstName} {m.lastName} keeps their points and other cards.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function Coupons({ m }: { m: Member }) {
  return (
    <section className="panel" aria-labelledby="coupons-heading">
      <h2 id="coupons-heading">Coupons</h2>
      {m.coupons.length === 0 ? (
        <p className="muted">No coupons.</p>
      ) : (
        <table>
          <caption className="sr-only">Coupons, newest first (at most 20)</caption>
          <thead>
            <tr>
              <th scope="col">Coupon</th>
              <th scope="col">Code</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col" className="num">
                Points spent
              </th>
            </tr>
          </thead>
          <tbody>
            {m.coupons.map((c) => (
              <tr key={c.code}>
                <td>{c.title}</td>
                <td>{c.displayCode}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td>{formatDate(c.expiresAt)}</td>
                <td className="num">{formatPoints(c.pointsSpent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Inbox({ m }: { m: Member }) {
  const inbox = m.inbox;
  return (
    <section className="panel" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">Inbox</h2>
      <p className="muted">
        {formatPoints(inbox.totalCount)} messages, {formatPoints(inbox.unreadCount)} unread{inbox.totalCount > inbox.nodes.length ? `; the newest ${inbox.nodes.length} shown` : ''}.
      </p>
      {inbox.nodes.length > 0 && (
        <ul className="plain">
          {inbox.nodes.map((msg) => (
            <li key={msg.id}>
              <strong>{msg.title}</strong> <span className="muted">{formatDateTime(msg.createdAt)}</span> {!msg.read && <span className="badge warn">Unread</span>}
              <p className="inbox-body">{msg.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A member: profile, level and progress, wallet, cards (block one after confirming), coupons,
 * inbox, the points log, and an adjustment of points with a reason. Erasure is issue 15's.
 */
export function MemberPage({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MemberDetailQuery, variables: { id: memberId } });
  const [version, setVersion] = useState(0);
  const m = data?.loyaltyMember;
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    setVersion((v) => v + 1);
  };
  return (
    <div className="member">
      <p>
        <Link to="/members">← Members</Link>
      </p>
      {error && <Notice kind="error">{requestProblem(error)}</Notice>}
      {!data && fetching && <p className="muted">Loading the member…</p>}
      {data && !m && <Notice kind="error">There is no member with this id.</Notice>}
      {m && (
        <>
          <div className="member-head">
            <div>
              <h1>
                {m.firstName} {m.lastName}
              </h1>
              <p className="muted">
                <StatusBadge status={m.status} /> {m.tier?.name ?? 'No level'} · {formatPoints(m.wallet.available)} points available
              </p>
            </div>
          </div>
          <div className="grid-2">
            <Profile m={m} />
            <div>
              <Level m={m} />
              <Wallet m={m} />
            </div>
          </div>
          <section className="panel">
            <AdjustPointsForm memberId={m.id} available={m.wallet.available} onDone={refresh} />
          </section>
          <ActivityLog memberId={m.id} version={version} />
          <div className="grid-2">
            <Cards m={m} onChanged={refresh} />
            <Coupons m={m} />
          </div>
          <Inbox m={m} />
        </>
      )}
    </div>
  );
}
