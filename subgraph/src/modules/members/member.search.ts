import type { RequestContext } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { pageArgs, toConnection } from '../../common/pagination';
import { isUuid, normaliseCardNumber } from '../../common/validation';
import { Member } from './member.entity';

/**
 * The admin points table's search (`loyaltyMembers(search:)`), built to cost the same with ten
 * thousand members as with ten million. The search text decides what it is (`classifySearch`), and
 * each kind reads one index that holds its matches in the order they are listed, so a page stops
 * after `first` matches instead of sorting all of them:
 *
 * | kind    | when the text is                                  | matches                                  | listed by               |
 * |---------|---------------------------------------------------|------------------------------------------|-------------------------|
 * | all     | empty                                             | every member                             | newest enrolment first  |
 * | name    | words                                             | given name and surname starting with them | surname (or given name) |
 * | email   | has an @, or is one token with `.`, `_` or `+`    | addresses starting with it               | address                 |
 * | digits  | digits and phone punctuation, 4 digits or more    | phones ending in them, and a card number | card first, then phone  |
 * | card    | one token of letters and digits                   | that card number (any status)            |                         |
 *
 * Keys are compared in the "C" collation (bytes), as the indexes hold them (migration
 * Migration20261204120000). `totalCount` is exact up to `config.searchExactCountLimit` and the
 * planner's estimate above it, flagged by `totalCountIsEstimate`; a page that holds every match
 * counts itself. docs/scale.md has the plans.
 */
export type SearchKind = 'all' | 'name' | 'email' | 'digits' | 'card';

/**
 * The order of the whole list (no search): each read in one index, so a page is `first` + 1
 * index entries whatever the number of members. A search lists its matches in its own order (the
 * table above) and ignores the sort.
 */
export enum MemberSort {
  /** Newest enrolment first (the default): `(enrolled_at, id)` read backwards. */
  NEWEST = 'NEWEST',
  /** Oldest enrolment first: the same index read forwards. */
  OLDEST = 'OLDEST',
  /** Surname, then given name, A to Z (byte order of the lower-cased names): `member_last_first_name_index`. */
  NAME = 'NAME',
}

export interface ClassifiedSearch {
  kind: SearchKind;
  /** name: the lower-cased words; email: the lower-cased prefix; digits: the phone digits; card: the number. */
  terms: string[];
  /** digits: the text as a card number, when it can be one. */
  card: string | null;
}

/** Decides what kind of search `text` (trimmed) is; see the table above. */
export function classifySearch(text: string): ClassifiedSearch {
  const t = text.trim();
  if (t === '') return { kind: 'all', terms: [], card: null };
  if (t.includes('@') || (!/\s/.test(t) && /[._+]/.test(t) && /[a-z]/i.test(t))) return { kind: 'email', terms: [t.toLowerCase()], card: null };
  const digits = t.replace(/\D/g, '');
  if (/^[\d\s()+.-]+$/.test(t) && digits.length >= 4) {
    // a whole number in national (07700 900123) or international (0044 ...) form: drop the leading
    // zeros, as E.164 stores it without them (+447700900123)
    const phone = digits.length >= 8 ? digits.replace(/^0+/, '') : digits;
    return { kind: 'digits', terms: [phone], card: normaliseCardNumber(digits) };
  }
  if (!/\s/.test(t) && /\d/.test(t) && normaliseCardNumber(t)) return { kind: 'card', terms: [normaliseCardNumber(t)!], card: normaliseCardNumber(t) };
  return { kind: 'name', terms: t.toLowerCase().split(/\s+/).slice(0, 4), card: null };
}

/** SQL key expressions, exactly as the indexes have them. */
const KEY = {
  first: `(lower(m.first_name) collate "C")`,
  last: `(lower(m.last_name) collate "C")`,
  email: `(m.email collate "C")`,
  phone: `(reverse(m.phone) collate "C")`,
};

/**
 * One way of matching, read in one index's order: `where` (SQL on `m`, with `?` for `params`) and
 * the `keys` the results are listed by (then the member id, unless a key is unique).
 */
