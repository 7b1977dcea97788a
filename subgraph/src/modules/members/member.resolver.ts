import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { TierType } from '../tiers/tier.type';
import type { Tier } from '../tiers/tier.entity';
import type { LoyaltyCard } from './card.entity';
import type { Member } from './member.entity';
import {
  EnrollMemberInput,
  EnrollMemberPayload,
  LinkCardInput,
  LinkCardPayload,
  SetCardStatusInput,
  SetCardStatusPayload,
} from './member.input';
import { LoyaltyCardType, LoyaltyMemberConnection, LoyaltyMemberType } from './member.type';
import * as members from './member.service';

@Resolver(() => LoyaltyMemberType)
export class MemberResolver {
  @Authorized('admin', 'till', 'service')
  @Query(() => LoyaltyMemberType, { nullable: true, description: 'A member by id; null when there is none.' })
  member(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return members.findMember(ctx, id);
  }

  @Authorized('admin', 'till', 'service')
  @Query(() => LoyaltyMemberType, {
    nullable: true,
    description: 'The member an ACTIVE card identifies; null for unknown, blocked or lost cards (see `card` for why).',
  })
  memberByCard(@Arg('cardNumber', () => String) cardNumber: string, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return members.findMemberByActiveCard(ctx, cardNumber);
  }

  @Authorized('admin', 'till')
  @Query(() => LoyaltyCardType, { nullable: true, description: 'A card by number, whatever its status.' })
  card(@Arg('number', () => String) number: string, @Ctx() ctx: RequestContext): Promise<LoyaltyCard | null> {
    return members.findCard(ctx, number);
  }

  @Authorized('admin', 'till')
  @Query(() => LoyaltyMemberConnection, {
    description: 'Members, newest enrolment first; `search` matches name words, e-mail prefix, phone digits or a card number.',
  })
  members(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return members.searchMembers(ctx, { first, after, search });
  }

  @Authorized('member')
  @Query(() => LoyaltyMemberType, { nullable: true, description: "The calling member's own record (member tokens only)." })
  me(@Ctx() ctx: RequestContext): Promise<Member | null> {
    return members.findMember(ctx, requireRole(ctx, ['member']).memberId!);
  }

  @Authorized('admin', 'till')
  @Mutation(() => EnrollMemberPayload)
  enrollMember(@Arg('input', () => EnrollMemberInput) input: EnrollMemberInput, @Ctx() ctx: RequestContext) {
    return members.enrollMember(ctx, input);
  }

  @Authorized('admin', 'till')
  @Mutation(() => LinkCardPayload)
  linkCard(@Arg('input', () => LinkCardInput) input: LinkCardInput, @Ctx() ctx: RequestContext) {
    return members.linkCard(ctx, input);
  }

  @Authorized('admin', 'till')
  @Mutation(() => SetCardStatusPayload, { description: 'Block, report lost, or re-activate a card.' })
  setCardStatus(@Arg('input', () => SetCardStatusInput) input: SetCardStatusInput, @Ctx() ctx: RequestContext) {
    return members.setCardStatus(ctx, input);
  }

  @FieldResolver(() => TierType, { nullable: true })
  tier(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<Tier | null> | null {
    return member.tier ? ctx.loaders.tierById.load(member.tier.id) : null;
  }

  @FieldResolver(() => [LoyaltyCardType], { description: 'All cards, newest first, whatever their status.' })
  cards(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<LoyaltyCard[]> {
    return ctx.loaders.cardsByMemberId.load(member.id);
  }
}

@Resolver(() => LoyaltyCardType)
export class LoyaltyCardResolver {
  @FieldResolver(() => LoyaltyMemberType)
  async member(@Root() card: LoyaltyCard, @Ctx() ctx: RequestContext): Promise<Member> {
    return (await ctx.loaders.memberById.load(card.member.id))!;
  }
}
