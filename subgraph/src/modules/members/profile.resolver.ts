import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { UpdateLoyaltyMemberProfileInput, UpdateLoyaltyMemberProfilePayload } from './profile.input';
import { updateMemberProfile } from './profile.service';

/** The member's own profile and consents (the portal), or an admin's edit of them. */
@Resolver()
export class MemberProfileResolver {
  @Authorized('admin', 'member', 'customer')
  @Mutation(() => UpdateLoyaltyMemberProfilePayload, {
    description: "Change a member's name, contact details, birthday and marketing consents: the member themself (member or shopper token), or an admin with memberId.",
  })
  updateLoyaltyMemberProfile(@Arg('input', () => UpdateLoyaltyMemberProfileInput) input: UpdateLoyaltyMemberProfileInput, @Ctx() ctx: RequestContext) {
    return updateMemberProfile(ctx, input);
  }
}
