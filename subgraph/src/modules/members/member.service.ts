import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { ErrorCode, userError, type UserError } from '../../common/errors';
import { InputChecker, isUuid, normaliseCardNumber } from '../../common/validation';
import { entryTier } from '../tiers/tier.service';
import { awardBonus } from '../ledger/adjust.service';
import { MemberLedger } from '../ledger/ledger.core';
import { loadSettings } from '../programme/programme.service';
import { checkIdempotencyKey } from '../idempotency/idempotency';
import { ledgerTransaction, Outcome } from '../ledger/ledger-transaction';
import { CardStatus, LoyaltyCard } from './card.entity';
import type { EnrollLoyaltyMemberInput, LinkLoyaltyCardInput, LinkLoyaltyCustomerInput, SetLoyaltyCardStatusInput } from './member.input';
import { Member, MemberStatus } from './member.entity';
import { memberByActiveCard, type MemberView } from './member.store';

/** Maps a unique-constraint name to the outcome a caller should see. */
const UNIQUE_OUTCOMES: Record<string, { code: ErrorCode; message: string; field: string }> = {
  member_customer_id_unique: { code: ErrorCode.MEMBER_ALREADY_ENROLLED, message: 'This customer is already enrolled', field: 'customerId' },
  member_email_unique: { code: ErrorCode.EMAIL_ALREADY_REGISTERED, message: 'This e-mail address is already registered', field: 'email' },
  loyalty_card_number_unique: { code: ErrorCode.CARD_ALREADY_LINKED, message: 'This card is already linked to a member', field: 'cardNumber' },
};

function uniqueViolationOutcome(err: unknown): UserError | null {
  if (!(err instanceof UniqueConstraintViolationException)) return null;
  const outcome = UNIQUE_OUTCOMES[(err as unknown as { constraint?: string }).constraint ?? ''];
  return outcome ? userError(outcome.code, outcome.message, ['input', outcome.field]) : null;
}

/**
 * Enrols a member (and optionally links a card) in one transaction. Duplicates of customer id,
 * e-mail or card number are refused with their own codes, also when two tills race.
 */
export async function enrollMember(ctx: RequestContext, input: EnrollLoyaltyMemberInput): Promise<{ member: MemberView | null; userErrors: UserError[] }> {
  const keyError = checkIdempotencyKey(input.idempotencyKey);
  if (keyError) return { member: null, userErrors: [keyError] };
  const check = new InputChecker();
  const customerId = check.text('customerId', input.customerId, 256, { label: 'customerId' });
  if (customerId !== null && /\s/.test(customerId)) check.fail('customerId', 'customerId must not contain spaces');
  const firstName = check.text('firstName', input.firstName, 100, { required: true, label: 'firstName' });
  const lastName = check.text('lastName', input.lastName, 100, { required: true, label: 'lastName' });
  const email = check.email('email', input.email);
  const phone = check.phone('phone', input.phone);
  const birthday = check.birthday('birthday', input.birthday);
  let cardNumber: string | null = null;
  if (input.cardNumber != null && input.cardNumber !== '') {
    cardNumber = normaliseCardNumber(input.cardNumber.slice(0, 100));
    if (!cardNumber) check.fail('cardNumber', 'cardNumber must be 6 to 32 letters and digits');
  }
  if (check.ok && !customerId && !email && !phone) {
    check.fail('email', 'Give at least one of customerId, email or phone so the member can be found again');
  }
  if (!check.ok) return { member: null, userErrors: check.errors };

  const request = { customerId, firstName, lastName, email, phone, birthday, cardNumber, emailOptIn: input.emailOptIn ?? false, smsOptIn: input.smsOptIn ?? false };
  try {
    // One transaction with the caller's key: a retry (a lost answer at the till) returns the member
    // enrolled the first time instead of enrolling the person again.
    const out = await ledgerTransaction<{ memberId: string }>(ctx, { operation: 'enrollMember', key: input.idempotencyKey, request }, async (em) => {
      const conflicts = await duplicateChecks(em, customerId, email, cardNumber);
      if (conflicts.length) throw new Outcome(conflicts);
      const m = em.create(Member, {
        customerId,
        firstName: firstName!,
        lastName: lastName!,
        email,
        phone,
        birthday,
        emailOptIn: input.emailOptIn ?? false,
        smsOptIn: input.smsOptIn ?? false,
        tier: await entryTier({ em }),
        tierReachedAt: new Date(),
        status: MemberStatus.ACTIVE,
        enrolledAt: new Date(),
        enrollmentSource: ctx.principal?.storeId ? `store:${ctx.principal.storeId}` : (ctx.principal?.roles.has('admin') ? 'admin' : null),
      });
      if (cardNumber) em.create(LoyaltyCard, { number: cardNumber, member: m, status: CardStatus.ACTIVE, linkedAt: new Date(), statusChangedAt: new Date() });
      await em.flush();
      await openWallet(em, m.id, ctx.principal?.subject ?? 'system');
      return { memberId: m.id };
    });
    if (!out.result) return { member: null, userErrors: out.userErrors };
    if (!out.replayed) ctx.logger.info('member enrolled', { memberId: out.result.memberId, by: ctx.principal?.subject });
    return { member: await ctx.loaders.memberById.load(out.result.memberId), userErrors: [] };
  } catch (err) {
    const outcome = uniqueViolationOutcome(err);
    if (outcome) return { member: null, userErrors: [outcome] };
    throw err;
  }
}

