import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { activityPages, type ActivityPage, type ActivityQuery } from './activity.service';

/** One member's page of the points log. */
export type ActivityPageKey = ActivityQuery & { memberId: string };

const shapeOf = (k: ActivityPageKey) => JSON.stringify([k.limit, k.afterKey, k.types, k.from?.toISOString() ?? null, k.to?.toISOString() ?? null]);
const cacheKey = (k: ActivityPageKey) => `${k.memberId} ${shapeOf(k)}`;

/**
 * The points log, batched per request: a router's 100 members with their activity cost one
 * statement for each distinct page asked for (usually one), not two per member.
 */
export function createActivityLoaders(em: EntityManager) {
  return {
    activityPage: new DataLoader<ActivityPageKey, ActivityPage, string>(
      async (keys) => {
        const shapes = new Map<string, ActivityPageKey[]>();
        for (const k of keys) shapes.set(shapeOf(k), [...(shapes.get(shapeOf(k)) ?? []), k]);
        const results = new Map<string, ActivityPage>();
        for (const group of shapes.values()) {
          const pages = await activityPages(em, [...new Set(group.map((k) => k.memberId))], group[0]!);
          for (const k of group) results.set(cacheKey(k), pages.get(k.memberId) ?? { rows: [], totalCount: 0 });
        }
        return keys.map((k) => results.get(cacheKey(k))!);
      },
      { cacheKeyFn: cacheKey },
    ),
  };
}
