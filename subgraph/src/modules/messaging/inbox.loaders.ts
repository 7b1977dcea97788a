import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

/** An inbox message as the API shows it. */
export interface InboxMessageView {
  id: string;
  memberId: string;
  kind: string;
  title: string;
  body: string;
  couponCode: string | null;
  createdAt: Date;
  readAt: Date | null;
  read: boolean;
}

export function toInboxMessage(r: Record<string, unknown>): InboxMessageView {
  return {
    id: String(r.id),
    memberId: String(r.member_id),
    kind: String(r.kind),
    title: String(r.title),
    body: String(r.body),
    couponCode: (r.coupon_code as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    readAt: r.read_at ? new Date(r.read_at as string) : null,
    read: r.read_at != null,
  };
}

/** One page request: `limit + 1` rows after the message `afterId` (newest first). */
export interface InboxPageKey {
  memberId: string;
  limit: number;
  afterId: string | null;
  unreadOnly: boolean;
}

const pgArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Inbox reads, batched per request: a list of members with their inboxes costs one page query and
 * one count query, not two per member.
 */
export function createInboxLoaders(em: EntityManager) {
  return {
    /** Number of messages and of unread ones, per member. */
    inboxCountsByMemberId: new DataLoader<string, { total: number; unread: number }>(async (memberIds) => {
      const rows = await em.execute<{ member_id: string; total: string; unread: string }[]>(
        `select member_id, count(*) as total, count(*) filter (where read_at is null) as unread
           from inbox_message where member_id = any(?::uuid[]) group by member_id`,
        [pgArray(memberIds)],
      );
      const map = new Map(rows.map((r) => [r.member_id, { total: Number(r.total), unread: Number(r.unread) }]));
      return memberIds.map((id) => map.get(id) ?? { total: 0, unread: 0 });
    }),
    /** A page of one member's inbox, newest first; requests with the same page shape share a query. */
    inboxPage: new DataLoader<InboxPageKey, InboxMessageView[], string>(
      async (keys) => {
        const results = new Map<string, InboxMessageView[]>();
        const shapes = new Map<string, InboxPageKey[]>();
        for (const k of keys) {
          const shape = JSON.stringify([k.limit, k.afterId, k.unreadOnly]);
          shapes.set(shape, [...(shapes.get(shape) ?? []), k]);
        }
        for (const group of shapes.values()) {
          const { limit, afterId, unreadOnly } = group[0]!;
          const rows = await em.execute<Record<string, unknown>[]>(
            `select p.* from unnest(?::uuid[]) as k(member_id)
             cross join lateral (
               select i.* from inbox_message i
                where i.member_id = k.member_id
                  ${unreadOnly ? 'and i.read_at is null' : ''}
                  ${afterId ? 'and (i.created_at, i.id) < (select a.created_at, a.id from inbox_message a where a.id = ? and a.member_id = k.member_id)' : ''}
                order by i.created_at desc, i.id desc
                limit ?) p`,
            [pgArray([...new Set(group.map((k) => k.memberId))]), ...(afterId ? [afterId] : []), limit + 1],
          );
          for (const k of group) results.set(inboxPageCacheKey(k), []);
          for (const r of rows) {
            const view = toInboxMessage(r);
            results.get(inboxPageCacheKey({ memberId: view.memberId, limit, afterId, unreadOnly }))?.push(view);
          }
        }
        return keys.map((k) => results.get(inboxPageCacheKey(k)) ?? []);
      },
      { cacheKeyFn: inboxPageCacheKey },
    ),
  };
}

function inboxPageCacheKey(k: InboxPageKey): string {
  return JSON.stringify([k.memberId, k.limit, k.afterId, k.unreadOnly]);
}
