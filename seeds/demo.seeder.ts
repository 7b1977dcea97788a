import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { creditSale } from '../subgraph/src/modules/earning/earning.service';
import { MemberLedger } from '../subgraph/src/modules/ledger/ledger.core';
import { EarningRuleRecord } from '../subgraph/src/modules/programme/earning-rule.entity';
import { ExpiryUnit, TierReview } from '../subgraph/src/modules/programme/programme-settings.entity';
import { rescheduleReviews } from '../subgraph/src/modules/tiers/tier-lifecycle';
import { cashValueOf, loadSettings } from '../subgraph/src/modules/programme/programme.service';
import { CouponKind } from '../subgraph/src/modules/coupons/coupon.entity';
import { insertCoupon, spendPointsOnCoupon } from '../subgraph/src/modules/coupons/coupon.service';
import { Reward, RewardKind } from '../subgraph/src/modules/rewards/reward.entity';
import { CardStatus, LoyaltyCard } from '../subgraph/src/modules/members/card.entity';
import { Member, MemberStatus } from '../subgraph/src/modules/members/member.entity';
import { Tier } from '../subgraph/src/modules/tiers/tier.entity';
import { TierDiscountRuleRecord } from '../subgraph/src/modules/discounts/tier-discount.entity';
import { prng } from './prng';

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

/**
 * What the levels do beyond the multiplier, by tier code (docs/levels.md): a grace period after a
 * review they were not met at, an upgrade bonus and a welcome gift, and Platinum for sale as a
 * paid membership. Reviews come a year after reaching a level; warnings 30 days before.
 */
export const DEMO_LEVELS: Record<string, { graceDays?: number; upgradeBonusPoints?: number; upgradeGift?: string; membershipPriceMinor?: number; membershipTermMonths?: number }> = {
  SILVER: { graceDays: 30, upgradeBonusPoints: 100 },
  GOLD: { graceDays: 60, upgradeBonusPoints: 250, upgradeGift: 'Canvas tote bag' },
  PLATINUM: { graceDays: 90, upgradeBonusPoints: 500, upgradeGift: 'Airport lounge pass', membershipPriceMinor: 9900, membershipTermMonths: 12 },
};

/** Level discounts at the till, by tier code: Gold and Platinum members pay less for clothing. */
export const DEMO_TIER_DISCOUNTS: Record<string, { kind: string; name: string; args: Record<string, unknown> }[]> = {
  GOLD: [{ kind: 'CATEGORY_PERCENT', name: 'Clothing', args: { categoryIds: ['clothing'], productIds: [], percent: 10 } }],
  PLATINUM: [{ kind: 'CATEGORY_PERCENT', name: 'Clothing', args: { categoryIds: ['clothing'], productIds: [], percent: 15 } }],
};

