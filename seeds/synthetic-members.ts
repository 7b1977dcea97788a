/**
 * Synthetic members for load and scale testing (`npm run seed:members`): people with names, e-mail
 * addresses, phone numbers, birthdays and loyalty cards, and a short purchase history booked the
 * way the service books it (a sale record, a journal entry whose postings sum to zero, an earning
 * lot; pending points that became available and points that expired as the maintenance run would
 * have booked them), so the ledger audit finds nothing to report.
 *
 * Pure: no I/O. A batch is generated in two steps, so the caller can reserve exactly as many
 * journal entry ids as the batch needs before the rows are written out as PostgreSQL COPY text.
 */
import { randomBytes } from 'node:crypto';
import { calculateEarn, type EarnRule } from '../subgraph/src/modules/earning/earn-calculator';
import { ACCOUNT } from '../subgraph/src/modules/ledger/ledger.core';
import type { ProgrammeSettings } from '../subgraph/src/modules/programme/programme-settings.entity';
import { expiryFor } from '../subgraph/src/modules/programme/programme.service';
import { CopyWriter, uuidToBytes } from './pg-copy-binary';
import { prng } from './prng';

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for one run: the run's start in milliseconds, a 42-bit
 * counter, 32 bits derived from the counter and a random salt. Rows loaded together then sit
 * together in every index keyed by member, lot or sale id, so a bulk load appends to those
 * indexes instead of touching a random page per row. The ids are as unique and as opaque as the
 * service's own (version 4) ids. An id is handled as its counter value until it is written.
 */
export class UuidV7 {
  private counter = 0;
  private readonly msHigh: number;
  private readonly msLow: number;
  private readonly salt: number;

  constructor(ms: number = Date.now(), salt: number = randomBytes(4).readUInt32BE(0)) {
    this.msHigh = Math.floor(ms / 65_536);
    this.msLow = ms % 65_536;
    this.salt = salt;
  }

  next(): number {
    return this.counter++;
  }

  /** The id's four 32-bit words. */
  words(id: number): [number, number, number, number] {
    const hi = Math.floor(id / 0x40000000) & 0xfff;
    const lo = id % 0x40000000;
    return [this.msHigh, (this.msLow << 16) | 0x7000 | hi, 0x80000000 + lo, mix32(id ^ this.salt)];
  }

  write(w: CopyWriter, id: number): CopyWriter {
    const [a, b, c, d] = this.words(id);
    return w.uuidWords(a, b, c, d);
  }

