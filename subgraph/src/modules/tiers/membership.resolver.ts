import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { UserError } from '../../common/errors';
import { Money, MoneyInput } from '../../common/money';
import { selects } from '../../common/selection';
import { requireActingFor } from '../coupons/coupon.service';
import type { MemberView } from '../members/member.store';
import { LoyaltyMemberType } from '../members/member.type';
import { MembershipStatus } from './membership.entity';
import { membershipsOf, purchaseMembership, type MembershipView } from './membership.service';
import { tierOf } from './tier.service';
import { TierType } from './tier.type';

registerEnumType(MembershipStatus, {
  name: 'LoyaltyMembershipStatus',
  valuesConfig: {
    ACTIVE: { description: 'Paid for; in force from startsAt to endsAt.' },
    ENDED: { description: 'Its term is over; the member went back to the tier they earned.' },
    REFUNDED: { description: 'Its sale line was returned; it ended then.' },
  },
});

@ObjectType('LoyaltyMembership', { description: 'A paid membership: a tier bought for a fixed term with a sale.', simpleResolvers: true })
export class MembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => Money)
  price!: Money;

  @Field(() => String)
  channel!: string;

  @Field(() => String)
  saleId!: string;

  @Field(() => String, { description: 'The sale line; returning it refunds the membership.' })
  productId!: string;

  @Field(() => Date, { description: 'A renewal starts when the term before it ends.' })
  startsAt!: string;

  @Field(() => Date)
  endsAt!: string;

  @Field(() => Date, { nullable: true })
  endedAt?: string | null;

  @Field(() => Date)
  createdAt!: string;

  tierId!: string;
}

@InputType()
export class PurchaseLoyaltyMembershipInput {
  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { description: 'A tier sold as a paid membership (membershipPrice set).' })
  tierId!: string;

  @Field(() => String, { description: 'The sale that paid for it; one membership per sale and channel.' })
  saleId!: string;

  @Field(() => String, { description: 'store, web, app...' })
  channel!: string;

  @Field(() => String, { nullable: true, description: 'The sale line of the membership (default LOYALTY-MEMBERSHIP-<tier code>): returning it refunds the membership.' })
  productId?: string | null;

  @Field(() => MoneyInput, { description: "The price charged: must be the tier's membershipPrice." })
  price!: MoneyInput;
}

@ObjectType()
export class PurchaseLoyaltyMembershipPayload {
  @Field(() => MembershipType, { nullable: true })
  membership?: MembershipView | null;

  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: unknown;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => TierType)
  tier(@Root() m: MembershipView, @Ctx() ctx: RequestContext) {
    return tierOf(ctx, m.tierId);
  }

  @StaffOnly()
  @Authorized('admin', 'till', 'service')
  @Mutation(() => PurchaseLoyaltyMembershipPayload, { description: 'Record a paid membership bought with a sale (at a till or online): the tier at once for its term, renewed by buying again; idempotent by key.' })
  async purchaseLoyaltyMembership(@Arg('input', () => PurchaseLoyaltyMembershipInput) input: PurchaseLoyaltyMembershipInput, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const out = await purchaseMembership(ctx, input);
    return {
      membership: out.membership,
      member: out.membership && selects(info, 'member') ? await ctx.loaders.memberById.load(out.membership.memberId) : null,
      userErrors: out.userErrors,
    };
  }
}

@Resolver(() => LoyaltyMemberType)
export class MemberMembershipsResolver {
  @FieldResolver(() => [MembershipType], { description: 'Paid memberships, newest first.' })
  memberships(@Root() member: MemberView, @Ctx() ctx: RequestContext) {
    requireActingFor(ctx, member.id);
    return membershipsOf(ctx.em, member.id);
  }
}

@Resolver(() => TierType)
export class TierMembershipResolver {
  @FieldResolver(() => Money, { nullable: true, description: 'The price of a paid membership at this tier for membershipTermMonths; null when not sold.' })
  async membershipPrice(@Root() tier: { membershipPriceMinor?: number | null }, @Ctx() ctx: RequestContext) {
    if (!tier.membershipPriceMinor) return null;
    return { amount: tier.membershipPriceMinor, currencyCode: (await ctx.loaders.settings()).currencyCode };
  }
}