const FIRST = ['Olivia', 'Noah', 'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Arthur', 'Mia', 'Leo', 'Ivy', 'Harry', 'Lily', 'Oscar', 'Freya', 'Muhammad', 'Grace', 'Jack', 'Sofia', 'Theo', 'Zara', 'Finley', 'Aisha', 'Luca', 'Chloe', 'Mateo', 'Emily', 'Ravi', 'Hannah', 'Kenji'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Khan', 'Clarke', 'Nowak', 'Okafor', 'Murphy', 'Kowalski', 'Rossi'];

export const DEMO_MEMBER_COUNT = 240;

/** The demo rules: a point per pound, double on beauty, coffee cards, no points on tobacco or gift cards, more in the app. */
export const DEMO_RULES = [
  { kind: 'SPEND', name: '1 point per £1', args: { pointsPerStep: 1, stepMinor: 100 } },
  { kind: 'CATEGORY_MULTIPLIER', name: 'Double points on beauty', args: { categoryIds: ['beauty'], percent: 200 } },
  { kind: 'PRODUCT_POINTS', name: '25 points per coffee card', args: { productIds: ['coffee-card'], pointsPerUnit: 25 } },
  { kind: 'EXCLUDE', name: 'No points on tobacco and gift cards', args: { categoryIds: ['tobacco', 'gift-cards'] } },
  { kind: 'CHANNEL_MULTIPLIER', name: '1.5x in the app', args: { channels: ['app'], percent: 150 } },
  { kind: 'MIN_SPEND', name: 'Minimum spend £1', args: { amountMinor: 100 } },
];

/** The demo catalogue: gift items (some limited, one for Gold and above) and vouchers. */
export const DEMO_REWARDS = [
  { kind: RewardKind.GIFT_ITEM, name: 'Free coffee', productId: 'coffee-regular', pointsCost: 150 },
  { kind: RewardKind.GIFT_ITEM, name: 'Branded mug', productId: 'mug-branded', pointsCost: 300, stock: 120, perMemberLimit: 2 },
  { kind: RewardKind.GIFT_ITEM, name: 'Canvas tote bag', productId: 'tote-canvas', pointsCost: 500, stock: 60 },
  { kind: RewardKind.GIFT_ITEM, name: 'Airport lounge pass', productId: 'lounge-pass', pointsCost: 2500, stock: 10, minTierRank: 2 },
  { kind: RewardKind.CASH_VOUCHER, name: '£5 voucher', pointsCost: 450, voucherValueMinor: 500 },
  { kind: RewardKind.CASH_VOUCHER, name: '£10 voucher', pointsCost: 850, voucherValueMinor: 1000 },
];

const BASKETS = [
  [{ productId: 'bread-white', categoryId: 'bakery', unitPrice: 145 }, { productId: 'milk-2l', categoryId: 'dairy', unitPrice: 165 }],
  [{ productId: 'lipstick-red', categoryId: 'beauty', unitPrice: 1299 }],
  [{ productId: 'coffee-card', categoryId: 'cafe', unitPrice: 500 }, { productId: 'croissant', categoryId: 'bakery', unitPrice: 180 }],
  [{ productId: 'jeans-slim', categoryId: 'clothing', unitPrice: 4500 }, { productId: 'socks-3pk', categoryId: 'clothing', unitPrice: 899 }],
  [{ productId: 'headphones', categoryId: 'electronics', unitPrice: 12999 }],
  [{ productId: 'gift-card-50', categoryId: 'gift-cards', unitPrice: 5000 }, { productId: 'card-birthday', categoryId: 'stationery', unitPrice: 299 }],
];

/**
 * The demo programme: four tiers (Gold and Platinum with a discount on clothing, grace periods,
 * upgrade bonuses and gifts, Platinum also sold as a paid membership, yearly reviews), the demo rules and settings (100 points = £1, welcome and
 * birthday bonuses, 24-month expiry), and 240 members with cards (a few lost and replaced),
 * enrolled over the last three years, each with a purchase history booked through the real
 * ledger, so tiers, balances, expiring points and the points log are all believable. Phone numbers
 * are in Ofcom's drama range, e-mails at example.com.
 */
export class DemoSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const rand = prng(20261122);
    const settings = await loadSettings(em);
    Object.assign(settings, {
      currencyCode: 'GBP', redeemPoints: 100, redeemAmountMinor: 100, minRedeemPoints: 100, maxRedeemSharePercent: 100,
      holdTtlDefaultSeconds: 300, holdTtlMaxSeconds: 3600, pendingDays: 0, expiryUnit: ExpiryUnit.MONTHS, expiryCount: 24,
      expiryToMonthEnd: true, registrationBonusPoints: 100, birthdayBonusPoints: 200, updatedAt: new Date(),
    });
    const rules = DEMO_RULES.map((r, position) => em.create(EarningRuleRecord, { ...r, position }));
    const tiers = DEMO_TIERS.map((t) => em.create(Tier, { ...t, createdAt: new Date('2023-01-01T00:00:00Z') }));
    // the level discounts came with this release: the purchase history below predates them
    for (const tier of tiers) {
      for (const [position, rule] of (DEMO_TIER_DISCOUNTS[tier.code] ?? []).entries()) em.create(TierDiscountRuleRecord, { ...rule, tier: tier.id, position });
    }
    const rewards = DEMO_REWARDS.map((r) => em.create(Reward, { ...r, description: null }));
    const now = Date.UTC(2026, 10, 1);
    const threeYears = 3 * 365 * 24 * 3600 * 1000;
    let cardSeq = 1;
    const histories: { member: Member; visits: number; size: number }[] = [];
    for (let i = 1; i <= DEMO_MEMBER_COUNT; i++) {
      const first = FIRST[Math.floor(rand() * FIRST.length)]!;
      const last = LAST[Math.floor(rand() * LAST.length)]!;
      const r = rand();
      // how much this member shops: most a little, a few a lot (drives their tier)
      const shopper = r < 0.6 ? { visits: 1 + Math.floor(rand() * 4), size: 1 } : r < 0.85 ? { visits: 5 + Math.floor(rand() * 4), size: 2 } : r < 0.97 ? { visits: 10 + Math.floor(rand() * 5), size: 5 } : { visits: 20, size: 10 };
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
        status: MemberStatus.ACTIVE,
        emailOptIn: rand() < 0.6,
        smsOptIn: rand() < 0.3,
        tier: tiers[0],
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
      histories.push({ member, ...shopper });
    }
    await em.flush();
    await em.execute('insert into wallet (member_id, updated_at) select id, now() from member on conflict do nothing');
    for (const { member, visits, size } of histories) {
      const start = member.enrolledAt.getTime();
      for (let v = 0; v < visits; v++) {
        const when = new Date(start + Math.floor(((now - start) * (v + rand())) / visits));
        const basket = BASKETS[Math.floor(rand() * BASKETS.length)]!;
        const quantity = size + Math.floor(rand() * 3);
        const ledger = (await MemberLedger.lock(em, member.id, 'demo-seed', { now: when }))!;
        await creditSale(em, ledger, {
          id: `demo-${member.id.slice(0, 8)}-${v}`,
          orderId: null,
          channel: rand() < 0.2 ? 'app' : 'store',
          storeId: member.enrollmentSource?.replace('store:', '') ?? null,
          tillId: 'till-01',
          occurredAt: when,
          currencyCode: 'GBP',
          lines: basket.map((l) => ({ ...l, quantity })),
          totalMinor: basket.reduce((t, l) => t + l.unitPrice * quantity, 0),
        }, { rules, settings, storeId: null, tillId: 'till-01' });
      }
    }
    // every tenth member turned some points into a voucher, so coupon wallets are not empty
    for (const { member } of histories.filter((_, i) => i % 10 === 0)) {
      const ledger = (await MemberLedger.lock(em, member.id, 'demo-seed'))!;
      await ledger.settle();
      const points = Math.floor(ledger.wallet.available / 200) * 100;
      if (points >= settings.minRedeemPoints) {
        const value = cashValueOf(settings, points);
        await spendPointsOnCoupon(ledger, points, `voucher worth ${value} minor units`, (allocations) =>
          insertCoupon(em, {
            kind: CouponKind.CASH_VOUCHER, title: `£${(value / 100).toFixed(2)} voucher`, memberId: member.id, valueMinor: value,
            pointsSpent: points, allocations, expiresAt: new Date(ledger.now.getTime() + settings.couponValidityDays * 86_400_000), issuedBy: 'demo-seed',
          }, settings.currencyCode, ledger.now),
        );
      }
      await ledger.save();
    }
    // a couple of memberships suspended after their history, for the admin table
    for (const { member } of histories.filter((_, i) => (i + 1) % 97 === 0)) member.status = MemberStatus.SUSPENDED;
    // The level rules came with this release: the history above predates them (no upgrade bonuses
    // or gifts were given for it); reviews are scheduled from when each member reached their level.
    for (const tier of tiers) {
      const level = DEMO_LEVELS[tier.code];
      if (!level) continue;
      Object.assign(tier, {
        graceDays: level.graceDays ?? 0,
        upgradeBonusPoints: level.upgradeBonusPoints ?? 0,
        upgradeGiftRewardId: level.upgradeGift ? rewards.find((r) => r.name === level.upgradeGift)!.id : null,
        membershipPriceMinor: level.membershipPriceMinor ?? null,
        membershipTermMonths: level.membershipTermMonths ?? null,
      });
    }
    Object.assign(settings, { tierReview: TierReview.ANNIVERSARY, tierWarningDays: 30, paidMembershipReminderDays: 14 });
    await em.flush();
    await rescheduleReviews(em, settings, new Date());
    await seedPromotions(em);
  }
}

