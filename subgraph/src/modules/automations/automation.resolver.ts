import DataLoader from 'dataloader';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { StaffOnly } from '../../auth/staff';
import type { RequestContext } from '../../common/context';
import { AutomationRunStatus } from './automation.entity';
import { LoyaltyMemberType } from '../members/member.type';
import { AutomationStatus } from './automation.model';
import { automationByCode, listAutomationRuns, listAutomations, recordEvent, saveAutomation, setAutomationStatus } from './automation.service';
import {
  AutomationRunType, AutomationType, RecordLoyaltyEventInput, RecordLoyaltyEventPayload, SaveLoyaltyAutomationInput, SaveLoyaltyAutomationPayload,
  SetLoyaltyAutomationStatusInput, SetLoyaltyAutomationStatusPayload,
} from './automation.type';

@Resolver(() => AutomationType)
export class AutomationResolver {
  @StaffOnly()
  @Authorized('admin')
  @Query(() => [AutomationType], { description: 'Automated programmes, oldest first.' })
  loyaltyAutomations(@Arg('status', () => AutomationStatus, { nullable: true }) status: AutomationStatus | null, @Ctx() ctx: RequestContext) {
    return listAutomations(ctx, status);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => AutomationType, { nullable: true })
  loyaltyAutomation(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext) {
    return automationByCode(ctx, code);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => [AutomationRunType], { description: 'What automations did, newest first: of one automation and/or one member.' })
  loyaltyAutomationRuns(
    @Arg('automationCode', () => String, { nullable: true }) automationCode: string | null,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
    @Arg('status', () => AutomationRunStatus, { nullable: true }) status: AutomationRunStatus | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200; default 50.' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listAutomationRuns(ctx, { automationCode, memberId, status, first });
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyAutomationPayload, { description: 'Creates an automation, or replaces the one of the same code (admins).' })
  saveLoyaltyAutomation(@Arg('input', () => SaveLoyaltyAutomationInput) input: SaveLoyaltyAutomationInput, @Ctx() ctx: RequestContext) {
    return saveAutomation(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SetLoyaltyAutomationStatusPayload, { description: 'Activates (from now on), pauses or drafts an automation (admins).' })
  setLoyaltyAutomationStatus(@Arg('input', () => SetLoyaltyAutomationStatusInput) input: SetLoyaltyAutomationStatusInput, @Ctx() ctx: RequestContext) {
    return setAutomationStatus(ctx, input.code, input.status);
  }

  @StaffOnly()
  @Authorized('service', 'admin')
  @Mutation(() => RecordLoyaltyEventPayload, { description: "Records another service's event about a member, for CUSTOM_EVENT automations; once per (caller, eventId)." })
  recordLoyaltyEvent(@Arg('input', () => RecordLoyaltyEventInput) input: RecordLoyaltyEventInput, @Ctx() ctx: RequestContext) {
    return recordEvent(ctx, input);
  }
}

@Resolver(() => AutomationRunType)
export class AutomationRunResolver {
  @FieldResolver(() => LoyaltyMemberType, { nullable: true })
  member(@Root() run: { memberId: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.memberById.load(run.memberId);
  }
}

const tagLoaders = new WeakMap<RequestContext, DataLoader<string, { tags: string[]; attributes: Record<string, string> }>>();

/** One query per request for the tags and attributes of every member asked. */
function tagsOf(ctx: RequestContext, memberId: string) {
  let loader = tagLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em.getConnection().execute<{ id: string; tags: string[]; attributes: unknown }[]>('select id, tags, attributes from member where id = any(?::uuid[])', [`{${ids.join(',')}}`]);
      const byId = new Map(rows.map((r) => [String(r.id), { tags: r.tags ?? [], attributes: (typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) as Record<string, string> }]));
      return ids.map((id) => byId.get(id) ?? { tags: [], attributes: {} });
    });
    tagLoaders.set(ctx, loader);
  }
  return loader.load(memberId);
}

const isStaff = (ctx: RequestContext) => ['admin', 'till', 'service'].some((r) => ctx.principal?.roles.has(r as never));

@Resolver(() => LoyaltyMemberType)
export class MemberTagsResolver {
  @FieldResolver(() => [String], { nullable: true, description: 'Labels automations (ADD_TAG) put on the member; audiences select by them. Staff only (null for others).' })
  async tags(@Root() member: { id: string }, @Ctx() ctx: RequestContext) {
    return isStaff(ctx) ? (await tagsOf(ctx, member.id)).tags : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: 'Attributes automations set (SET_ATTRIBUTE). Staff only (null for others).' })
  async attributes(@Root() member: { id: string }, @Ctx() ctx: RequestContext) {
    return isStaff(ctx) ? (await tagsOf(ctx, member.id)).attributes : null;
  }
}
