import type { RequestContext } from '../../common/context';
import { requireMemberAccess, requireRole } from '../../common/context';
import { BadInputError, ErrorCode, userError, type UserError } from '../../common/errors';
import { pageArgs, toConnection } from '../../common/pagination';
import { isUuid } from '../../common/validation';
import { toInboxMessage, type InboxMessageView } from './inbox.loaders';

/**
 * One member's inbox, newest first, keyset-paginated, with the unread count across the whole
 * inbox. Readable by whoever may read the member (staff, or the member's own token).
 */
export async function memberInbox(ctx: RequestContext, memberId: string, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }) {
  requireMemberAccess(ctx, memberId);
  const { limit, afterKey } = pageArgs(args.first, args.after);
  if (afterKey !== null && !isUuid(afterKey)) throw new BadInputError('after is not a cursor returned by this API');
  const unreadOnly = args.unreadOnly ?? false;
  const [rows, counts] = await Promise.all([
    ctx.loaders.inboxPage.load({ memberId, limit, afterId: afterKey?.toLowerCase() ?? null, unreadOnly }),
    ctx.loaders.inboxCountsByMemberId.load(memberId),
  ]);
  const connection = toConnection(rows, limit, (m) => m.id, afterKey !== null, unreadOnly ? counts.unread : counts.total);
  return { ...connection, unreadCount: counts.unread };
}

/**
 * Marks a message read (once: marking it again keeps the first time). A member may mark only
 * their own messages; admins any. An unknown id, and another member's message, are INVALID_INPUT
 * alike: message ids cannot be probed.
 */
export async function markInboxMessageRead(ctx: RequestContext, input: { id: string }): Promise<{ message: InboxMessageView | null; userErrors: UserError[] }> {
  const principal = requireRole(ctx, ['member', 'admin']);
  const notFound = { message: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'There is no inbox message with this id', ['input', 'id'])] };
  if (!isUuid(input.id)) return notFound;
  const id = input.id.toLowerCase();
  const found = await ctx.em.execute<{ member_id: string }[]>('select member_id from inbox_message where id = ?', [id]);
  if (!found[0]) return notFound;
  if (!principal.roles.has('admin') && found[0].member_id !== principal.memberId?.toLowerCase()) return notFound;
  const rows = await ctx.em.execute<Record<string, unknown>[]>('update inbox_message set read_at = coalesce(read_at, now()) where id = ? returning *', [id]);
  return { message: toInboxMessage(rows[0]!), userErrors: [] };
}
