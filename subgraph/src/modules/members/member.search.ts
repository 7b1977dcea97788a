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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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

/** The branches of a search, in listing order: all matches of the first, then of the second... */
function branchesOf(search: ClassifiedSearch): Branch[] {
  switch (search.kind) {
    case 'all':
      return [];
    case 'email':
      return [{ where: `${KEY.email} like ?`, params: [`${escapeLike(search.terms[0]!)}%`], keys: [KEY.email], uniqueKeys: true }];
    case 'card':
      return [cardBranch(search.terms[0]!)];
    case 'digits': {
      const phone: Branch = { where: `${KEY.phone} like ?`, params: [`${escapeLike([...search.terms[0]!].reverse().join(''))}%`], keys: [KEY.phone] };
      return search.card ? [cardBranch(search.card), phone] : [phone];
    }
    case 'name': {
      const words = search.terms;
      const like = (w: string[]) => `${escapeLike(w.join(' '))}%`;
      if (words.length === 1) {
        return [
          { where: `${KEY.last} like ?`, params: [like(words)], keys: [KEY.last, KEY.first] },
          { where: `${KEY.first} like ?`, params: [like(words)], keys: [KEY.first, KEY.last] },
        ];
      }
      // "olivia smith", "smith olivia", "mary ann smith": every split of the words into a given
      // name and a surname, in either order
      const out: Branch[] = [];
      for (let k = 1; k < words.length; k++) {
        const a = words.slice(0, k);
        const b = words.slice(k);
        out.push({ where: `${KEY.first} like ? and ${KEY.last} like ?`, params: [like(a), like(b)], keys: [KEY.first, KEY.last] });
        out.push({ where: `${KEY.last} like ? and ${KEY.first} like ?`, params: [like(a), like(b)], keys: [KEY.last, KEY.first] });
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
 * The planner's estimate of how many members match: of each branch alone, added up (one EXPLAIN;
 * an estimate of the OR of all of them is poorer).
 */
async function estimateCount(ctx: RequestContext, branches: Branch[]): Promise<number> {
  const query = branches.length
    ? branches.map((b) => `select 1 from member m where ${b.where}`).join(' union all ')
    : 'select 1 from member m';
  const rows = await ctx.em
    .getConnection()
    .execute<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[]>(`explain (format json) ${query}`, branches.flatMap((b) => b.params));
  return Math.round(rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * How many members match: counted, reading at most `limit` + 1 of them, when the planner expects
 * no more than ten times `limit` (it may be wrong either way: the count decides); otherwise, and
 * when the count passes `limit`, the planner's estimate (never below `limit` + 1).
 */
async function countMatches(ctx: RequestContext, branches: Branch[], limit: number): Promise<{ count: number; estimate: boolean }> {
  const estimate = await estimateCount(ctx, branches);
  if (estimate > limit * 10) return { count: estimate, estimate: true };
  const where = branches.length ? `where ${branches.map((b) => `(${b.where})`).join(' or ')}` : '';
  const rows = await ctx.em
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from (select 1 from member m ${where} limit ?) s`, [...branches.flatMap((b) => b.params), limit + 1]);
  const exact = Number(rows[0]?.n ?? 0);
  return exact > limit ? { count: Math.max(estimate, exact), estimate: true } : { count: exact, estimate: false };
}

/**
 * The admin points table: a page of members matching `search` (see the table above), with keyset
 * pagination (the cursor is a member id; the page after it continues in the same order).
 */
export async function searchMembers(ctx: RequestContext, args: { first?: number | null; after?: string | null; search?: string | null }) {
  const { limit, afterKey } = pageArgs(args.first, args.after);
  const text = (args.search ?? '').trim().slice(0, 100);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new BadInputError('search must not contain control characters');
  if (afterKey !== null && !isUuid(afterKey)) return { ...toConnection<Member>([], limit, (m) => m.id, true, 0), totalCountIsEstimate: false };
  const search = classifySearch(text);
  const branches = branchesOf(search);
  const conn = ctx.em.getConnection();

  let rows: Record<string, unknown>[];
  if (search.kind === 'all') {
    const params: unknown[] = [];
    let where = '';
    if (afterKey) {
      const cursor = await conn.execute<{ at: string }[]>('select enrolled_at::text as at from member where id = ?', [afterKey.toLowerCase()]);
      if (!cursor[0]) return { ...toConnection<Member>([], limit, (m) => m.id, true, 0), totalCountIsEstimate: false };
      where = 'where (m.enrolled_at, m.id) < (?::timestamptz, ?::uuid)';
      params.push(cursor[0].at, afterKey.toLowerCase());
    }
    rows = await conn.execute(`select m.* from member m ${where} order by m.enrolled_at desc, m.id desc limit ?`, [...params, limit + 1]);
  } else {
    const page = await pageOfBranches(ctx, branches, afterKey?.toLowerCase() ?? null, limit + 1);
    if (page === null) return { ...toConnection<Member>([], limit, (m) => m.id, true, 0), totalCountIsEstimate: false };
    rows = page;
  }

  let total: { count: number; estimate: boolean };
  if (!afterKey && rows.length <= limit) {
    total = { count: rows.length, estimate: false }; // the whole result is on this page
  } else {
    total = await countMatches(ctx, branches, ctx.config.searchExactCountLimit);
  }
  const members = rows.map(({ _rank, _k1, _k2, ...row }) => ctx.em.map(Member, row));
  return { ...toConnection(members, limit, (m) => m.id, afterKey !== null, total.count), totalCountIsEstimate: total.estimate };
}

/**
 * Up to `limit` members of the branches, in order: each branch reads its index from the cursor on
 * (or from the start), at most `limit` rows; members a previous branch matches are left to it.
 * Null when the cursor is no member.
 */
async function pageOfBranches(ctx: RequestContext, branches: Branch[], afterId: string | null, limit: number): Promise<Record<string, unknown>[] | null> {
  const conn = ctx.em.getConnection();
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
    const where = [b.where];
    const p = [...b.params];
    // not the members an earlier branch lists
    for (const earlier of branches.slice(0, rank)) {
      where.push(`not coalesce((${earlier.where}), false)`);
      p.push(...earlier.params);
    }
    const order = b.uniqueKeys ? b.keys : [...b.keys, 'm.id'];
    if (cursor && rank === cursor.rank) {
      const values = b.uniqueKeys ? cursor.keys : [...cursor.keys, afterId];
      where.push(`(${order.join(', ')}) > (${order.map((k) => (k === 'm.id' ? '?::uuid' : '?')).join(', ')})`);
      p.push(...values);
    }
    const keys = order.filter((k) => k !== 'm.id');
    parts.push(
      `(select m.*, ${rank} as _rank, ${keys[0] ?? 'null::text'} as _k1, ${keys[1] ?? 'null::text'} as _k2 from member m
         where ${where.join(' and ')} order by ${order.length ? order.join(', ') : 'm.id'} limit ?)`,
    );
    params.push(...p, limit);
  });
  if (parts.length === 0) return [];
  return conn.execute<Record<string, unknown>[]>(`select * from (${parts.join(' union all ')}) s order by _rank, _k1 collate "C", _k2 collate "C", id limit ?`, [...params, limit]);
}
