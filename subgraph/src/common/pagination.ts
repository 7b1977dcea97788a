import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from './errors';

@ObjectType('LoyaltyPageInfo', { description: 'Relay page information.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string | null;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

export const MAX_PAGE_SIZE = 100;

/** Checks `first` (1..100) and decodes an opaque `after` cursor into the key it carries. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined, fallback = 20): { limit: number; afterKey: string | null } {
  const limit = first ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return { limit, afterKey: after ? decodeCursor(after) : null };
}

export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = cursor.length <= 200 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith('c:') || decoded.length < 3) throw new BadInputError('after is not a cursor returned by this API');
  return decoded.slice(2);
}

/** Shapes a page fetched with `limit + 1` rows into Relay edges. */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => string, hasPrevious: boolean, totalCount: number) {
  const hasNextPage = rows.length > limit;
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
