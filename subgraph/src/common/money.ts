import { Field, InputType, Int, ObjectType } from 'type-graphql';

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

export function money(amount: number, currencyCode: string): Money {
  return { amount, currencyCode };
}