  toString(id: number): string {
    const hex = this.words(id).map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** A 32-bit integer hash (murmur3's finaliser). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The card prefix the demo and synthetic cards share: GS1 040-049 is for numbers used within a company. */
export const CARD_PREFIX = '042';
/** Card sequence numbers have nine digits after the prefix (then one check digit). */
export const MAX_CARD_SEQUENCE = 999_999_999;

/** EAN-13 `042` + nine-digit sequence + GS1 mod-10 check digit (as the demo cards, and the till's scanners expect). */
export function cardNumber(sequence: number): string {
  const body = `${CARD_PREFIX}${String(sequence).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

// Given names and surnames common in the UK, most frequent first; drawn with a Zipf-like weight
// so that, as in a real customer base, a few names are shared by many people and most by few.
const FIRST_NAMES = `Olivia Oliver Amelia George Isla Noah Ava Arthur Mia Leo Ivy Harry Lily Oscar Freya Muhammad
Grace Jack Sofia Theo Florence Charlie Willow Freddie Isabella Henry Ella Thomas Evie Alfie Poppy Jacob Sophia
Archie Rosie Joshua Emily Lucas Daisy William Sienna Teddy Elsie Finley Aria Max Phoebe James Evelyn Isaac
Matilda Tommy Maya Ethan Harper Alexander Millie Edward Ruby Mason Luna Rory Chloe Hugo Grace Adam Zara Harrison
Jessica Ezra Alice Albert Eliza Reuben Maisie Samuel Mila Sebastian Imogen Elijah Erin Jude Hannah Joseph Layla
Louie Lottie Daniel Esme Benjamin Lucy Zachary Robyn Jaxon Martha Dylan Penelope Ronnie Aisha Louis Fatima
Frankie Amira Hunter Nancy Jenson Iris Reggie Orla Ibrahim Bonnie Yusuf Clara Omar Eden Ali Niamh Kai Thea Ravi
Priya Arjun Anjali Kenji Yuki Mateo Lucia Luca Giulia Piotr Zofia Kwame Ama Chinedu Ngozi Connor Siobhan Rhys
Cerys Callum Eilidh Fraser Morag Declan Aoife Sean Ciara Tariq Leila Hamza Maryam Dev Kavya Tomasz Agnieszka`
  .split(/\s+/);
const LAST_NAMES = `Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill
Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett
Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan
Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali
Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens
Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds
Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton
O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster
Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter
Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess
Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald
Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers Drew Nowak Kowalski
Okafor Adeyemi Mensah Rossi Ferrari Santos Silva Nguyen Chen Wang Kim Tanaka Sato Novak Horvat Smith-Jones`
  .split(/\s+/);

/** A lookup table drawing index i with weight 1 / (i + 1)^s: one array read per draw. */
function zipfTable(n: number, s: number, size = 16_384): Uint16Array {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint16Array(size);
  let slot = 0;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i]! / total;
    const end = i === n - 1 ? size : Math.round(acc * size);
    for (; slot < end; slot++) table[slot] = i;
  }
  return table;
}
const FIRST_TABLE = zipfTable(FIRST_NAMES.length, 0.5);
const LAST_TABLE = zipfTable(LAST_NAMES.length, 0.5);
const DOMAINS = ['example.com', 'example.net', 'example.org'];
/** How a name appears in an e-mail address: lower case, letters, dots and hyphens only (O'Brien: obrien). */
const LOCAL_PARTS = new Map([...FIRST_NAMES, ...LAST_NAMES].map((name) => [name, name.toLowerCase().replace(/[^a-z-]/g, '')]));
const STORE_SOURCES = Array.from({ length: 12 }, (_, i) => `store:store-${String(i + 1).padStart(3, '0')}`);

/** UK numbers in Ofcom's ranges for drama (never allocated to anyone): `+44` and the digits without the trunk 0. */
const UK_FICTIONAL = ['7700900', '1134960', '1144960', '1154960', '1164960', '1174960', '1184960', '1214960', '1314960', '1414960', '1514960', '1614960', '2079460', '2920180', '1632960', '1914980', '3069990', '8081570'];

/** Shopping baskets (prices in minor units), as the demo seeder's, with a few more. */
const BASKETS: { productId: string; categoryId: string; unitPrice: number }[][] = [
  [{ productId: 'bread-white', categoryId: 'bakery', unitPrice: 145 }, { productId: 'milk-2l', categoryId: 'dairy', unitPrice: 165 }],
  [{ productId: 'lipstick-red', categoryId: 'beauty', unitPrice: 1299 }],
  [{ productId: 'coffee-card', categoryId: 'cafe', unitPrice: 500 }, { productId: 'croissant', categoryId: 'bakery', unitPrice: 180 }],
  [{ productId: 'jeans-slim', categoryId: 'clothing', unitPrice: 4500 }, { productId: 'socks-3pk', categoryId: 'clothing', unitPrice: 899 }],
  [{ productId: 'headphones', categoryId: 'electronics', unitPrice: 12999 }],
  [{ productId: 'gift-card-50', categoryId: 'gift-cards', unitPrice: 5000 }, { productId: 'card-birthday', categoryId: 'stationery', unitPrice: 299 }],
  [{ productId: 'shampoo', categoryId: 'beauty', unitPrice: 450 }, { productId: 'toothpaste', categoryId: 'health', unitPrice: 275 }, { productId: 'apples-6pk', categoryId: 'fresh', unitPrice: 210 }],
  [{ productId: 'coffee-regular', categoryId: 'cafe', unitPrice: 320 }],
];

const DAY_MS = 86_400_000;
const ACTOR = 'seed:members';

/** What the generator needs to know about the programme, read from the database once per run. */
export interface SyntheticProgramme {
  /** The time the history ends at: nothing after it, and everything due before it is booked. */
  now: Date;
  currencyCode: string;
  pendingDays: number;
  expiry: Pick<ProgrammeSettings, 'expiryUnit' | 'expiryCount' | 'expiryToMonthEnd'>;
  /** By rank, entry tier first. */
  tiers: { id: string; rank: number; qualificationThreshold: number; earnMultiplierPercent: number }[];
  rules: EarnRule[];
}

export interface BatchSpec {
  /** PRNG seed of the run; with the batch's first serial it decides everything but the random ids. */
  seed: number;
  /**
   * The first card sequence number of the batch. Each member's serial number (in their e-mail,
   * customer id and sale ids) is the sequence number of their first card; a replacement card
   * takes the next one.
   */
  firstSerial: number;
  count: number;
  /** Most purchases one member has in their history (0: none). */
  maxPurchases: number;
  /** The run's id generator (one per run, so ids keep increasing from batch to batch). */
  ids: UuidV7;
  /** Where the batch's first member is in the run (`index` of `of`): enrolment dates rise through the run. */
  position: { index: number; of: number };
}

/** Counts of the rows a batch writes. */
export interface BatchCounts {
  members: number;
  cards: number;
  sales: number;
  entries: number;
  postings: number;
  lots: number;
  /** Card sequence numbers used, from `firstSerial` on. */
  sequences: number;
}

/** Binary COPY data per table. */
export type BatchRows = Record<(typeof COPY_TABLES)[number]['table'], Buffer>;

/**
 * Tables in the order they are loaded (cards after members: a foreign key), with their COPY
 * columns and the column types the binary rows are written in (checked against the database).
 */
export const COPY_TABLES = [
  {
    table: 'member',
    columns: { id: 'uuid', customer_id: 'character varying', first_name: 'character varying', last_name: 'character varying', email: 'character varying', phone: 'character varying', birthday: 'date', status: 'text', email_opt_in: 'boolean', sms_opt_in: 'boolean', tier_id: 'uuid', enrolled_at: 'timestamp with time zone', enrollment_source: 'character varying' },
  },
  { table: 'loyalty_card', columns: { id: 'uuid', number: 'character varying', status: 'text', member_id: 'uuid', linked_at: 'timestamp with time zone', status_changed_at: 'timestamp with time zone' } },
  { table: 'wallet', columns: { member_id: 'uuid', available: 'bigint', pending: 'bigint', held: 'bigint', lifetime_earned: 'bigint', tier_points: 'bigint', updated_at: 'timestamp with time zone' } },
  {
    table: 'sale_earn',
    columns: { id: 'uuid', channel: 'character varying', sale_id: 'character varying', order_id: 'character varying', member_id: 'uuid', points: 'bigint', currency_code: 'character varying', total_minor: 'bigint', lines: 'jsonb', lot_id: 'uuid', store_id: 'character varying', till_id: 'character varying', occurred_at: 'timestamp with time zone', created_at: 'timestamp with time zone', member_first_sale_at: 'timestamp with time zone' },
  },
  {
    table: 'ledger_entry',
    columns: { id: 'bigint', member_id: 'uuid', type: 'text', points: 'bigint', available_change: 'bigint', available_after: 'bigint', pending_after: 'bigint', held_after: 'bigint', reason: 'character varying', channel: 'character varying', sale_id: 'character varying', actor: 'character varying', occurred_at: 'timestamp with time zone' },
  },
  { table: 'ledger_posting', columns: { entry_id: 'bigint', member_id: 'uuid', account: 'character varying', amount: 'bigint' } },
  {
    table: 'earning_lot',
    columns: { id: 'uuid', member_id: 'uuid', entry_id: 'bigint', points: 'bigint', remaining: 'bigint', status: 'text', available_at: 'timestamp with time zone', expires_at: 'timestamp with time zone', created_at: 'timestamp with time zone' },
  },
] as const;

/**
 * A generated batch. Its journal entries are numbered 0, 1, 2... in booking order until
 * `assignEntryIds` gives them their ids from the database's sequence; only then are the rows
 * ready to load.
 */
export interface GeneratedBatch {
  counts: BatchCounts;
  /** Writes entry i's id `entryId(i)` wherever the batch refers to it; call once, before loading. */
  assignEntryIds(entryId: (i: number) => number): BatchRows;
}

type EventKind = 'EARN' | 'POINTS_AVAILABLE' | 'EXPIRE';

/** A booking in a member's history: an earn, or what maintenance books later for its lot. */
interface LedgerEvent {
  at: number;
  kind: EventKind;
  points: number;
  /** The earn this event belongs to, as an index into the member's earns. */
  earn: number;
}

interface Earn {
  at: number;
  points: number;
  channel: string;
  saleId: string;
  lotId: number;
  availableAt: number | null;
  expiresAt: number | null;
  /** Index of the earn's entry within the batch, once booked. */
  entry: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad9 = (n: number) => String(n).padStart(9, '0');

/** What a basket earns (points, the sale's lines as stored) per quantity, channel and tier multiplier: computed once each. */
class EarnMemo {
  private readonly cache = new Map<number, { points: number; linesJson: string; totalMinor: number }>();
  constructor(private readonly programme: SyntheticProgramme) {}

  get(basket: number, quantity: number, channel: number, multiplier: number) {
    const key = ((basket * 8 + quantity) * 2 + channel) * 100_000 + multiplier;
    let hit = this.cache.get(key);
    if (!hit) {
      const lines = BASKETS[basket]!.map((l) => ({ ...l, quantity }));
      const calc = calculateEarn({ channel: CHANNELS[channel]!, currencyCode: this.programme.currencyCode, lines }, this.programme.rules, multiplier);
      const stored = lines.map((l, n) => ({ productId: l.productId, categoryId: l.categoryId, quantity, unitPrice: l.unitPrice, points: calc.lines[n]!.points, returnedQuantity: 0, returnedPoints: 0 }));
      hit = { points: calc.points, linesJson: JSON.stringify(stored), totalMinor: lines.reduce((t, l) => t + l.unitPrice * quantity, 0) };
      this.cache.set(key, hit);
    }
    return hit;
  }
}

const CHANNELS = ['store', 'app'];

/**
 * How many purchases a member's history has: about one on average, as in a programme where many
 * members shop rarely (30 in 100 none, 45 one, 15 two, 7 three, 3 four or more), at most `max`.
 */
function purchaseCount(rand: () => number, max: number): number {
  const r = rand();
  let k = r < 0.3 ? 0 : r < 0.75 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
  while (k === 4 && k < max && rand() < 0.5) k++;
  return Math.min(k, max);
}
const memos = new WeakMap<SyntheticProgramme, EarnMemo>();

/**
 * Generates `spec.count` members with their cards, wallets and purchase histories, as binary
 * COPY rows. One pass, few objects per member: a million members do not wait for the garbage
 * collector. Yields to the event loop every 250 members (a few milliseconds), so the connection loading the previous batch is kept fed.
 */
export async function generateBatch(programme: SyntheticProgramme, spec: BatchSpec): Promise<GeneratedBatch> {
  let memo = memos.get(programme);
  if (!memo) memos.set(programme, (memo = new EarnMemo(programme)));
  const rand = prng((spec.seed * 1_000_003 + spec.firstSerial) >>> 0);
  const ids = spec.ids;
  const now = programme.now.getTime();
  const threeYears = 3 * 365 * DAY_MS;
  const yearAgo = now - 365 * DAY_MS;
  const thisYear = new Date(now).getUTCFullYear();
  const tierBytes = new Map(programme.tiers.map((t) => [t.id, uuidToBytes(t.id)]));
  const entryTier = programme.tiers[0] ?? null;
  const pending = programme.pendingDays > 0;
  const counts: BatchCounts = { members: 0, cards: 0, sales: 0, entries: 0, postings: 0, lots: 0, sequences: 0 };
  const n = spec.count;
  const member = new CopyWriter(n * 200);
  const card = new CopyWriter(n * 110);
  const wallet = new CopyWriter(n * 100);
  const sale = new CopyWriter(n * spec.maxPurchases * 250);
  const entry = new CopyWriter(n * spec.maxPurchases * 150);
  const posting = new CopyWriter(n * spec.maxPurchases * 120);
  const lot = new CopyWriter(n * spec.maxPurchases * 120);
  let sequence = spec.firstSerial;
  let nextEntry = 0;
  const earns: Earn[] = [];
  const events: LedgerEvent[] = [];
  const times: number[] = [];

  for (let i = 0; i < n; i++) {
    // let the connections loading other batches be fed meanwhile
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
    const serial = sequence++;
    const first = FIRST_NAMES[FIRST_TABLE[Math.floor(rand() * FIRST_TABLE.length)]!]!;
    const last = LAST_NAMES[LAST_TABLE[Math.floor(rand() * LAST_TABLE.length)]!]!;
    // enrolled over the last three years, in the order of their serial numbers (as a programme's
    // export lists them)
    const enrolledAt = now - threeYears + Math.floor(((spec.position.index + i + rand()) / spec.position.of) * (threeYears - 60_000));
    const hasEmail = rand() < 0.92;
    const hasPhone = rand() < 0.8;
    let phone: string | null = null;
    if (hasPhone) {
      if (rand() < 0.7) {
        phone = `+44${UK_FICTIONAL[Math.floor(rand() * UK_FICTIONAL.length)]}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
      } else {
        // North American numbers 555-0100..0199 are fictional in every area code
        phone = `+1${200 + Math.floor(rand() * 800)}55501${pad2(Math.floor(rand() * 100))}`;
      }
    }
    const birthday = rand() < 0.9 ? Date.UTC(thisYear - 18 - Math.floor(rand() * 70), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)) / DAY_MS : null;
    const memberId = ids.next();
    const cardId = ids.next();
    const customerId = rand() < 0.8 ? `cust-${pad9(serial)}` : null;
    // at least one way to find them again, as enrolment requires
    const email = hasEmail || !hasPhone ? `${LOCAL_PARTS.get(first)!}.${LOCAL_PARTS.get(last)!}.${serial}@${DOMAINS[serial % 3]}` : null;
    const suspended = rand() < 0.005;
    const emailOptIn = rand() < 0.6;
    const smsOptIn = hasPhone && rand() < 0.3;
    const source = rand() < 0.75 ? STORE_SOURCES[Math.floor(rand() * STORE_SOURCES.length)]! : rand() < 0.5 ? 'web' : 'app';
    let replacementId = -1;
    let replacedAt = enrolledAt;
    if (rand() < 0.03) {
      sequence++;
      replacementId = ids.next();
      replacedAt = enrolledAt + Math.floor(rand() * (now - enrolledAt));
    }

