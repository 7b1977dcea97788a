import { StaffOnly } from '../../auth/staff';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { EARNING_RULE_KINDS } from '../earning/rules';
import { listEarningRules, saveEarningRule, updateProgramme } from './programme.admin';
import {
  EarningRuleKindType,
  EarningRuleType,
  ProgrammeType,
  SaveLoyaltyEarningRuleInput,
  SaveLoyaltyEarningRulePayload,
  UpdateLoyaltyProgrammeInput,
  UpdateLoyaltyProgrammePayload,
} from './programme.type';

@Resolver()
export class ProgrammeResolver {
  @Authorized()
  @Query(() => ProgrammeType, { description: "The programme's settings: currency, conversion, limits, expiry, bonuses." })
  loyaltyProgramme(@Ctx() ctx: RequestContext) {
    return ctx.loaders.settings();
  }

  @StaffOnly()
  @Authorized('admin', 'till', 'service')
  @Query(() => [EarningRuleType], { description: 'Earning rules, active first, in evaluation order.' })
  loyaltyEarningRules(@Ctx() ctx: RequestContext) {
    return listEarningRules(ctx);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => [EarningRuleKindType], { description: 'The kinds of earning rule this service knows.' })
  loyaltyEarningRuleKinds() {
    return Object.values(EARNING_RULE_KINDS).map((k) => ({ code: k.code, description: k.description }));
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => UpdateLoyaltyProgrammePayload)
  updateLoyaltyProgramme(@Arg('input', () => UpdateLoyaltyProgrammeInput) input: UpdateLoyaltyProgrammeInput, @Ctx() ctx: RequestContext) {
    return updateProgramme(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyEarningRulePayload)
  saveLoyaltyEarningRule(@Arg('input', () => SaveLoyaltyEarningRuleInput) input: SaveLoyaltyEarningRuleInput, @Ctx() ctx: RequestContext) {
    return saveEarningRule(ctx, input);
  }
}