interface Branch {
  where: string;
  params: unknown[];
  keys: string[];
  /** The keys alone order the matches (a unique key): no id after them. */
  uniqueKeys?: boolean;
}

/**
 * `key` starts with `prefix`: as a range of keys in byte order, [prefix, prefix + U+10FFFF), which
 * is what LIKE 'prefix%' amounts to in the C collation (no key continues past the highest code
 * point), without LIKE's escaping and with much less work for the planner.
 */
function startsWith(key: string, prefix: string): { where: string; params: string[] } {
  return { where: `${key} >= ? and ${key} < ?`, params: [prefix, `${prefix}\u{10FFFF}`] };
}

function both(a: { where: string; params: string[] }, b: { where: string; params: string[] }) {
  return { where: `${a.where} and ${b.where}`, params: [...a.params, ...b.params] };
}

/** The branches of a search, in listing order: all matches of the first, then of the second... */
function branchesOf(search: ClassifiedSearch): Branch[] {
  switch (search.kind) {
    case 'all':
      return [];
    case 'email':
      return [{ ...startsWith(KEY.email, search.terms[0]!), keys: [KEY.email], uniqueKeys: true }];
    case 'card':
      return [cardBranch(search.terms[0]!)];
    case 'digits': {
      const phone: Branch = { ...startsWith(KEY.phone, [...search.terms[0]!].reverse().join('')), keys: [KEY.phone] };
      return search.card ? [cardBranch(search.card), phone] : [phone];
    }
    case 'name': {
      const words = search.terms;
      if (words.length === 1) {
        return [
          { ...startsWith(KEY.last, words[0]!), keys: [KEY.last, KEY.first] },
          { ...startsWith(KEY.first, words[0]!), keys: [KEY.first, KEY.last] },
        ];
      }
      // "olivia smith", "smith olivia", "mary ann smith": every split of the words into a given
      // name and a surname, in either order
      const out: Branch[] = [];
      for (let k = 1; k < words.length; k++) {
        const a = words.slice(0, k).join(' ');
        const b = words.slice(k).join(' ');
        out.push({ ...both(startsWith(KEY.first, a), startsWith(KEY.last, b)), keys: [KEY.first, KEY.last] });
        out.push({ ...both(startsWith(KEY.last, a), startsWith(KEY.first, b)), keys: [KEY.last, KEY.first] });
      }
      return out;
    }
  }
}

function cardBranch(number: string): Branch {
  // an array built once (an init plan), so that the member is fetched by its primary key, also
  // when this is OR-ed with another branch
  return { where: 'm.id = any(array(select c.member_id from loyalty_card c where c.number = ?))', params: [number], keys: [] };
}

/**
 * SQL for the planner's estimate of how many members match: of each branch alone, added up (an
 * estimate of the OR of them all is poorer). The query goes to `loyalty_estimate_rows` as text,
 * its values quoted by format(%L), so that the estimate can be part of the page's statement.
 */
function estimateSql(branches: Branch[]): { sql: string; params: unknown[] } {
  const query = branches.length ? branches.map((b) => `select 1 from member m where ${b.where}`).join(' union all ') : 'select 1 from member m';
  const values = branches.flatMap((b) => b.params).map(String);
  return { sql: `loyalty_estimate_rows(format(?::text${values.map(() => ', ?::text').join('')}))`, params: [query.replace(/\?/g, '%L'), ...values] };
}

/**
 * SQL for how many members match, counting at most `limit` + 1: branch by branch, each an
 * index-only scan of its index (a member is counted in the first branch it matches).
 */
function countSql(branches: Branch[], limit: number): { sql: string; params: unknown[] } {
  const parts = branches.length ? branches.map((_, rank) => withoutEarlier(branches, rank)) : [{ where: 'true', params: [] as unknown[] }];
  return {
    sql: parts.map((p) => `(select count(*)::int from (select 1 from member m where ${p.where} limit ?) c)`).join(' + '),
    params: parts.flatMap((p) => [...p.params, limit + 1]),
  };
}