/**
 * The demo's promotions (docs/campaigns.md), added after the history (which they do not touch):
 * double points on clothing at weekends, a tote bag for spending £50 (200 of them), a birthday
 * voucher and a win-back automation for members inactive 90 days, each with its message templates,
 * and a five-coffees challenge.
 */
async function seedPromotions(em: EntityManager): Promise<void> {
  const now = new Date();
  // running from a month before the demo is seeded to a year after, whenever that is
  const from = new Date(now.getTime() - 30 * 86_400_000);
  const until = new Date(now.getTime() + 365 * 86_400_000);
  const campaign = (c: Record<string, unknown>) =>
    em.execute(
      `insert into campaign (id, code, name, description, status, starts_at, ends_at, time_zone, windows, criteria, offer, per_member_limit, per_member_period,
                             budget_points, budget_value_minor, budget_coupons, priority, stacking, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, 'ACTIVE', ?, ?, 'Europe/London', ?::jsonb, ?::jsonb, ?::jsonb, ?, 'CAMPAIGN', ?, null, ?, ?, 'STACKABLE', ?, ?)`,
      [c.code, c.name, c.description, c.startsAt, c.endsAt, JSON.stringify(c.windows ?? []), JSON.stringify(c.criteria), JSON.stringify(c.offer), c.perMember ?? null,
        c.budgetPoints ?? null, c.budgetCoupons ?? null, c.priority, now, now],
    );
  await campaign({
    code: 'CLOTHING-WEEKEND', name: 'Double points on clothing at weekends', description: 'Saturdays and Sundays, UK time',
    startsAt: from, endsAt: until, windows: [{ weekdays: [6, 7], fromMinute: 0, toMinute: 1440 }],
    criteria: { categoryIds: ['clothing'] }, offer: { kind: 'POINTS_MULTIPLIER', percent: 200 }, budgetPoints: 1_000_000, priority: 10,
  });
  await campaign({
    code: 'SPEND50-TOTE', name: 'Spend £50, get a tote bag', description: 'One per member, while 200 last',
    startsAt: from, endsAt: until,
    criteria: { minSpendMinor: 5000 }, offer: { kind: 'GIFT_ITEM', productId: 'tote-canvas', valueMinor: 350, title: 'Free canvas tote bag', validDays: 60 },
    perMember: 1, budgetCoupons: 200, priority: 5,
  });
  const template = (key: string, channel: string, subject: string, body: string, html: string | null = null) =>
    em.execute(`insert into message_template (key, channel, subject, body, html, updated_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing`, [key, channel, subject, body, html, now]);
  await template('custom.birthday_voucher', 'INBOX', 'Happy birthday, {{firstName}}!', 'A {{couponTitle}} is waiting for you: show code {{couponCode}} at the till by {{couponExpiresOn}}.');
  await template('custom.birthday_voucher', 'EMAIL', 'Happy birthday, {{firstName}}: a present from us', 'Happy birthday, {{firstName}}!\n\nYour {{couponTitle}}: code {{couponCode}}, valid until {{couponExpiresOn}}.',
    '<h1>Happy birthday, {{firstName}}!</h1><p>Your <b>{{couponTitle}}</b> is waiting: show code <code>{{couponCode}}</code> at the till by {{couponExpiresOn}}.</p>');
  await template('custom.birthday_voucher', 'SMS', 'Birthday voucher', 'Happy birthday {{firstName}}! Your {{couponTitle}}: {{couponCode}}, until {{couponExpiresOn}}.');
  await template('custom.win_back', 'INBOX', 'We miss you, {{firstName}}', "It's been {{daysInactive}} days. Here is {{couponTitle}}: code {{couponCode}}, until {{couponExpiresOn}}.");
  await template('custom.win_back', 'EMAIL', 'We miss you, {{firstName}}', "It's been {{daysInactive}} days since your last visit.\n\n{{couponTitle}}: code {{couponCode}}, until {{couponExpiresOn}}.",
    '<p>It has been {{daysInactive}} days since your last visit, {{firstName}}.</p><p><b>{{couponTitle}}</b>: code <code>{{couponCode}}</code>, until {{couponExpiresOn}}.</p>');
  const automation = (a: Record<string, unknown>) =>
    em.execute(
      `insert into automation (id, code, name, status, trigger, actions, activated_at, created_at, updated_at) values (gen_random_uuid(), ?, ?, 'ACTIVE', ?::jsonb, ?::jsonb, ?, ?, ?)`,
      [a.code, a.name, JSON.stringify(a.trigger), JSON.stringify(a.actions), now, now, now],
    );
  await automation({
    code: 'BIRTHDAY-VOUCHER', name: 'Birthday voucher', trigger: { kind: 'BIRTHDAY' },
    actions: [
      { kind: 'ISSUE_COUPON', coupon: { kind: 'CASH_VOUCHER', valueMinor: 500, title: '£5 birthday voucher', validDays: 30 } },
      { kind: 'SEND_MESSAGE', templateKey: 'custom.birthday_voucher', purpose: 'MARKETING' },
    ],
  });
  await automation({
    code: 'WIN-BACK-90', name: 'Win back after 90 days', trigger: { kind: 'INACTIVE', days: 90 },
    actions: [
      { kind: 'ISSUE_COUPON', coupon: { kind: 'PERCENT_COUPON', percent: 15, title: '15% off your next visit', validDays: 30 } },
      { kind: 'ADD_TAG', tag: 'win-back' },
      { kind: 'SEND_MESSAGE', templateKey: 'custom.win_back', purpose: 'MARKETING' },
    ],
  });
  await em.execute(
    `insert into challenge (id, code, name, description, status, starts_at, ends_at, goal, reward_points, reward_coupon, created_at, updated_at)
     values (gen_random_uuid(), 'FIVE-COFFEES', 'Five coffees', 'Buy a coffee card five times, get 150 points', 'ACTIVE', ?, ?, ?::jsonb, 150, null, ?, ?)`,
    [from, until, JSON.stringify({ kind: 'VISITS', target: 5, categoryIds: ['cafe'] }), now, now],
  );
}
