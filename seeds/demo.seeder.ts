import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { CardStatus, LoyaltyCard } from '../subgraph/src/modules/members/card.entity';
import { Member, MemberStatus } from '../subgraph/src/modules/members/member.entity';
import { Tier } from '../subgraph/src/modules/tiers/tier.entity';

/** Deterministic PRNG (mulberry32) so every fresh demo database is the same. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** EAN-13 with its check digit; GS1 prefix 042 is for numbers used within a company (customer cards). */
export function demoCardNumber(sequence: number): string {
  const body = `042${String(sequence).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

export const DEMO_TIERS = [
  { code: 'BRONZE', name: 'Bronze', rank: 0, qualificationThreshold: 0, earnMultiplierPercent: 100, benefits: [{ code: 'BIRTHDAY_BONUS', description: '100 bonus points in your birthday month' }] },
  {
    code: 'SILVER', name: 'Silver', rank: 1, qualificationThreshold: 1000, earnMultiplierPercent: 110,
    benefits: [{ code: 'BIRTHDAY_BONUS', description: '200 bonus points in your birthday month' }, { code: 'EARLY_ACCESS', description: 'Early access to sales' }],
  },
  {
    code: 'GOLD', name: 'Gold', rank: 2, qualificationThreshold: 5000, earnMultiplierPercent: 125,
    benefits: [{ code: 'BIRTHDAY_BONUS', description: '500 bonus points in your birthday month' }, { code: 'FREE_DELIVERY', description: 'Free delivery on every order' }],
  },
  {
    code: 'PLATINUM', name: 'Platinum', rank: 3, qualificationThreshold: 15000, earnMultiplierPercent: 150,
    benefits: [{ code: 'BIRTHDAY_BONUS', description: '1000 bonus points in your birthday month' }, { code: 'FREE_DELIVERY', description: 'Free delivery on every order' }, { code: 'PERSONAL_SHOPPER', description: 'A personal shopper on request' }],
  },
];

const FIRST = ['Olivia', 'Noah', 'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Arthur', 'Mia', 'Leo', 'Ivy', 'Harry', 'Lily', 'Oscar', 'Freya', 'Muhammad', 'Grace', 'Jack', 'Sofia', 'Theo', 'Zara', 'Finley', 'Aisha', 'Luca', 'Chloe', 'Mateo', 'Emily', 'Ravi', 'Hannah', 'Kenji'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Khan', 'Clarke', 'Nowak', 'Okafor', 'Murphy', 'Kowalski', 'Rossi'];

export const DEMO_MEMBER_COUNT = 240;

/**
 * The demo programme: four tiers and 240 members with cards (a few lost and replaced), enrolled
 * over the last three years. Phone numbers are in Ofcom's drama range, e-mails at example.com.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const rand = prng(20261122);
    const tiers = DEMO_TIERS.map((t) => em.create(Tier, { ...t, createdAt: new Date('2023-01-01T00:00:00Z') }));
    const now = Date.UTC(2026, 10, 1);
    const threeYears = 3 * 365 * 24 * 3600 * 1000;
    let cardSeq = 1;
    for (let i = 1; i <= DEMO_MEMBER_COUNT; i++) {
      const first = FIRST[Math.floor(rand() * FIRST.length)]!;
      const last = LAST[Math.floor(rand() * LAST.length)]!;
      const r = rand();
      const tier = tiers[r < 0.6 ? 0 : r < 0.85 ? 1 : r < 0.97 ? 2 : 3]!;
      const year = 1950 + Math.floor(rand() * 56);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const member = em.create(Member, {
        customerId: rand() < 0.85 ? `cust-${String(i).padStart(5, '0')}` : null,
        firstName: first,
        lastName: last,
        email: `${first}.${last}.${i}@example.com`.toLowerCase(),
        phone: `+447700900${String(i).padStart(3, '0')}`,
        birthday: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        status: i % 97 === 0 ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE,
        emailOptIn: rand() < 0.6,
        smsOptIn: rand() < 0.3,
        tier,
        enrolledAt: new Date(now - Math.floor(((DEMO_MEMBER_COUNT - i) / DEMO_MEMBER_COUNT) * threeYears) - Math.floor(rand() * 86_400_000)),
        enrollmentSource: `store:store-00${1 + (i % 3)}`,
      });
      const lost = i % 20 === 0;
      em.create(LoyaltyCard, {
        number: demoCardNumber(cardSeq++),
        member,
        status: lost ? CardStatus.LOST : CardStatus.ACTIVE,
        linkedAt: member.enrolledAt,
        statusChangedAt: member.enrolledAt,
      });
      if (lost) {
        em.create(LoyaltyCard, { number: demoCardNumber(cardSeq++), member, status: CardStatus.ACTIVE, linkedAt: new Date(now), statusChangedAt: new Date(now) });
      }
    }
  }
}