    // Purchases: most members a few, spread from enrolment (or a year ago) to now.
    const purchases = purchaseCount(rand, spec.maxPurchases);
    const from = Math.max(enrolledAt, yearAgo);
    times.length = 0;
    for (let v = 0; v < purchases; v++) times.push(from + Math.floor(rand() * (now - 1000 - from)));
    if (purchases > 1) times.sort((a, b) => a - b);
    let tier = entryTier;
    let tierPoints = 0;
    earns.length = 0;
    events.length = 0;
    const storeId = source.startsWith('store:') ? source.slice(6) : 'store-001';
    for (let v = 0; v < purchases; v++) {
      const at = times[v]!;
      const basket = Math.floor(rand() * BASKETS.length);
      const quantity = 1 + Math.floor(rand() * 3);
      const channel = rand() < 0.2 ? 1 : 0;
      const till = 1 + Math.floor(rand() * 4);
      const calc = memo.get(basket, quantity, channel, tier?.earnMultiplierPercent ?? 100);
      const saleId = `S${pad9(serial)}-${v + 1}`;
      const saleRowId = ids.next();
      let lotId = -1;
      if (calc.points > 0) {
        lotId = ids.next();
        const e: Earn = {
          at,
          points: calc.points,
          channel: CHANNELS[channel]!,
          saleId,
          lotId,
          availableAt: pending ? at + programme.pendingDays * DAY_MS : null,
          expiresAt: expiryFor(programme.expiry, new Date(at))?.getTime() ?? null,
          entry: -1,
        };
        events.push({ at, kind: 'EARN', points: calc.points, earn: earns.length });
        earns.push(e);
        tierPoints += calc.points;
        // the tier rises as the service raises it after each earn, and never falls
        for (const t of programme.tiers) if (t.qualificationThreshold <= tierPoints && (!tier || t.rank > tier.rank)) tier = t;
      }
      ids.write(sale.row(15), saleRowId).text(CHANNELS[channel]!).text(saleId).text(channel === 1 ? `O${pad9(serial)}-${v + 1}` : null);
      ids.write(sale, memberId).int8(calc.points).text(programme.currencyCode).int8(calc.totalMinor).jsonb(calc.linesJson);
      (lotId >= 0 ? ids.write(sale, lotId) : sale.null()).text(channel === 0 ? storeId : null).text(channel === 0 ? `till-0${till}` : null).timestamptz(at).timestamptz(at).timestamptz(times[0]!); // the member's first sale: times are sorted
      counts.sales++;
    }
    // What the maintenance run would have booked by now: pending points that became available,
    // then expiries (a lot still pending at its expiry date expires once it is available).
    let extra = false;
    for (let k = 0; k < earns.length; k++) {
      const e = earns[k]!;
      const matured = e.availableAt === null || e.availableAt <= now;
      if (e.availableAt !== null && matured) events.push({ at: e.availableAt, kind: 'POINTS_AVAILABLE', points: e.points, earn: k });
      if (matured && e.expiresAt !== null && e.expiresAt <= now) events.push({ at: Math.max(e.expiresAt, e.availableAt ?? 0), kind: 'EXPIRE', points: e.points, earn: k });
      extra ||= events.length > earns.length;
    }
    if (extra) events.sort((a, b) => a.at - b.at); // stable: events at the same time keep their order