/** Branch `rank`'s condition without the members an earlier branch lists. */
function withoutEarlier(branches: Branch[], rank: number): { where: string; params: unknown[] } {
  const b = branches[rank]!;
  const where = [b.where];
  const params = [...b.params];
  for (const earlier of branches.slice(0, rank)) {
    where.push(`not coalesce((${earlier.where}), false)`);
    params.push(...earlier.params);
  }
  return { where: where.join(' and '), params };
}

/**
 * The admin points table: a page of members matching `search` (see the table above), with keyset
 * pagination (the cursor is a member id; the page after it continues in the same order).
 */
export async function searchMembers(ctx: RequestContext, args: { first?: number | null; after?: string | null; search?: string | null; sort?: MemberSort | null }) {
  const { limit, afterKey } = pageArgs(args.first, args.after);
  const text = (args.search ?? '').trim().slice(0, 100);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new BadInputError('search must not contain control characters');
  if (afterKey !== null && !isUuid(afterKey)) return { ...toConnection<Member>([], limit, (m) => m.id, true, 0), totalCountIsEstimate: false };
  const search = classifySearch(text);
  const branches = branchesOf(search);
  const page = await pageSql(ctx, search, branches, afterKey?.toLowerCase() ?? null, limit + 1, args.sort ?? MemberSort.NEWEST);
  if (page === null) return { ...toConnection<Member>([], limit, (m) => m.id, true, 0), totalCountIsEstimate: false };
  // One statement: the page and, beside it, the number of matches up to the exact-count limit
  // (at most limit + 1 index entries), and when there are more, the planner's estimate.
  const exactLimit = ctx.config.searchExactCountLimit;
  const count = countSql(branches, exactLimit);
  const estimate = estimateSql(branches);
  const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
    `select p.*, n._count, n._estimate
       from (${page.sql}) p
       right join (select c._count, case when c._count > ? then ${estimate.sql} end as _estimate from (select ${count.sql} as _count offset 0) c) n on true
      order by ${page.order}`,
    [...page.params, exactLimit, ...estimate.params, ...count.params],
  );
  const found = rows.filter((r) => r.id !== null);
  const counted = Number(rows[0]?._count ?? 0);
  const total =
    afterKey === null && found.length <= limit
      ? { count: found.length, estimate: false } // every match is on this page
      : counted > exactLimit
        ? { count: Math.max(Number(rows[0]!._estimate), exactLimit + 1), estimate: true }
        : { count: counted, estimate: false };
  const members = found.map(({ _rank, _k1, _k2, _count, _estimate, ...row }) => ctx.em.map(Member, row));
  return { ...toConnection(members, limit, (m) => m.id, afterKey !== null, total.count), totalCountIsEstimate: total.estimate };
}

/**
 * SQL for up to `limit` members of the search in order, and the ORDER BY of its result (`p`).
 * Every member: in `sort`'s order, from the cursor on (`listSql`). Otherwise each branch reads its index from the
 * cursor on (or from the start), at most `limit` rows, leaving members an earlier branch matches
 * to it. Null when the cursor is no member.
 */