/** Creates the member's wallet and pays the programme's welcome bonus, if any, in the caller's transaction. */
async function openWallet(em: EntityManager, memberId: string, actor: string): Promise<void> {
  await em.execute('insert into wallet (member_id, updated_at) values (?, now())', [memberId]);
  const settings = await loadSettings(em);
  if (settings.registrationBonusPoints > 0) {
    const ledger = (await MemberLedger.lock(em, memberId, actor))!;
    await awardBonus(em, ledger, settings, 'REGISTRATION', 'once', settings.registrationBonusPoints);
    await ledger.save();
  }
}

/** Friendly, complete duplicate report before insert; the unique constraints still decide races. */
async function duplicateChecks(em: EntityManager, customerId: string | null, email: string | null, cardNumber: string | null): Promise<UserError[]> {
  const errors: UserError[] = [];
  if (customerId && (await em.count(Member, { customerId }))) errors.push(uniqueError('member_customer_id_unique'));
  if (email && (await em.count(Member, { email }))) errors.push(uniqueError('member_email_unique'));
  if (cardNumber && (await em.count(LoyaltyCard, { number: cardNumber }))) errors.push(uniqueError('loyalty_card_number_unique'));
  return errors;
}

function uniqueError(constraint: string): UserError {
  const o = UNIQUE_OUTCOMES[constraint]!;
  return userError(o.code, o.message, ['input', o.field]);
}

/**
 * Links a card to a member. Linking a card to the member who already holds it is a no-op success,
 * so a till may retry safely; a card held by someone else is refused.
 */
export async function linkCard(ctx: RequestContext, input: LinkLoyaltyCardInput): Promise<{ member: Member | null; card: LoyaltyCard | null; userErrors: UserError[] }> {
  const number = normaliseCardNumber(input.cardNumber.slice(0, 100));
  if (!number) return { member: null, card: null, userErrors: [userError(ErrorCode.INVALID_INPUT, 'cardNumber must be 6 to 32 letters and digits', ['input', 'cardNumber'])] };
  const member = isUuid(input.memberId) ? await ctx.em.findOne(Member, { id: input.memberId.toLowerCase() }) : null;
  if (!member) return { member: null, card: null, userErrors: [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])] };
  if (member.status === MemberStatus.CLOSED) {
    return { member, card: null, userErrors: [userError(ErrorCode.MEMBER_NOT_ACTIVE, 'This membership is closed', ['input', 'memberId'])] };
  }
  const existing = await ctx.em.findOne(LoyaltyCard, { number });
  if (existing) {
    if (existing.member.id === member.id) return { member, card: existing, userErrors: [] };
    return { member: null, card: null, userErrors: [uniqueError('loyalty_card_number_unique')] };
  }
  try {
    const card = ctx.em.create(LoyaltyCard, { number, member, status: CardStatus.ACTIVE, linkedAt: new Date(), statusChangedAt: new Date() });
    await ctx.em.flush();
    ctx.loaders.cardsByMemberId.clear(member.id);
    return { member, card, userErrors: [] };
  } catch (err) {
    const outcome = uniqueViolationOutcome(err);
    if (outcome) return { member: null, card: null, userErrors: [outcome] };
    throw err;
  }
}

/**
 * Ties a member (typically enrolled at a till, without a customer id) to the shopper's online
 * account, so the shopper's own token reaches them through the graph. Linking the same customer id
 * again is a no-op success (safe to retry); a customer id that another member has, or a member
 * already tied to a different customer id, is refused: re-linking would hand one shopper's points
 * to another account.
 */
