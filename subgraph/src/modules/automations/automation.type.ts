import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { MoneyInput } from '../../common/money';
import { AudienceRulesInput } from '../audiences/audience.type';
import { AutomationRunStatus } from './automation.entity';
import { AutomationActionKind, AutomationStatus, AutomationTriggerKind, MessagePurpose } from './automation.model';

registerEnumType(AutomationStatus, { name: 'LoyaltyAutomationStatus', description: 'Only ACTIVE automations run; event triggers act on what is recorded from their activation on.' });
registerEnumType(AutomationTriggerKind, { name: 'LoyaltyAutomationTriggerKind' });
registerEnumType(AutomationActionKind, { name: 'LoyaltyAutomationActionKind' });
registerEnumType(MessagePurpose, { name: 'LoyaltyMessagePurpose', description: 'MARKETING: opted-in members only, within the weekly cap. SERVICE: about what the member has.' });
registerEnumType(AutomationRunStatus, { name: 'LoyaltyAutomationRunStatus' });

@InputType('LoyaltyAutomationCriteriaInput', { description: "PURCHASE: which sales, as a campaign's criteria." })
export class AutomationCriteriaInput {
  @Field(() => [String], { nullable: true })
  storeIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  channels?: string[] | null;

  @Field(() => [String], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  productIds?: string[] | null;

  @Field(() => MoneyInput, { nullable: true })
  minSpend?: MoneyInput | null;
}

@InputType('LoyaltyAutomationTriggerInput')
export class AutomationTriggerInput {
  @Field(() => AutomationTriggerKind)
  kind!: AutomationTriggerKind;

  @Field(() => Int, { nullable: true, description: 'POINTS_EXPIRING, COUPON_EXPIRING: within this many days; INACTIVE: no activity for this many days.' })
  days?: number | null;

  @Field(() => [String], { nullable: true, description: 'LEVEL_CHANGED: only moves to these level codes.' })
  tierCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: "CUSTOM_EVENT: the event type (recordLoyaltyEvent's type)." })
  eventType?: string | null;

  @Field(() => AutomationCriteriaInput, { nullable: true })
  criteria?: AutomationCriteriaInput | null;
}

@InputType('LoyaltyAutomationCouponInput')
export class AutomationCouponInput {
  @Field(() => String, { description: 'CASH_VOUCHER, PERCENT_COUPON or GIFT_ITEM.' })
  kind!: 'CASH_VOUCHER' | 'PERCENT_COUPON' | 'GIFT_ITEM';

  @Field(() => MoneyInput, { nullable: true })
  value?: MoneyInput | null;

  @Field(() => Int, { nullable: true })
  percent?: number | null;

  @Field(() => String, { nullable: true })
  productId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  validDays?: number | null;
}

@InputType('LoyaltyAutomationActionInput', { description: 'One action; they run in order, in one transaction per occurrence.' })
export class AutomationActionInput {
  @Field(() => AutomationActionKind)
  kind!: AutomationActionKind;

  @Field(() => Int, { nullable: true, description: 'AWARD_POINTS.' })
  points?: number | null;

  @Field(() => AutomationCouponInput, { nullable: true, description: 'ISSUE_COUPON.' })
  coupon?: AutomationCouponInput | null;

  @Field(() => String, { nullable: true, description: 'ADD_TAG, REMOVE_TAG: lower case.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'SET_ATTRIBUTE.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'SET_ATTRIBUTE.' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: 'SEND_MESSAGE: a custom.<name> template key (it needs an INBOX template).' })
  templateKey?: string | null;

  @Field(() => MessagePurpose, { nullable: true, description: 'SEND_MESSAGE; default MARKETING.' })
  purpose?: MessagePurpose | null;
}

@InputType()
export class SaveLoyaltyAutomationInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AutomationStatus, { nullable: true, description: 'Default DRAFT.' })
  status?: AutomationStatus | null;

  @Field(() => AutomationTriggerInput)
  trigger!: AutomationTriggerInput;

  @Field(() => String, { nullable: true })
  audienceCode?: string | null;

  @Field(() => AudienceRulesInput, { nullable: true })
  audience?: AudienceRulesInput | null;

  @Field(() => [AutomationActionInput])
  actions!: AutomationActionInput[];
}