async function pageSql(
  ctx: RequestContext,
  search: ClassifiedSearch,
  branches: Branch[],
  afterId: string | null,
  limit: number,
  sort: MemberSort,
): Promise<{ sql: string; params: unknown[]; order: string } | null> {
  const conn = ctx.em.getConnection();
  if (search.kind === 'all') return listSql(ctx, sort, afterId, limit);
  // Where the cursor's member is: the first branch it matches, and its keys there.
  let cursor: { rank: number; keys: unknown[] } | null = null;
  if (afterId) {
    const rankSql = `case ${branches.map((b, i) => `when ${b.where} then ${i}`).join(' ')} end`;
    const keySql = [KEY.first, KEY.last, KEY.email, KEY.phone];
    const found = await conn.execute<Record<string, unknown>[]>(
      `select ${rankSql} as rank, ${keySql.map((k, i) => `${k} as k${i}`).join(', ')} from member m where m.id = ?`,
      [...branches.flatMap((b) => b.params), afterId],
    );
    if (!found[0]) return null;
    const rank = found[0].rank === null ? branches.length : Number(found[0].rank);
    const keyOf = (k: string) => found[0]![`k${keySql.indexOf(k)}`];
    cursor = { rank, keys: rank < branches.length ? branches[rank]!.keys.map(keyOf) : [] };
  }
  const parts: string[] = [];
  const params: unknown[] = [];
  branches.forEach((b, rank) => {
    if (cursor && rank < cursor.rank) return;
    const own = withoutEarlier(branches, rank);
    const where = [own.where];
    const p = [...own.params];
    const order = b.uniqueKeys ? b.keys : [...b.keys, 'm.id'];
    if (cursor && rank === cursor.rank) {
      const values = b.uniqueKeys ? cursor.keys : [...cursor.keys, afterId];
      where.push(`(${order.join(', ')}) > (${order.map((k) => (k === 'm.id' ? '?::uuid' : '?')).join(', ')})`);
      p.push(...values);
    }
    const keys = order.filter((k) => k !== 'm.id');
    parts.push(
      `(select m.*, ${rank} as _rank, ${keys[0] ?? 'null::text'} as _k1, ${keys[1] ?? 'null::text'} as _k2 from member m
         where ${where.join(' and ')} order by ${order.join(', ')} limit ?)`,
    );
    params.push(...p, limit);
  });
  // nothing left after the cursor: an empty page
  if (parts.length === 0) parts.push('(select m.*, 0 as _rank, null::text as _k1, null::text as _k2 from member m where false)');
  const order = 's._rank, s._k1 collate "C", s._k2 collate "C", s.id';
  return {
    sql: `select s.* from (${parts.join(' union all ')}) s order by ${order} limit ?`,
    params: [...params, limit],
    order: 'p._rank nulls last, p._k1 collate "C", p._k2 collate "C", p.id',
  };
}

/**
 * Every member in `sort`'s order, from the cursor on: the cursor's keys, then a row comparison
 * that bounds the index scan (`(k1, k2, id) > (...)`). Null when the cursor is no member.
 */
async function listSql(ctx: RequestContext, sort: MemberSort, afterId: string | null, limit: number): Promise<{ sql: string; params: unknown[]; order: string } | null> {
  const order =
    sort === MemberSort.NAME
      ? { keys: [KEY.last, KEY.first, 'm.id'], cast: ['text', 'text', 'uuid'], dir: '>', sql: `${KEY.last}, ${KEY.first}, m.id`, outer: 'p._k1 collate "C", p._k2 collate "C", p.id' }
      : sort === MemberSort.OLDEST
        ? { keys: ['m.enrolled_at', 'm.id'], cast: ['timestamptz', 'uuid'], dir: '>', sql: 'm.enrolled_at, m.id', outer: 'p.enrolled_at, p.id' }
        : { keys: ['m.enrolled_at', 'm.id'], cast: ['timestamptz', 'uuid'], dir: '<', sql: 'm.enrolled_at desc, m.id desc', outer: 'p.enrolled_at desc nulls last, p.id desc' };
  let where = '';
  const params: unknown[] = [];
  if (afterId) {
    const cursor = await ctx.em
      .getConnection()
      .execute<Record<string, unknown>[]>(`select ${order.keys.map((k, i) => `(${k})::text as k${i}`).join(', ')} from member m where m.id = ?`, [afterId]);
    if (!cursor[0]) return null;
    where = `where (${order.keys.join(', ')}) ${order.dir} (${order.cast.map((c) => (c === 'text' ? '?' : `?::${c}`)).join(', ')})`;
    params.push(...order.keys.map((_, i) => cursor[0]![`k${i}`]));
  }
  const sortKeys = sort === MemberSort.NAME ? `, ${KEY.last} as _k1, ${KEY.first} as _k2` : '';
  return { sql: `select m.*${sortKeys} from member m ${where} order by ${order.sql} limit ?`, params: [...params, limit], order: `${order.outer}` };
}