export async function linkCustomer(ctx: RequestContext, input: LinkLoyaltyCustomerInput): Promise<{ member: Member | null; userErrors: UserError[] }> {
  const check = new InputChecker();
  const customerId = check.text('customerId', input.customerId, 256, { required: true, label: 'customerId' });
  if (customerId !== null && /\s/.test(customerId)) check.fail('customerId', 'customerId must not contain spaces');
  if (!isUuid(String(input.memberId))) check.fail('memberId', 'memberId is not a member id');
  if (!check.ok || !customerId) return { member: null, userErrors: check.errors };
  const alreadyLinked = userError(ErrorCode.CUSTOMER_ALREADY_LINKED, 'This customer id belongs to another member', ['input', 'customerId']);
  try {
    const outcome = await ctx.em.transactional(async (em) => {
      const member = await em.findOne(Member, { id: input.memberId.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!member) return [userError(ErrorCode.MEMBER_NOT_FOUND, 'No member has this id', ['input', 'memberId'])];
      if (member.customerId === customerId) return member;
      if (member.customerId) {
        return [userError(ErrorCode.MEMBER_LINKED_TO_OTHER_CUSTOMER, 'This member is already linked to another customer id', ['input', 'memberId'])];
      }
      if (await em.count(Member, { customerId })) return [alreadyLinked];
      member.customerId = customerId;
      await em.flush();
      return member;
    });
    if (Array.isArray(outcome)) return { member: null, userErrors: outcome };
    ctx.loaders.memberById.clear(outcome.id).prime(outcome.id, outcome);
    ctx.logger.info('member linked to customer', { memberId: outcome.id, by: ctx.principal?.subject });
    return { member: outcome, userErrors: [] };
  } catch (err) {
    // two tills linking one customer id to two members at once: the unique constraint decides
    if (uniqueViolationOutcome(err)) return { member: null, userErrors: [alreadyLinked] };
    throw err;
  }
}

/** Blocks a card, reports it lost, or re-activates it. A LOST card stays lost: issue a new card instead. */
export async function setCardStatus(ctx: RequestContext, input: SetLoyaltyCardStatusInput): Promise<{ card: LoyaltyCard | null; userErrors: UserError[] }> {
  const number = normaliseCardNumber(input.cardNumber.slice(0, 100));
  const card = number ? await ctx.em.findOne(LoyaltyCard, { number }) : null;
  if (!card) return { card: null, userErrors: [userError(ErrorCode.CARD_NOT_FOUND, 'No card has this number', ['input', 'cardNumber'])] };
  if (card.status === CardStatus.LOST && input.status !== CardStatus.LOST) {
    return { card, userErrors: [userError(ErrorCode.CARD_NOT_ACTIVE, 'A card reported lost cannot be re-activated; link a new card', ['input', 'status'])] };
  }
  if (card.status !== input.status) {
    card.status = input.status;
    card.statusChangedAt = new Date();
    await ctx.em.flush();
  }
  return { card, userErrors: [] };
}

export function findMember(ctx: RequestContext, id: string): Promise<MemberView | null> {
  return ctx.loaders.memberById.load(id);
}

/**
 * The member an ACTIVE card identifies; blocked, lost and unknown cards identify nobody. With
 * `withWallet` (the caller selected the wallet), the wallet is read in the same statement and handed
 * to the wallet loader, unless something in it is due (the loader then settles and reads it).
 */
export async function findMemberByActiveCard(ctx: RequestContext, rawNumber: string, opts: { withWallet?: boolean } = {}): Promise<MemberView | null> {
  const number = normaliseCardNumber(rawNumber.slice(0, 100));
  if (!number) return null;
  const found = await memberByActiveCard(ctx.em, number, opts);
  if (!found) return null;
  // later fields (cards' member, payloads) ask the loaders by id: no second read
  ctx.loaders.memberById.prime(found.member.id, found.member);
  if (found.wallet && !found.walletDue) ctx.loaders.walletByMemberId.prime(found.member.id, found.wallet);
  return found.member;
}

export async function findCard(ctx: RequestContext, rawNumber: string): Promise<LoyaltyCard | null> {
  const number = normaliseCardNumber(rawNumber.slice(0, 100));
  return number ? ctx.em.findOne(LoyaltyCard, { number }) : null;
}
