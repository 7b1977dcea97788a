import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';
import { PageInfo } from '../../common/pagination';
import { MessageChannel, OutboxStatus } from './messaging.entities';

registerEnumType(MessageChannel, { name: 'LoyaltyMessageChannel', description: 'Where a message goes: e-mail, SMS, or the in-app inbox.' });
registerEnumType(OutboxStatus, {
  name: 'LoyaltyOutboxStatus',
  description: 'PENDING: waiting (or waiting to retry); SENDING: claimed by a replica; SENT; FAILED: given up after the last attempt.',
});

@ObjectType('LoyaltyInboxMessage', { description: "A message in a member's in-app inbox." })
export class InboxMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'What the message is about, e.g. coupon_expiry_reminder.' })
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Plain text; line breaks as \\n.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'The coupon the message is about, if any.' })
  couponCode?: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was first marked read; null while unread.' })
  readAt?: Date | null;

  @Field(() => Boolean, { description: 'readAt is set.' })
  read!: boolean;
}

@ObjectType('LoyaltyInboxMessageEdge')
export class InboxMessageEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => InboxMessageType)
  node!: InboxMessageType;
}

@ObjectType('LoyaltyInboxMessageConnection', { description: 'A page of inbox messages, newest first.' })
export class InboxMessageConnection {
  @Field(() => [InboxMessageEdge])
  edges!: InboxMessageEdge[];

  @Field(() => [InboxMessageType])
  nodes!: InboxMessageType[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Messages matching the filter, across all pages.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Unread messages in the whole inbox, whatever the filter.' })
  unreadCount!: number;
}

@InputType()
export class MarkLoyaltyInboxMessageReadInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class MarkLoyaltyInboxMessageReadPayload {
  @Field(() => InboxMessageType, { nullable: true })
  message?: InboxMessageType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyMessageTemplate', { description: 'An editable message text with {{placeholder}} fields; plain text, and for e-mail optionally an HTML version.' })
export class MessageTemplateType {
  @Field(() => String, { description: 'What the template is for, e.g. coupon_expiry_reminder.' })
  key!: string;

  @Field(() => MessageChannel)
  channel!: MessageChannel;

  @Field(() => String, { description: 'E-mail subject or inbox title (SMS: only logged).' })
  subject!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { nullable: true, description: 'EMAIL: the HTML version sent with the text (placeholder values HTML-escaped).' })
  html?: string | null;

  @Field(() => [String], { description: 'The placeholders this key supplies, e.g. firstName; others are refused.' })
  placeholders!: string[];

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType({ description: 'Creates or replaces the template of this key and channel.' })
export class SaveLoyaltyMessageTemplateInput {
  @Field(() => String)
  key!: string;

  @Field(() => MessageChannel)
  channel!: MessageChannel;

  @Field(() => String, { description: 'One line, at most 200 characters.' })
  subject!: string;

  @Field(() => String, { description: 'At most 10000 characters for EMAIL, 2000 for INBOX, 480 for SMS.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'EMAIL only: an HTML version (at most 50000 characters); the text body stays the plain alternative.' })
  html?: string | null;
}

@ObjectType()
export class SaveLoyaltyMessageTemplatePayload {
  @Field(() => MessageTemplateType, { nullable: true })
  template?: MessageTemplateType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('LoyaltyOutboxMessage', { description: 'An outbound e-mail or SMS and how its delivery went.' })
export class OutboxMessageType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => MessageChannel)
  channel!: MessageChannel;

  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { description: 'Key of the template it was written from.' })
  template!: string;

  @Field(() => OutboxStatus)
  status!: OutboxStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'SENDING: end of the claim; PENDING: not retried before this.' })
  lockedUntil?: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt?: Date | null;
}

@InputType({ description: 'A draft template to render with sample values; nothing is saved.' })
export class PreviewLoyaltyMessageTemplateInput extends SaveLoyaltyMessageTemplateInput {
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values by placeholder name; placeholders left out (or empty) get sample values.' })
  values?: Record<string, unknown> | null;
}

@ObjectType('LoyaltyMessageTemplatePreview', { description: 'A draft template rendered as the sender would render it (HTML values escaped).' })
export class MessageTemplatePreviewType {
  @Field(() => String, { nullable: true, description: 'One line; null when the template has problems.' })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Plain text; null when the template has problems.' })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'EMAIL with an HTML version: the HTML, placeholder values HTML-escaped.' })
  html?: string | null;

  @Field(() => GraphQLJSONObject, { description: "The value used for each placeholder the template's key supplies." })
  values!: Record<string, string>;

  @Field(() => [UserError], { description: "The same problems saveLoyaltyMessageTemplate would refuse, on input.<field>." })
  userErrors!: UserError[];
}
