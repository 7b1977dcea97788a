import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

/** An amount of money: integer minor units (pence, cents) of an ISO 4217 currency. */
@ObjectType('LoyaltyMoney', { description: 'Integer minor units of an ISO 4217 currency, e.g. { amount: 1999, currencyCode: "GBP" } is 19.99 GBP.', simpleResolvers: true })
export class Money {
  @Field(() => Int, { description: 'Minor units.' })
  amount!: number;

  @Field(() => String)
  currencyCode!: string;
}

@InputType('LoyaltyMoneyInput')
export class MoneyInput {
  @Field(() => Int, { description: 'Minor units.' })
  amount!: number;

  @Field(() => String)
  currencyCode!: string;
}

/**
 * A sum of money over many sales (analytics): integer minor units like `Money`, but as a GraphQL
 * `Float`, because a month's sales of a large programme pass `Int`'s 2,147,483,647 minor units.
 * Whole minor units, exact up to 2^53 (9,007,199,254,740,991). `Money` itself stays `Int` (contract).
 */
@ObjectType('LoyaltyMoneyTotal', { description: 'A sum of money (analytics): whole minor units of an ISO 4217 currency, as a Float so that it can pass 2^31; exact below 2^53.', simpleResolvers: true })
export class MoneyTotal {
  @Field(() => Float, { description: 'Minor units, a whole number.' })
  amount!: number;

  @Field(() => String)
  currencyCode!: string;
}

/** A sum in minor units; throws beyond 2^53, where a double no longer holds every whole number. */
export function moneyTotal(amount: number, currencyCode: string): MoneyTotal {
  if (!Number.isSafeInteger(amount)) throw new Error(`A money total of ${amount} minor units is not a whole number below 2^53`);
  return { amount, currencyCode };
}

export function money(amount: number, currencyCode: string): Money {
  return { amount, currencyCode };
}

/** Minor-unit digits of a currency (2 for GBP, 0 for JPY, 3 for KWD), from Intl; 2 for a code it does not know. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `1250` GBP as `12.50 GBP`, `500` JPY as `500 JPY`: for titles and messages. */
export function formatMinor(amount: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  return `${(amount / 10 ** digits).toFixed(digits)} ${currencyCode}`;
}