@ObjectType('LoyaltyAutomationTrigger')
export class AutomationTriggerType {
  @Field(() => AutomationTriggerKind)
  kind!: AutomationTriggerKind;

  @Field(() => Int, { nullable: true })
  days?: number | null;

  @Field(() => [String], { nullable: true })
  tierCodes?: string[] | null;

  @Field(() => String, { nullable: true })
  eventType?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'PURCHASE criteria as stored (minSpendMinor in minor units).' })
  criteria?: Record<string, unknown> | null;
}

@ObjectType('LoyaltyAutomationAction')
export class AutomationActionType {
  @Field(() => AutomationActionKind)
  kind!: AutomationActionKind;

  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'ISSUE_COUPON: the coupon as stored (valueMinor in minor units).' })
  coupon?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  value?: string | null;

  @Field(() => String, { nullable: true })
  templateKey?: string | null;

  @Field(() => MessagePurpose, { nullable: true })
  purpose?: MessagePurpose | null;
}

@ObjectType('LoyaltyAutomation', { description: 'An automated programme (admins): trigger, audience, actions, run once per member and occurrence.' })
export class AutomationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AutomationStatus)
  status!: AutomationStatus;

  @Field(() => AutomationTriggerType)
  trigger!: AutomationTriggerType;

  @Field(() => String, { nullable: true })
  audienceCode?: string | null;

  @Field(() => Boolean)
  hasInlineAudience!: boolean;

  @Field(() => [AutomationActionType])
  actions!: AutomationActionType[];

  @Field(() => Date, { nullable: true })
  activatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Event triggers: the last completed scan.' })
  lastScanAt?: Date | null;

  @Field(() => Int, { description: 'Occurrences acted on so far.' })
  runCount!: number;

  @Field(() => Int)
  failedCount!: number;
}

@ObjectType('LoyaltyAutomationRun', { description: 'What an automation did for one member and occurrence.' })
export class AutomationRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  automationCode!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: 'e.g. sale:<id>, birthday:2026, inactive:2026-09-01, event:<id>.' })
  occurrenceKey!: string;

  @Field(() => AutomationRunStatus)
  status!: AutomationRunStatus;

  @Field(() => GraphQLJSONObject, { description: 'What each action did (points, coupon code, message channels, tag), or the error.' })
  detail!: Record<string, unknown>;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class SaveLoyaltyAutomationPayload {
  @Field(() => AutomationType, { nullable: true })
  automation?: AutomationType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SetLoyaltyAutomationStatusInput {
  @Field(() => String)
  code!: string;

  @Field(() => AutomationStatus)
  status!: AutomationStatus;
}

@ObjectType()
export class SetLoyaltyAutomationStatusPayload {
  @Field(() => AutomationType, { nullable: true })
  automation?: AutomationType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType({ description: "An event about a member from another service, for CUSTOM_EVENT automations. Give exactly one of memberId, customerId or cardNumber." })
export class RecordLoyaltyEventInput {
  @Field(() => String, { description: "The poster's id of the event: the same (poster, eventId) is recorded once." })
  eventId!: string;

  @Field(() => String, { description: 'Letters, digits and _ . : -, e.g. review.posted.' })
  type!: string;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: "The commerce customer id linked to the member." })
  customerId?: string | null;

  @Field(() => String, { nullable: true })
  cardNumber?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default now.' })
  occurredAt?: Date | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Up to 4 KB of JSON, kept with the event.' })
  attributes?: Record<string, unknown> | null;
}

@ObjectType('LoyaltyEvent')
export class LoyaltyEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  eventId!: string;

  @Field(() => String)
  type!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date)
  receivedAt!: Date;
}

@ObjectType()
export class RecordLoyaltyEventPayload {
  @Field(() => LoyaltyEventType, { nullable: true })
  event?: LoyaltyEventType | null;

  @Field(() => Boolean, { description: 'The event had been recorded before: nothing new.' })
  duplicate!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

