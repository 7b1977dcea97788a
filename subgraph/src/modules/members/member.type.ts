import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/pagination';
import { CardStatus } from './card.entity';
import { MemberStatus } from './member.entity';
import { MemberSort } from './member.search';

registerEnumType(MemberStatus, { name: 'LoyaltyMemberStatus', description: 'Whether a member can earn and spend.' });
registerEnumType(MemberSort, {
  name: 'LoyaltyMemberSort',
  description: 'The order of `loyaltyMembers` without a search; a search lists its matches in its own order.',
  valuesConfig: {
    NEWEST: { description: 'Newest enrolment first (the default).' },
    OLDEST: { description: 'Oldest enrolment first.' },
    NAME: { description: 'Surname, then given name, A to Z.' },
  },
});
registerEnumType(CardStatus, {
  name: 'LoyaltyCardStatus',
  description: 'ACTIVE cards identify their member; BLOCKED and LOST cards are refused at the till.',
});

@Directive('@key(fields: "id")')
@ObjectType('LoyaltyMember', { description: 'A person enrolled in the loyalty programme.', simpleResolvers: true })
export class LoyaltyMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: "The commerce graph's customer id, when the member has an account." })
  customerId?: string | null;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Lower-cased.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +447700900123.' })
  phone?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  birthday?: string | null;

  @Field(() => MemberStatus)
  status!: MemberStatus;

  @Field(() => Boolean, { description: 'Consented to marketing e-mail.' })
  emailOptIn!: boolean;

  @Field(() => Boolean, { description: 'Consented to marketing SMS.' })
  smsOptIn!: boolean;

  @Field(() => Date)
  enrolledAt!: Date;
}

@ObjectType('LoyaltyCard', { description: 'A loyalty card; numbers are unique and never reused.', simpleResolvers: true })
export class LoyaltyCardType {
  @Field(() => String, { description: 'Normalised: upper-case letters and digits.' })
  number!: string;

  @Field(() => CardStatus)
  status!: CardStatus;

  @Field(() => Date)
  linkedAt!: Date;

  @Field(() => Date)
  statusChangedAt!: Date;
}

@ObjectType('LoyaltyMemberEdge', { simpleResolvers: true })
export class LoyaltyMemberEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => LoyaltyMemberType)
  node!: LoyaltyMemberType;
}

@ObjectType('LoyaltyMemberConnection', { description: 'A page of members: newest enrolment first, or in the order of the search.', simpleResolvers: true })
export class LoyaltyMemberConnection {
  @Field(() => [LoyaltyMemberEdge])
  edges!: LoyaltyMemberEdge[];

  @Field(() => [LoyaltyMemberType])
  nodes!: LoyaltyMemberType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'Members matching the search, across all pages: exact up to a limit (LOYALTY_SEARCH_EXACT_COUNT, default 1000), above it the database\'s estimate (see `totalCountIsEstimate`).',
  })
  totalCount!: number;

  @Field(() => Boolean, { description: 'True when `totalCount` is an estimate: more members match than are counted exactly.' })
  totalCountIsEstimate!: boolean;
}
