import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Notice, requestProblem } from '../shared/forms';
import { formatDateTime } from '../shared/format';
import { Link } from '../shared/router';
import { usePortal } from './context';

const PortalInboxQuery = graphql(`
  query PortalInbox {
    loyaltyMe {
      id
      inbox(first: 100) {
        totalCount
        unreadCount
        nodes {
          id
          kind
          title
          body
          couponCode
          createdAt
          read
          readAt
        }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation PortalMarkInboxMessageRead($input: MarkLoyaltyInboxMessageReadInput!) {
    markLoyaltyInboxMessageRead(input: $input) {
      message {
        id
        read
        readAt
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);

/** The member's messages, unread first (newest first within each), each marked read with one button. */
export function InboxTab() {
  const { version, refresh } = usePortal();
  const [res, reexecute] = useQuery({ query: PortalInboxQuery });
  useEffect(() => {
    if (version > 0) reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);
  const [marking, markRead] = useMutation(MarkRead);
  const [problem, setProblem] = useState<string | null>(null);
  const inbox = res.data?.loyaltyMe?.inbox;

  async function mark(id: string) {
    setProblem(null);
    const out = await markRead({ input: { id } });
    const payload = out.data?.markLoyaltyInboxMessageRead;
    if (!payload) return setProblem(requestProblem(out.error));
    if (payload.userErrors.length) return setProblem(payload.userErrors.map((e) => e.message).join(' '));
    refresh();
  }

  if (res.error) return <Notice kind="error">{requestProblem(res.error)}</Notice>;
  if (!inbox) return <p className="muted" role="status">Loading…</p>;
  // the service lists newest first; a stable sort keeps that order within unread and read
  const messages = [...inbox.nodes].sort((a, b) => Number(a.read) - Number(b.read));

  return (
    <>
      <h1>Inbox</h1>
      <p className="muted" data-testid="inbox-unread">
        {inbox.unreadCount === 0 ? 'No unread messages.' : `${inbox.unreadCount} unread message${inbox.unreadCount === 1 ? '' : 's'}.`}
      </p>
      {problem && <Notice kind="error">{problem}</Notice>}
      {messages.length === 0 && <p className="panel muted">No messages yet. Offers, reminders and news about your points will appear here.</p>}
      <ul className="portal-cards">
        {messages.map((m) => (
          <li key={m.id} className={`panel message${m.read ? ' read' : ' unread'}`} aria-labelledby={`msg-${m.id}`}>
            <div className="message-head">
              <h2 id={`msg-${m.id}`}>
                {!m.read && <span className="badge warn">New</span>} {m.title}
              </h2>
              <time className="muted small" dateTime={m.createdAt}>
                {formatDateTime(m.createdAt)}
              </time>
            </div>
            <div className="message-body">
              {m.body.split('\n').map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
            <div className="row">
              {m.couponCode && <Link to="/coupons">See your coupons</Link>}
              {!m.read && (
                <button type="button" onClick={() => void mark(m.id)} disabled={marking.fetching} aria-describedby={`msg-${m.id}`}>
                  Mark as read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {inbox.totalCount > inbox.nodes.length && <p className="muted small">Showing the newest {inbox.nodes.length} of {inbox.totalCount} messages.</p>}
    </>
  );
}
