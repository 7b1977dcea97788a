import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError } from '../../common/errors';
import { InputChecker } from '../../common/validation';
import { checkAudienceRules, type AudienceRules } from './audience-rules';
import type { AudienceRecord } from './audience.entity';
import { AudienceTooSlow, audienceByCode, checkSampleSize, evaluateAudience, listAudiences, saveAudience } from './audience.service';
import { AudiencePreviewType, AudienceRulesInput, AudienceType, SaveLoyaltyAudienceInput, SaveLoyaltyAudiencePayload } from './audience.type';

/** A count and a sample of the members the rules select now; problems with the input as user errors. */
async function preview(ctx: RequestContext, check: InputChecker, rules: () => AudienceRules, sampleSize: number | null | undefined) {
  const checked = rules();
  const size = checkSampleSize(check, sampleSize);
  if (!check.ok) return { memberCount: null, sample: [], userErrors: check.errors };
  let out: Awaited<ReturnType<typeof evaluateAudience>>;
  try {
    out = await evaluateAudience(ctx.em.fork(), checked, size, ctx.config.audienceTimeoutMs);
  } catch (e) {
    if (!(e instanceof AudienceTooSlow)) throw e;
    const seconds = ctx.config.audienceTimeoutMs / 1000;
    return { memberCount: null, sample: [], userErrors: [userError(ErrorCode.INVALID_INPUT, `Counting this audience took longer than ${seconds} s: narrow its sales conditions (shorter windows, fewer of them)`, ['rules'])] };
  }
  const members = await ctx.loaders.memberById.loadMany(out.sampleIds);
  return { memberCount: out.memberCount, sample: members.filter((m) => m && !(m instanceof Error)), userErrors: [] };
}

@Resolver(() => AudienceType)
export class AudienceResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => [AudienceType], { description: 'The named audiences, by code.' })
  loyaltyAudiences(@Ctx() ctx: RequestContext) {
    return listAudiences(ctx);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => AudienceType, { nullable: true })
  loyaltyAudience(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    return audienceByCode(ctx, code);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => AudiencePreviewType, { description: 'How many members these rules select now, and a sample; for drafting an audience. Nothing is written.' })
  previewLoyaltyAudience(
    @Arg('rules', () => AudienceRulesInput) rules: AudienceRulesInput,
    @Arg('sampleSize', () => Int, { nullable: true, description: '0 to 100; default 10.' }) sampleSize: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    const check = new InputChecker([]);
    return preview(ctx, check, () => checkAudienceRules(check, rules), sampleSize);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyAudiencePayload, { description: 'Creates an audience, or replaces the one of the same code (admins).' })
  saveLoyaltyAudience(@Arg('input', () => SaveLoyaltyAudienceInput) input: SaveLoyaltyAudienceInput, @Ctx() ctx: RequestContext) {
    return saveAudience(ctx, input);
  }

  @FieldResolver(() => AudiencePreviewType, { description: 'Its members now: a count and a sample.' })
  async members(@Root() audience: AudienceRecord, @Arg('sampleSize', () => Int, { nullable: true }) sampleSize: number | null, @Ctx() ctx: RequestContext) {
    return preview(ctx, new InputChecker([]), () => audience.rules, sampleSize);
  }
}
