import { StaffOnly } from '../../auth/staff';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import type { Member } from '../members/member.entity';
import { LoyaltyMemberType } from '../members/member.type';
import { markInboxMessageRead, memberInbox } from './inbox.service';
import { listMessageTemplates, saveMessageTemplate } from './message-template.service';
import { OutboxStatus } from './messaging.entities';
import {
  InboxMessageConnection,
  MarkLoyaltyInboxMessageReadInput,
  MarkLoyaltyInboxMessageReadPayload,
  MessageTemplatePreviewType,
  MessageTemplateType,
  OutboxMessageType,
  PreviewLoyaltyMessageTemplateInput,
  SaveLoyaltyMessageTemplateInput,
  SaveLoyaltyMessageTemplatePayload,
} from './messaging.type';
import { listOutboxMessages } from './outbox.service';
import { previewMessageTemplate } from './template-preview.service';

@Resolver(() => LoyaltyMemberType)
export class MemberInboxResolver {
  @FieldResolver(() => InboxMessageConnection, { description: "The member's in-app messages, newest first (staff, or the member's own token)." })
  inbox(
    @Root() member: Member,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false }) unreadOnly: boolean,
  ) {
    return memberInbox(ctx, member.id, { first, after, unreadOnly });
  }
}

@Resolver()
export class MessagingResolver {
  @Authorized('member', 'admin')
  @Mutation(() => MarkLoyaltyInboxMessageReadPayload, { description: 'Mark an inbox message read: its member, or an admin.' })
  markLoyaltyInboxMessageRead(@Arg('input', () => MarkLoyaltyInboxMessageReadInput) input: MarkLoyaltyInboxMessageReadInput, @Ctx() ctx: RequestContext) {
    return markInboxMessageRead(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => [MessageTemplateType], { description: 'The editable message templates, by key and channel.' })
  loyaltyMessageTemplates(@Ctx() ctx: RequestContext) {
    return listMessageTemplates(ctx);
  }

  @StaffOnly()
  @Authorized('admin')
  @Mutation(() => SaveLoyaltyMessageTemplatePayload, { description: 'Create or replace a message template; placeholders are checked against what its key supplies.' })
  saveLoyaltyMessageTemplate(@Arg('input', () => SaveLoyaltyMessageTemplateInput) input: SaveLoyaltyMessageTemplateInput, @Ctx() ctx: RequestContext) {
    return saveMessageTemplate(ctx, input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => MessageTemplatePreviewType, { description: 'Renders a draft message template with sample values (or the given ones), as the sender would; nothing is saved.' })
  previewLoyaltyMessageTemplate(@Arg('input', () => PreviewLoyaltyMessageTemplateInput) input: PreviewLoyaltyMessageTemplateInput) {
    return previewMessageTemplate(input);
  }

  @StaffOnly()
  @Authorized('admin')
  @Query(() => [OutboxMessageType], { description: 'Outbound e-mails and SMS, newest first.' })
  loyaltyOutboxMessages(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => OutboxStatus, { nullable: true }) status: OutboxStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: '1 to 100.' }) first: number,
  ) {
    return listOutboxMessages(ctx, { status, first });
  }
}
