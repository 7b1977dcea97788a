import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { ErrorCode, ForbiddenError, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid } from '../../common/validation';
import { Member, MemberStatus } from './member.entity';
import type { UpdateLoyaltyMemberProfileInput } from './profile.input';

const EMAIL_TAKEN = () => userError(ErrorCode.EMAIL_ALREADY_REGISTERED, 'This e-mail address is already registered', ['input', 'email']);

/** The profile fields a caller may change; `undefined` leaves a field as it is. */
interface ProfileChanges {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  birthday?: string | null;
  emailOptIn?: boolean;
  smsOptIn?: boolean;
}

/**
 * Whose profile this call edits: a member's (or enrolled shopper's) token edits its own member and
 * may not name another (FORBIDDEN); an admin names the member. Null: a shopper not enrolled yet.
 */
function targetMember(ctx: RequestContext, memberId: string | null | undefined): string | null {
  const principal = requireRole(ctx, ['admin', 'member', 'customer']);
  if (principal.roles.has('admin')) return memberId ? memberId.toLowerCase() : null;
  const own = principal.memberId ?? null;
  if (memberId && memberId.toLowerCase() !== own) throw new ForbiddenError('A member may edit only their own profile');
  return own;
}

/**
 * Changes a member's contact details and marketing consents (the member themself, or an admin).
 * Only the fields given change; every bad field is reported at once as INVALID_INPUT, an e-mail
 * address another member has as EMAIL_ALREADY_REGISTERED (also when two edits race: the unique
 * constraint decides). The member keeps at least one of customer id, e-mail or phone.
 */
export async function updateMemberProfile(ctx: RequestContext, input: UpdateLoyaltyMemberProfileInput): Promise<{ member: Member | null; userErrors: UserError[] }> {
  const memberId = targetMember(ctx, input.memberId);
  if (!memberId) {
    const isAdmin = ctx.principal!.roles.has('admin');
    return {
      member: null,
      userErrors: [userError(isAdmin ? ErrorCode.INVALID_INPUT : ErrorCode.MEMBER_NOT_FOUND, isAdmin ? 'memberId is required' : 'You are not enrolled in the programme yet', ['input', 'memberId'])],
    };
  }
  if (!isUuid(memberId)) return { member: null, userErrors: [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])] };

  const check = new InputChecker();
  const changes: ProfileChanges = {};
  if (input.firstName !== undefined) changes.firstName = check.text('firstName', input.firstName, 100, { required: true, label: 'firstName' }) ?? undefined;
  if (input.lastName !== undefined) changes.lastName = check.text('lastName', input.lastName, 100, { required: true, label: 'lastName' }) ?? undefined;
  if (input.email !== undefined) changes.email = check.email('email', input.email);
  if (input.phone !== undefined) changes.phone = check.phone('phone', input.phone);
  if (input.birthday !== undefined) changes.birthday = check.birthday('birthday', input.birthday);
  if (input.emailOptIn !== undefined && input.emailOptIn !== null) changes.emailOptIn = input.emailOptIn;
  if (input.smsOptIn !== undefined && input.smsOptIn !== null) changes.smsOptIn = input.smsOptIn;
  if (!check.ok) return { member: null, userErrors: check.errors };

  try {
    const outcome = await ctx.em.transactional(async (em): Promise<Member | UserError[]> => {
      const member = await em.findOne(Member, { id: memberId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!member) return [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])];
      if (member.status === MemberStatus.CLOSED) return [userError(ErrorCode.MEMBER_NOT_ACTIVE, 'This membership is closed', ['input', 'memberId'])];
      // a birthday moved by its member would move the birthday bonus and offers: set once, then staff change it
      if (changes.birthday !== undefined && member.birthday && changes.birthday !== member.birthday && !ctx.principal!.roles.has('admin')) {
        return [userError(ErrorCode.INVALID_INPUT, 'Your birthday is already recorded: ask us to correct it', ['input', 'birthday'])];
      }
      if (changes.email && changes.email !== member.email && (await em.count(Member, { email: changes.email, id: { $ne: member.id } }))) return [EMAIL_TAKEN()];
      const email = changes.email !== undefined ? changes.email : member.email;
      const phone = changes.phone !== undefined ? changes.phone : member.phone;
      if (!member.customerId && !email && !phone) {
        return [userError(ErrorCode.INVALID_INPUT, 'Keep an e-mail address or a phone number so the member can be found again', ['input', input.email !== undefined ? 'email' : 'phone'])];
      }
      for (const [field, value] of Object.entries(changes) as [keyof ProfileChanges, unknown][]) {
        if (value !== undefined) (member as unknown as Record<string, unknown>)[field] = value;
      }
      await em.flush();
      return member;
    });
    if (Array.isArray(outcome)) return { member: null, userErrors: outcome };
    ctx.loaders.memberById.clear(outcome.id);
    // which fields changed, never their values (contact details are personal data)
    ctx.logger.info('member profile updated', { memberId: outcome.id, by: ctx.principal?.subject, fields: Object.keys(changes).filter((k) => changes[k as keyof ProfileChanges] !== undefined) });
    return { member: outcome, userErrors: [] };
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) return { member: null, userErrors: [EMAIL_TAKEN()] };
    throw err;
  }
}
