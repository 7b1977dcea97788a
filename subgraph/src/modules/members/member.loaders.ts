import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, groupByKeys } from '../../common/batch';
import { isUuid } from '../../common/validation';
import { cardsByMemberIds, membersByCustomerIds, membersByIds, type CardView, type MemberView } from './member.store';

/** Request-scoped loaders of members and cards: one plain SELECT per batch, plain objects (no ORM entities). */
export function createMemberLoaders(em: EntityManager) {
  return {
    /** Member by id; malformed ids resolve to null without a query. */
    memberById: new DataLoader<string, MemberView | null>(async (ids) => {
      const keys = ids.map((id) => id.toLowerCase());
      const valid = [...new Set(keys.filter(isUuid))];
      return byKeys(keys, await membersByIds(em, valid), (m) => m.id);
    }),
    /** Member by the commerce customer id. */
    memberByCustomerId: new DataLoader<string, MemberView | null>(async (customerIds) => {
      const rows = await membersByCustomerIds(em, customerIds);
      return byKeys(customerIds, rows, (m) => m.customerId!);
    }),
    /** All cards of a member, newest first. */
    cardsByMemberId: new DataLoader<string, CardView[]>(async (memberIds) => {
      return groupByKeys(memberIds, await cardsByMemberIds(em, memberIds), (c) => c.member.id);
    }),
  };
}