    // Journal entries in booking order, each with its two postings and the balances after it.
    let available = 0;
    let pendingPoints = 0;
    for (const ev of events) {
      const e = earns[ev.earn]!;
      const id = nextEntry++;
      let from: string;
      let to: string;
      let availableChange = 0;
      let total = 0;
      let reason: string;
      if (ev.kind === 'EARN') {
        e.entry = id;
        from = ACCOUNT.ISSUED;
        to = e.availableAt !== null ? ACCOUNT.PENDING : ACCOUNT.AVAILABLE;
        if (e.availableAt !== null) pendingPoints += ev.points;
        else available += availableChange = ev.points;
        total = ev.points;
        reason = `${ev.points} points`;
      } else if (ev.kind === 'POINTS_AVAILABLE') {
        from = ACCOUNT.PENDING;
        to = ACCOUNT.AVAILABLE;
        pendingPoints -= ev.points;
        available += availableChange = ev.points;
        reason = `pending period over at ${new Date(ev.at).toISOString()}`;
      } else {
        from = ACCOUNT.AVAILABLE;
        to = ACCOUNT.EXPIRED;
        available -= ev.points;
        availableChange = total = -ev.points;
        reason = `points expired at ${new Date(ev.at).toISOString()}`;
      }
      ids.write(entry.row(13).ref(id), memberId).text(ev.kind).int8(total).int8(availableChange).int8(available).int8(pendingPoints).int8(0).text(reason);
      entry.text(ev.kind === 'EARN' ? e.channel : null).text(ev.kind === 'EARN' ? e.saleId : null).text(ACTOR).timestamptz(ev.at);
      ids.write(posting.row(4).ref(id), memberId).text(from).int8(-ev.points);
      ids.write(posting.row(4).ref(id), memberId).text(to).int8(ev.points);
    }
    // Each earn's lot as it stands after the history: none left after an expiry, AVAILABLE once matured.
    for (const e of earns) {
      const matured = e.availableAt === null || e.availableAt <= now;
      const expired = matured && e.expiresAt !== null && e.expiresAt <= now;
      ids.write(lot.row(9), e.lotId);
      ids.write(lot, memberId).ref(e.entry).int8(e.points).int8(expired ? 0 : e.points).text(matured ? 'AVAILABLE' : 'PENDING');
      lot.timestamptz(e.availableAt).timestamptz(e.expiresAt).timestamptz(e.at);
    }

