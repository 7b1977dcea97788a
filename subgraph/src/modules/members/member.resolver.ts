import { StaffOnly } from '../../auth/staff';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { selects } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { TierType } from '../tiers/tier.type';
import type { Tier } from '../tiers/tier.entity';
import type { LoyaltyCard } from './card.entity';
import type { CardView, MemberView } from './member.store';
import {
  EnrollLoyaltyMemberInput,
  EnrollLoyaltyMemberPayload,
  LinkLoyaltyCardInput,
  LinkLoyaltyCardPayload,
  LinkLoyaltyCustomerInput,
  LinkLoyaltyCustomerPayload,
  SetLoyaltyCardStatusInput,
  SetLoyaltyCardStatusPayload,
} from './member.input';
import { LoyaltyCardType, LoyaltyMemberConnection, LoyaltyMemberType } from './member.type';
import * as members from './member.service';
import { MemberSort, searchMembers } from './member.search';
import { tierOf } from '../tiers/tier.service';

@Resolver(() => LoyaltyMemberType)
export class MemberResolver {
  @StaffOnly()
  @Authorized('admin', 'till', 'service')
  @Query(() => LoyaltyMemberType, { nullable: true, description: 'A member by id; null when there is none.' })
  loyaltyMember(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MemberView | null> {
    return members.findMember(ctx, id);
  }

  @StaffOnly()
  @Authorized('admin', 'till', 'service')
  @Query(() => LoyaltyMemberType, {
    nullable: true,
    description: 'The member an ACTIVE card identifies; null for unknown, blocked or lost cards (see `loyaltyCard` for why).',
  })
  loyaltyMemberByCard(@Arg('cardNumber', () => String) cardNumber: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<MemberView | null> {
    return members.findMemberByActiveCard(ctx, cardNumber, { withWallet: selects(info, 'wallet') });
  }

  @StaffOnly()
  @Authorized('admin', 'till')
  @Query(() => LoyaltyCardType, { nullable: true, description: 'A card by number, whatever its status.' })
  loyaltyCard(@Arg('number', () => String) number: string, @Ctx() ctx: RequestContext): Promise<LoyaltyCard | null> {
    return members.findCard(ctx, number);
  }

  @StaffOnly()
  @Authorized('admin', 'till')
  @Query(() => LoyaltyMemberConnection, {
    description:
      'Members, in `sort` order (newest enrolment first by default). `search` finds them by the start of the given name or surname (listed by name), the start of the e-mail address (listed by address), the last 4 or more digits of the phone number, or a card number of any status, and lists them in its own order, ignoring `sort` (docs/scale.md).',
  })
  loyaltyMembers(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('sort', () => MemberSort, { nullable: true, description: 'The order without a search (default NEWEST); ignored with a search.' }) sort: MemberSort | null,
    @Ctx() ctx: RequestContext,
  ) {
    return searchMembers(ctx, { first, after, search, sort });
  }

  @Authorized('member', 'customer')
  @Query(() => LoyaltyMemberType, {
    nullable: true,
    description: "The caller's own record: a member token's member, or the member enrolled with a shopper's customer id (null while not enrolled).",
  })
  async loyaltyMe(@Ctx() ctx: RequestContext): Promise<MemberView | null> {
    const memberId = requireRole(ctx, ['member', 'customer']).memberId;
    return memberId ? members.findMember(ctx, memberId) : null;
  }

  @StaffOnly()
  @Authorized('admin', 'till')
  @Mutation(() => EnrollLoyaltyMemberPayload)
  enrollLoyaltyMember(@Arg('input', () => EnrollLoyaltyMemberInput) input: EnrollLoyaltyMemberInput, @Ctx() ctx: RequestContext) {
    return members.enrollMember(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin', 'till')
  @Mutation(() => LinkLoyaltyCardPayload)
  linkLoyaltyCard(@Arg('input', () => LinkLoyaltyCardInput) input: LinkLoyaltyCardInput, @Ctx() ctx: RequestContext) {
    return members.linkCard(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin', 'service', 'till')
  @Mutation(() => LinkLoyaltyCustomerPayload, { description: "Tie a member (e.g. enrolled at a till) to the shopper's online account: their commerce customer id." })
  linkLoyaltyCustomer(@Arg('input', () => LinkLoyaltyCustomerInput) input: LinkLoyaltyCustomerInput, @Ctx() ctx: RequestContext) {
    return members.linkCustomer(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin', 'till')
  @Mutation(() => SetLoyaltyCardStatusPayload, { description: 'Block, report lost, or re-activate a card.' })
  setLoyaltyCardStatus(@Arg('input', () => SetLoyaltyCardStatusInput) input: SetLoyaltyCardStatusInput, @Ctx() ctx: RequestContext) {
    return members.setCardStatus(ctx, input);
  }

  @FieldResolver(() => TierType, { nullable: true })
  tier(@Root() member: MemberView, @Ctx() ctx: RequestContext): Tier | Promise<Tier | null> | null {
    return member.tier ? tierOf(ctx, member.tier.id) : null;
  }

  @FieldResolver(() => [LoyaltyCardType], { description: 'All cards, newest first, whatever their status.' })
  cards(@Root() member: MemberView, @Ctx() ctx: RequestContext): Promise<CardView[]> {
    return ctx.loaders.cardsByMemberId.load(member.id);
  }
}

@Resolver(() => LoyaltyCardType)
export class LoyaltyCardResolver {
  @FieldResolver(() => LoyaltyMemberType)
  async member(@Root() card: LoyaltyCard | CardView, @Ctx() ctx: RequestContext): Promise<MemberView> {
    return (await ctx.loaders.memberById.load(card.member.id))!;
  }
}
