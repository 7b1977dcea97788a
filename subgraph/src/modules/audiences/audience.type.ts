import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { MemberStatus } from '../members/member.entity';
import { LoyaltyMemberType } from '../members/member.type';

@InputType('LoyaltyAudienceRangeInput', { description: 'A total over the last windowDays days, between min and max (inclusive; at least one of them).' })
export class AudienceRangeInput {
  @Field(() => Int, { description: '1 to 3660 days, up to now.' })
  windowDays!: number;

  @Field(() => Int, { nullable: true })
  min?: number | null;

  @Field(() => Int, { nullable: true })
  max?: number | null;
}

@InputType('LoyaltyAudiencePurchasedAtInput', { description: 'At least one sale in one of these stores and/or channels, in the last withinDays days when given.' })
export class AudiencePurchasedAtInput {
  @Field(() => [String], { nullable: true })
  storeIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  channels?: string[] | null;

  @Field(() => Int, { nullable: true })
  withinDays?: number | null;
}

@InputType('LoyaltyAudienceRulesInput', {
  description: 'Conditions over member data; a member must meet all that are given. None: every ACTIVE member. Sales count net of returns.',
})
export class AudienceRulesInput {
  @Field(() => [MemberStatus], { nullable: true, description: 'Default: ACTIVE only.' })
  statuses?: MemberStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Level (tier) codes the member is at now.' })
  tierCodes?: string[] | null;

  @Field(() => Date, { nullable: true })
  enrolledAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  enrolledBefore?: Date | null;

  @Field(() => [Int], { nullable: true, description: 'Birthday months, 1 (January) to 12.' })
  birthdayMonths?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: members who can be e-mailed marketing (opted in, with an address); false: the others.' })
  emailOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: members who can be texted marketing (opted in, with a phone); false: the others.' })
  smsOptIn?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Where the member enrolled (their enrollmentSource): store:<storeId> for a till, admin for an admin.' })
  enrollmentSources?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Members with at least one of these tags (automations add them).' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Members with none of these tags.' })
  withoutTags?: string[] | null;

  @Field(() => AudienceRangeInput, { nullable: true, description: 'Net spend in minor units.' })
  spend?: AudienceRangeInput | null;

  @Field(() => AudienceRangeInput, { nullable: true, description: 'Number of sales (visits).' })
  visits?: AudienceRangeInput | null;

  @Field(() => Int, { nullable: true, description: 'Bought at least once in the last N days.' })
  purchasedWithinDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Bought nothing in the last N days (members who never bought included).' })
  inactiveForDays?: number | null;

  @Field(() => AudiencePurchasedAtInput, { nullable: true })
  purchasedAt?: AudiencePurchasedAtInput | null;
}

@ObjectType('LoyaltyAudience', { description: 'A named audience (segment) of members, for campaigns and automations; evaluated when read or used.' })
export class AudienceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => GraphQLJSONObject, { description: 'The rules as stored (normalised: codes upper case, dates ISO).' })
  rules!: Record<string, unknown>;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('LoyaltyAudiencePreview', { description: 'How many members an audience selects now, with a sample (newest enrolment first).' })
export class AudiencePreviewType {
  @Field(() => Int, { nullable: true })
  memberCount!: number | null;

  @Field(() => [LoyaltyMemberType])
  sample!: unknown[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@InputType()
export class SaveLoyaltyAudienceInput {
  @Field(() => String, { description: 'Letters, digits, _ and -; upper-cased. Saving an existing code replaces that audience.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AudienceRulesInput, { nullable: true })
  rules?: AudienceRulesInput | null;
}

@ObjectType()
export class SaveLoyaltyAudiencePayload {
  @Field(() => AudienceType, { nullable: true })
  audience!: AudienceType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
