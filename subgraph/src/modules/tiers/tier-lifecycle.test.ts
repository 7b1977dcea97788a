import { describe, expect, it } from 'vitest';
import { TierQualificationBasis, TierQualificationWindow, TierReview, type ProgrammeSettings } from '../programme/programme-settings.entity';
import { addMonths, describeAmount, nextReview, qualificationWindow, qualifiedTier, upgradePeriod } from './tier-lifecycle';
import type { Tier } from './tier.entity';

const settings = (over: Partial<ProgrammeSettings>) => ({ currencyCode: 'GBP', tierQualificationBasis: TierQualificationBasis.TIER_POINTS, tierQualificationWindow: TierQualificationWindow.LIFETIME, tierQualificationMonths: 12, tierReview: TierReview.NONE, tierReviewEveryDays: 30, ...over }) as ProgrammeSettings;
const at = (iso: string) => new Date(iso);

describe('level dates', () => {
  it('adds calendar months in UTC, keeping the day where the month has it', () => {
    expect(addMonths(at('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(at('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths(at('2026-03-15T00:00:00Z'), -12).toISOString()).toBe('2025-03-15T00:00:00.000Z');
    expect(addMonths(at('2026-12-31T23:59:59Z'), 2).toISOString()).toBe('2027-02-28T23:59:59.000Z');
  });

  it('counts a calendar year up to now, and the year that ended at a review on 1 January', () => {
    const s = settings({ tierQualificationWindow: TierQualificationWindow.CALENDAR_YEAR });
    expect(qualificationWindow(s, at('2026-07-04T12:00:00Z')).from?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(qualificationWindow(s, at('2027-01-01T00:00:00Z')).from?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(qualificationWindow(settings({ tierQualificationWindow: TierQualificationWindow.ROLLING_MONTHS, tierQualificationMonths: 6 }), at('2026-08-31T00:00:00Z')).from?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(qualificationWindow(settings({}), at('2026-08-31T00:00:00Z')).from).toBeNull();
  });

  it('schedules reviews by the programme: anniversary, year end, rolling, none', () => {
    const reached = at('2026-03-10T00:00:00Z');
    expect(nextReview(settings({ tierReview: TierReview.ANNIVERSARY }), reached)?.toISOString()).toBe('2027-03-10T00:00:00.000Z');
    expect(nextReview(settings({ tierReview: TierReview.CALENDAR_YEAR_END }), reached)?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(nextReview(settings({ tierReview: TierReview.ROLLING, tierReviewEveryDays: 45 }), reached)?.toISOString()).toBe('2026-04-24T00:00:00.000Z');
    expect(nextReview(settings({ tierReview: TierReview.NONE }), reached)).toBeNull();
  });

  it('names the qualification period an upgrade award belongs to', () => {
    const now = at('2026-12-07T15:00:00Z');
    expect(upgradePeriod(settings({}), now)).toBe('ever');
    expect(upgradePeriod(settings({ tierQualificationWindow: TierQualificationWindow.CALENDAR_YEAR }), now)).toBe('2026');
    expect(upgradePeriod(settings({ tierQualificationWindow: TierQualificationWindow.ROLLING_MONTHS }), now)).toBe('2026-12');
  });

  it('finds the highest level a value reaches, and says amounts as members read them', () => {
    const tiers = [{ rank: 0, qualificationThreshold: 0, code: 'B' }, { rank: 1, qualificationThreshold: 100, code: 'S' }, { rank: 2, qualificationThreshold: 500, code: 'G' }] as Tier[];
    expect(qualifiedTier(tiers, 0)?.code).toBe('B');
    expect(qualifiedTier(tiers, 499)?.code).toBe('S');
    expect(qualifiedTier(tiers, 500)?.code).toBe('G');
    expect(qualifiedTier(tiers.slice(1), 50)).toBeNull();
    expect(describeAmount(settings({}), 1_200)).toBe('1,200 tier points');
    expect(describeAmount(settings({}), 1)).toBe('1 tier point');
    expect(describeAmount(settings({ tierQualificationBasis: TierQualificationBasis.SPEND }), 6_500)).toBe('£65.00');
  });
});
