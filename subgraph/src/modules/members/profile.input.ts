import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { LoyaltyMemberType } from './member.type';

@InputType({
  description:
    'Only the fields given change. email, phone and birthday given as null (or empty) are removed; the member must keep a customerId, email or phone so they can be found again.',
})
export class UpdateLoyaltyMemberProfileInput {
  @Field(() => ID, { nullable: true, description: "Admins: the member to edit. A member's or shopper's token edits its own member; another id is refused." })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters; cannot be removed.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters; cannot be removed.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Stored lower-cased; unique across members.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'International format, e.g. +44 7700 900123.' })
  phone?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  birthday?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Consent to marketing e-mail.' })
  emailOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Consent to marketing SMS.' })
  smsOptIn?: boolean | null;
}

@ObjectType()
export class UpdateLoyaltyMemberProfilePayload {
  @Field(() => LoyaltyMemberType, { nullable: true })
  member?: LoyaltyMemberType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
