import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketOf, bucketStarts, type AnalyticsRange } from './buckets';

/**
 * Levels (tiers) over time (docs/analytics.md#levels), from the journal's TIER_CHANGE entries,
 * written in the transaction of every change (upgrade, review, manual floor, paid membership).
 * Before a member's first recorded change they were at the entry level (the lowest rank); a member
 * with no change recorded (bulk-loaded ones) has been at their current level all along.
 */

export interface LevelCount {
  tierId: string | null;
  members: number;
}

export interface LevelMove {
  fromTierId: string | null;
  toTierId: string | null;
  members: number;
}

export interface LevelMovesBucket {
  start: Date;
  moves: LevelMove[];
}

/** The current level of every member enrolled before `at` (null: `now`), by level. */
export async function levelDistribution(em: EntityManager, at: Date | null, entryTierId: string | null): Promise<LevelCount[]> {
  const conn = em.getConnection();
  const rows = at === null
    ? await conn.execute<{ tier_id: string | null; n: string }[]>('select tier_id, count(*) as n from member group by tier_id')
    : await conn.execute<{ tier_id: string | null; n: string }[]>(
        `with now_level as (select tier_id, count(*) as n from member where enrolled_at < ? group by tier_id),
         -- members whose level changed since: take them off their current level, put them on the one they had
         changed as (
           select m.id, m.tier_id as now_tier,
                  coalesce((select e.tier_id from ledger_entry e where e.member_id = m.id and e.type = 'TIER_CHANGE' and e.occurred_at < ? order by e.occurred_at desc, e.id desc limit 1), ?::uuid) as then_tier
             from member m where m.enrolled_at < ? and m.id in (select member_id from ledger_entry where type = 'TIER_CHANGE' and occurred_at >= ?)
         ),
         delta as (select now_tier as tier_id, -count(*) as n from changed group by 1 union all select then_tier, count(*) from changed group by 1)
         select tier_id, sum(n) as n from (select * from now_level union all select * from delta) x group by tier_id having sum(n) <> 0`,
        [at, at, entryTierId, at, at],
      );
  return rows.map((r) => ({ tierId: r.tier_id, members: Number(r.n) }));
}

/**
 * Level movements per bucket: TIER_CHANGE entries in the range whose level differs from the
 * member's level before (their previous TIER_CHANGE, or the entry level), counted from → to.
 * Renewals and notes that repeat the level are no movement.
 */
export async function levelMovements(em: EntityManager, a: AnalyticsRange, entryTierId: string | null): Promise<LevelMovesBucket[]> {
  const g = bucketOf('e.occurred_at', a);
  const rows = await em.getConnection().execute<{ b: Date | string; from_tier: string | null; to_tier: string | null; n: string }[]>(
    `select b, from_tier, to_tier, count(*) as n from (
       select ${g.sql} as b, e.tier_id as to_tier,
              coalesce((select p.tier_id from ledger_entry p where p.member_id = e.member_id and p.type = 'TIER_CHANGE' and (p.occurred_at, p.id) < (e.occurred_at, e.id) order by p.occurred_at desc, p.id desc limit 1), ?::uuid) as from_tier
         from ledger_entry e where e.type = 'TIER_CHANGE' and e.occurred_at >= ? and e.occurred_at < ?
     ) x where from_tier is distinct from to_tier group by 1, 2, 3`,
    [...g.params, entryTierId, a.from, a.to],
  );
  const byStart = new Map((await bucketStarts(em, a)).map((start) => [start.getTime(), { start, moves: [] as LevelMove[] }]));
  for (const r of rows) byStart.get(new Date(r.b).getTime())?.moves.push({ fromTierId: r.from_tier, toTierId: r.to_tier, members: Number(r.n) });
  return [...byStart.values()];
}
