import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/validation';
import { preparedRows } from '../../db/prepared';
import { walletFromJoin, walletJoinColumnsSql, type WalletView } from '../ledger/wallet.loaders';
import type { CardStatus } from './card.entity';
import type { MemberStatus } from './member.entity';

/**
 * The read side of members and cards: plain SELECTs mapped to plain objects. Writes go through the
 * ORM entities (`Member`, `LoyaltyCard`); the hot reads (a till's identify, a router's `_entities`)
 * do not, because hydrating entities into an identity map cost ten times the SQL itself (1.6 ms of
 * CPU to find one card with its member through the ORM, 0.12 ms as one SELECT). They run as prepared
 * statements (db/prepared.ts).
 */

/**
 * A member as reads return it. A `Member` entity fits this type too (resolvers read `tier.id`, not a
 * `tier_id`), so a mutation may hand its entity to the same field resolvers.
 */
export interface MemberView {
  id: string;
  customerId?: string | null;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  birthday?: string | null;
  status: MemberStatus;
  emailOptIn: boolean;
  smsOptIn: boolean;
  enrolledAt: Date;
  enrollmentSource?: string | null;
  tier?: { id: string } | null;
  /** The end date an admin set, and when the membership expired (docs/membership-expiry.md). */
  membershipEndsAt?: Date | null;
  membershipExpiredAt?: Date | null;
}

/** A card as reads return it; `member.id` as on the entity. */
export interface CardView {
  id: string;
  number: string;
  status: CardStatus;
  linkedAt: Date;
  statusChangedAt: Date;
  member: { id: string };
}

type Row = Record<string, unknown>;

const MEMBER_COLUMNS = `m.id, m.customer_id, m.first_name, m.last_name, m.email, m.phone, m.birthday::text as birthday, m.status,
  m.email_opt_in, m.sms_opt_in, m.enrolled_at, m.enrollment_source, m.tier_id, m.membership_ends_at, m.membership_expired_at`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toMemberView(r: Row): MemberView {
  return {
    id: String(r.id),
    customerId: str(r.customer_id),
    firstName: String(r.first_name),
    lastName: String(r.last_name),
    email: str(r.email),
    phone: str(r.phone),
    birthday: str(r.birthday),
    status: r.status as MemberStatus,
    emailOptIn: Boolean(r.email_opt_in),
    smsOptIn: Boolean(r.sms_opt_in),
    enrolledAt: new Date(r.enrolled_at as string | Date),
    enrollmentSource: str(r.enrollment_source),
    tier: r.tier_id ? { id: String(r.tier_id) } : null,
    membershipEndsAt: r.membership_ends_at ? new Date(r.membership_ends_at as string | Date) : null,
    membershipExpiredAt: r.membership_expired_at ? new Date(r.membership_expired_at as string | Date) : null,
  };
}

function toCardView(r: Row): CardView {
  return {
    id: String(r.id),
    number: String(r.number),
    status: r.status as CardStatus,
    linkedAt: new Date(r.linked_at as string | Date),
    statusChangedAt: new Date(r.status_changed_at as string | Date),
    member: { id: String(r.member_id) },
  };
}

/** Members by id (lower-case uuids; others are left out), in no particular order. */
export async function membersByIds(em: EntityManager, ids: readonly string[]): Promise<MemberView[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return (await preparedRows<Row>(em, `select ${MEMBER_COLUMNS} from member m where m.id = any($1::uuid[])`, [valid])).map(toMemberView);
}

/** Members by commerce customer id, in no particular order. */
export async function membersByCustomerIds(em: EntityManager, customerIds: readonly string[]): Promise<MemberView[]> {
  if (customerIds.length === 0) return [];
  return (await preparedRows<Row>(em, `select ${MEMBER_COLUMNS} from member m where m.customer_id = any($1::text[])`, [[...customerIds]])).map(toMemberView);
}

const BY_CARD = `select ${MEMBER_COLUMNS} from loyalty_card c join member m on m.id = c.member_id where c.number = $1 and c.status = 'ACTIVE'`;
const BY_CARD_WITH_WALLET = `select ${MEMBER_COLUMNS}, ${walletJoinColumnsSql('$2')}
  from loyalty_card c join member m on m.id = c.member_id left join wallet w on w.member_id = m.id
  where c.number = $1 and c.status = 'ACTIVE'`;

/**
 * The member whose ACTIVE card has this (normalised) number, or null. With `withWallet`, the same
 * statement reads the member's wallet and whether anything in it is due (the till's identify asks
 * for both: one round trip instead of two).
 */
export async function memberByActiveCard(
  em: EntityManager,
  number: string,
  opts: { withWallet?: boolean } = {},
): Promise<{ member: MemberView; wallet: WalletView | null; walletDue: boolean } | null> {
  const rows = await preparedRows<Row>(em, opts.withWallet ? BY_CARD_WITH_WALLET : BY_CARD, opts.withWallet ? [number, new Date()] : [number]);
  const r = rows[0];
  if (!r) return null;
  const { wallet, due } = opts.withWallet ? walletFromJoin(r) : { wallet: null, due: false };
  return { member: toMemberView(r), wallet, walletDue: due };
}

/** The cards of these members, newest first within each member. */
export async function cardsByMemberIds(em: EntityManager, memberIds: readonly string[]): Promise<CardView[]> {
  const valid = memberIds.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await preparedRows<Row>(
    em,
    'select c.id, c.number, c.status, c.member_id, c.linked_at, c.status_changed_at from loyalty_card c where c.member_id = any($1::uuid[]) order by c.linked_at desc, c.id asc',
    [valid],
  );
  return rows.map(toCardView);
}
