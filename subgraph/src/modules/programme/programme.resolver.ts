import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { EARNING_RULE_KINDS } from '../earning/rules';
import { listEarningRules, saveEarningRule, updateProgramme } from './programme.admin';
import {
  EarningRuleKindType,
  EarningRuleType,
  ProgrammeType,
  SaveEarningRuleInput,
  SaveEarningRulePayload,
  UpdateProgrammeInput,
  UpdateProgrammePayload,
} from './programme.type';

@Resolver()
export class ProgrammeResolver {
  @Authorized()
  @Query(() => ProgrammeType, { description: "The programme's settings: currency, conversion, limits, expiry, bonuses." })
  programme(@Ctx() ctx: RequestContext) {
    return ctx.loaders.settings();
  }

  @Authorized('admin', 'till', 'service')
  @Query(() => [EarningRuleType], { description: 'Earning rules, active first, in evaluation order.' })
  earningRules(@Ctx() ctx: RequestContext) {
    return listEarningRules(ctx);
  }

  @Authorized('admin')
  @Query(() => [EarningRuleKindType], { description: 'The kinds of earning rule this service knows.' })
  earningRuleKinds() {
    return Object.values(EARNING_RULE_KINDS).map((k) => ({ code: k.code, description: k.description }));
  }

  @Authorized('admin')
  @Mutation(() => UpdateProgrammePayload)
  updateProgramme(@Arg('input', () => UpdateProgrammeInput) input: UpdateProgrammeInput, @Ctx() ctx: RequestContext) {
    return updateProgramme(ctx, input);
  }

  @Authorized('admin')
  @Mutation(() => SaveEarningRulePayload)
  saveEarningRule(@Arg('input', () => SaveEarningRuleInput) input: SaveEarningRuleInput, @Ctx() ctx: RequestContext) {
    return saveEarningRule(ctx, input);
  }
}
