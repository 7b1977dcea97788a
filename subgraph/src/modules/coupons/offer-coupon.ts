import { formatMinor } from '../../common/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgrammeSettings } from '../programme/programme-settings.entity';
import { CouponKind } from './coupon.entity';
import { insertCoupon } from './coupon.service';

/** A coupon that campaigns, automations and challenges give (not bought with points). */
export interface OfferCoupon {
  kind: 'CASH_VOUCHER' | 'PERCENT_COUPON' | 'GIFT_ITEM';
  valueMinor?: number;
  percent?: number;
  productId?: string | null;
  title?: string | null;
  validDays?: number | null;
}

const KIND: Record<OfferCoupon['kind'], CouponKind> = { CASH_VOUCHER: CouponKind.CASH_VOUCHER, PERCENT_COUPON: CouponKind.PERCENT_DISCOUNT, GIFT_ITEM: CouponKind.GIFT_ITEM };

/** What the coupon is, in words: `15% off`, `5.00 GBP voucher`, `Gift tote-canvas`. */
export function offerCouponText(c: OfferCoupon, currencyCode: string): string {
  if (c.kind === 'PERCENT_COUPON') return `${c.percent}% off`;
  if (c.kind === 'CASH_VOUCHER') return `${formatMinor(c.valueMinor ?? 0, currencyCode)} voucher`;
  return `Gift ${c.productId}`;
}

/**
 * Issues the coupon to the member, valid `validDays` (the programme's coupon validity by default),
 * under `title` (the offer's own title first). In the caller's transaction.
 */
export async function issueOfferCoupon(
  em: EntityManager,
  memberId: string,
  c: OfferCoupon,
  o: { title: string; issuedBy: string; campaignId?: string | null; now: Date; settings: ProgrammeSettings },
): Promise<{ code: string; title: string; expiresAt: Date }> {
  const title = (c.title ?? o.title).slice(0, 200);
  const expiresAt = new Date(o.now.getTime() + (c.validDays ?? o.settings.couponValidityDays) * 86_400_000);
  const row = await insertCoupon(em, {
    kind: KIND[c.kind], title, memberId, valueMinor: c.kind === 'CASH_VOUCHER' ? c.valueMinor : 0, percent: c.kind === 'PERCENT_COUPON' ? c.percent : 0,
    productId: c.productId ?? null, campaignId: o.campaignId ?? null, expiresAt, issuedBy: o.issuedBy,
  }, o.settings.currencyCode, o.now);
  return { code: String(row.code), title, expiresAt };
}
