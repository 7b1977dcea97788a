import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import type { MemberView } from '../members/member.store';
import { LoyaltyMemberType } from '../members/member.type';
import { ReactivateLoyaltyMemberInput, ReactivateLoyaltyMemberPayload, SetLoyaltyMembershipExpiryInput, SetLoyaltyMembershipExpiryPayload } from './membership-expiry.input';
import { membershipExpiresAt, reactivateMember, setMembershipExpiry } from './membership-expiry.service';

/** Membership expiry on the member (docs/membership-expiry.md) and its admin mutations. */
@Resolver(() => LoyaltyMemberType)
export class MembershipExpiryResolver {
  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyMembershipExpiryPayload, { description: "Set or remove the end date of a member's membership, with a reason for the activity log." })
  setLoyaltyMembershipExpiry(@Arg('input', () => SetLoyaltyMembershipExpiryInput) input: SetLoyaltyMembershipExpiryInput, @Ctx() ctx: RequestContext) {
    return setMembershipExpiry(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => ReactivateLoyaltyMemberPayload, { description: 'Bring an expired membership back (ACTIVE, activity from now); safe to retry.' })
  reactivateLoyaltyMember(@Arg('input', () => ReactivateLoyaltyMemberInput) input: ReactivateLoyaltyMemberInput, @Ctx() ctx: RequestContext) {
    return reactivateMember(ctx, input);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'The end of the membership set by an admin; null: none.' })
  membershipEndsAt(@Root() member: MemberView): Date | null {
    return member.membershipEndsAt ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the membership expired (status EXPIRED); null otherwise.' })
  membershipExpiredAt(@Root() member: MemberView): Date | null {
    return member.membershipExpiredAt ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'The last activity (enrolling, earning, spending, redeeming a coupon; recorded to the hour) of an ACTIVE membership; null while it is not active.',
  })
  lastActivityAt(@Root() member: MemberView, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return ctx.loaders.lastActivityByMemberId.load(member.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: "When an ACTIVE membership will expire: the earlier of its end date and the programme's inactivity period after its last activity; null when neither applies.",
  })
  async membershipExpiresAt(@Root() member: MemberView, @Ctx() ctx: RequestContext): Promise<Date | null> {
    if (member.status !== 'ACTIVE') return null;
    const [settings, lastActivityAt] = await Promise.all([ctx.loaders.settings(), ctx.loaders.lastActivityByMemberId.load(member.id)]);
    return membershipExpiresAt(settings, lastActivityAt, member.membershipEndsAt ?? null);
  }
}