    ids.write(member.row(13), memberId).text(customerId).text(first).text(last).text(email).text(phone);
    (birthday === null ? member.null() : member.date(birthday)).text(suspended ? 'SUSPENDED' : 'ACTIVE').bool(emailOptIn).bool(smsOptIn);
    (tier ? member.uuidBytes(tierBytes.get(tier.id)!) : member.null()).timestamptz(enrolledAt).text(source);

    ids.write(card.row(6), cardId).text(cardNumber(serial)).text(replacementId < 0 ? 'ACTIVE' : 'LOST');
    ids.write(card, memberId).timestamptz(enrolledAt).timestamptz(replacedAt);
    if (replacementId >= 0) {
      ids.write(card.row(6), replacementId).text(cardNumber(serial + 1)).text('ACTIVE');
      ids.write(card, memberId).timestamptz(replacedAt).timestamptz(replacedAt);
    }
    const lastAt = events.length ? events[events.length - 1]!.at : enrolledAt;
    ids.write(wallet.row(7), memberId).int8(available).int8(pendingPoints).int8(0).int8(tierPoints).int8(tierPoints).timestamptz(lastAt);

    counts.members++;
    counts.cards += replacementId < 0 ? 1 : 2;
    counts.lots += earns.length;
    counts.entries += events.length;
    counts.postings += events.length * 2;
  }
  counts.sequences = sequence - spec.firstSerial;
  return {
    counts,
    assignEntryIds(entryId) {
      return {
        member: member.finish(),
        loyalty_card: card.finish(),
        wallet: wallet.finish(),
        sale_earn: sale.finish(),
        ledger_entry: entry.finish(entryId),
        ledger_posting: posting.finish(entryId),
        earning_lot: lot.finish(entryId),
      };
    },
  };
}
