import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, groupByKeys } from '../../common/batch';
import { isUuid } from '../../common/validation';
import { LoyaltyCard } from './card.entity';
import { Member } from './member.entity';

export function createMemberLoaders(em: EntityManager) {
  return {
    /** Member by id; malformed ids resolve to null without a query. */
    memberById: new DataLoader<string, Member | null>(async (ids) => {
      const valid = [...new Set(ids.map((id) => id.toLowerCase()).filter(isUuid))];
      const rows = valid.length ? await em.find(Member, { id: { $in: valid } }) : [];
      return byKeys(ids.map((id) => id.toLowerCase()), rows, (m) => m.id);
    }),
    /** Member by the commerce customer id. */
    memberByCustomerId: new DataLoader<string, Member | null>(async (customerIds) => {
      const rows = await em.find(Member, { customerId: { $in: [...customerIds] } });
      return byKeys(customerIds, rows, (m) => m.customerId!);
    }),
    /** All cards of a member, newest first. */
    cardsByMemberId: new DataLoader<string, LoyaltyCard[]>(async (memberIds) => {
      const rows = await em.find(LoyaltyCard, { member: { $in: [...memberIds] } }, { orderBy: { linkedAt: 'desc', id: 'asc' } });
      return groupByKeys(memberIds, rows, (c) => c.member.id);
    }),
  };
}
