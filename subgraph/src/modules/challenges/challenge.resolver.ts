import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { LoyaltyMemberType } from '../members/member.type';
import { ChallengeStatus } from './challenge.model';
import { challengesOfMembers, listChallenges, saveChallenge, setChallengeStatus } from './challenge.service';
import { ChallengeProgressType, ChallengeType, SaveLoyaltyChallengeInput, SaveLoyaltyChallengePayload, SetLoyaltyChallengeStatusInput, SetLoyaltyChallengeStatusPayload } from './challenge.type';

@Resolver(() => ChallengeType)
export class ChallengeResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => [ChallengeType], { description: 'Challenges, by start.' })
  loyaltyChallenges(@Arg('status', () => ChallengeStatus, { nullable: true }) status: ChallengeStatus | null, @Ctx() ctx: RequestContext) {
    return listChallenges(ctx, status);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyChallengePayload, { description: 'Creates a challenge, or replaces the one of the same code (admins); progress is kept.' })
  saveLoyaltyChallenge(@Arg('input', () => SaveLoyaltyChallengeInput) input: SaveLoyaltyChallengeInput, @Ctx() ctx: RequestContext) {
    return saveChallenge(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyChallengeStatusPayload)
  setLoyaltyChallengeStatus(@Arg('input', () => SetLoyaltyChallengeStatusInput) input: SetLoyaltyChallengeStatusInput, @Ctx() ctx: RequestContext) {
    return setChallengeStatus(ctx, input.code, input.status);
  }
}

const loaders = new WeakMap<RequestContext, DataLoader<string, Awaited<ReturnType<typeof challengesOfMembers>>[number]>>();

@Resolver(() => LoyaltyMemberType)
export class MemberChallengesResolver {
  @FieldResolver(() => [ChallengeProgressType], { description: "The running challenges with the member's progress (0 before their first step), and the ones they completed." })
  challenges(@Root() member: { id: string }, @Ctx() ctx: RequestContext) {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => challengesOfMembers(ctx.em, ids));
      loaders.set(ctx, loader);
    }
    return loader.load(member.id);
  }
}
