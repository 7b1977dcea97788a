import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../../common/errors';
import { Money } from '../../common/money';
import { CouponKind, CouponStatus } from './coupon.entity';

registerEnumType(CouponKind, { name: 'LoyaltyCouponKind' });
registerEnumType(CouponStatus, { name: 'LoyaltyCouponStatus', description: 'EXPIRED: still unused after its expiry.' });

@Directive('@key(fields: "code")')
@ObjectType('LoyaltyCoupon', { description: 'A single-use coupon: a cash voucher, a percent discount or a gift item.' })
export class CouponType {
  @Field(() => String, { description: 'Canonical code: 12 characters of Crockford base 32, the last two check characters.' })
  code!: string;

  @Field(() => String, { description: 'The code grouped for people, e.g. ABCD-EFGH-JKXY.' })
  displayCode!: string;

  @Field(() => String, { description: 'What the QR code or Code 128 barcode encodes; the till scans it.' })
  barcodePayload!: string;

  @Field(() => CouponKind)
  kind!: CouponKind;

  @Field(() => CouponStatus)
  status!: CouponStatus;

  @Field(() => String)
  title!: string;

  @Field(() => Money, { nullable: true, description: 'CASH_VOUCHER: what it pays.' })
  value?: Money | null;

  @Field(() => Int, { nullable: true, description: 'PERCENT_DISCOUNT: the discount.' })
  percent?: number | null;

  @Field(() => String, { nullable: true, description: 'GIFT_ITEM: the commerce product to hand over.' })
  productId?: string | null;

  @Field(() => Int, { description: 'Points the member spent on it (0 for coupons issued by the shop).' })
  pointsSpent!: number;

  @Field(() => Date)
  issuedAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  redeemedAt?: Date | null;

  @Field(() => String, { nullable: true })
  redeemedSaleId?: string | null;

  @Field(() => Date, { nullable: true })
  voidedAt?: Date | null;
}

@ObjectType('LoyaltyCouponValidation')
export class CouponValidationType {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => ErrorCode, { nullable: true, description: 'Why not: COUPON_MALFORMED, COUPON_NOT_FOUND, COUPON_EXPIRED, COUPON_ALREADY_REDEEMED, COUPON_VOIDED, COUPON_WRONG_MEMBER.' })
  reason?: ErrorCode | null;

  @Field(() => String, { nullable: true, description: 'The reason in words, for the cashier.' })
  message?: string | null;

  @Field(() => CouponType, { nullable: true })
  coupon?: CouponType | null;
}
