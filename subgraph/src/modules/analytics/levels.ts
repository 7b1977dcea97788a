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

/**
 * Members by level at `at` (those enrolled before it) and now (all), from one pass over the
 * members: everyone counts at their current level, then those whose level changed since `at` move
 * back to the level they had then (their last TIER_CHANGE before `at`, or the entry level).
 */
export async function levelDistributions(em: EntityManager, at: Date, entryTierId: string | null): Promise<{ atEnd: LevelCount[]; now: LevelCount[] }> {
  const conn = em.getConnection();
  const current = await conn.execute<{ tier_id: string | null; at_end: string; now: string }[]>(
    'select tier_id, count(*) filter (where enrolled_at < ?) as at_end, count(*) as now from member group by tier_id',
    [at],
  );
  const changed = await conn.execute<{ tier_id: string | null; n: string }[]>(
    `with changed as (
       select m.tier_id as now_tier,
              coalesce((select e.tier_id from ledger_entry e where e.member_id = m.id and e.type = 'TIER_CHANGE' and e.occurred_at < ? order by e.occurred_at desc, e.id desc limit 1), ?::uuid) as then_tier
         from member m where m.enrolled_at < ? and m.id in (select member_id from ledger_entry where type = 'TIER_CHANGE' and occurred_at >= ?)
     )
     select now_tier as tier_id, -count(*) as n from changed group by 1 union all select then_tier, count(*) from changed group by 1`,
    [at, entryTierId, at, at],
  );
  const atEnd = new Map<string | null, number>();
  const add = (tier: string | null, n: number) => atEnd.set(tier, (atEnd.get(tier) ?? 0) + n);
  for (const r of current) add(r.tier_id, Number(r.at_end));
  for (const r of changed) add(r.tier_id, Number(r.n));
  return {
    atEnd: [...atEnd].filter(([, n]) => n !== 0).map(([tierId, members]) => ({ tierId, members })),
    now: current.map((r) => ({ tierId: r.tier_id, members: Number(r.now) })),
  };
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
