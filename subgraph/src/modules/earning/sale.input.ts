import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('LoyaltySaleLineInput')
export class SaleLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => Int, { description: '1 to 10,000.' })
  quantity!: number;

  @Field(() => Int, { description: 'Price of one unit after discounts, minor units of the sale currency.' })
  unitPrice!: number;
}

@InputType('LoyaltySaleInput', { description: 'A sale as the till or checkout knows it; points are computed from it on the server.' })
export class SaleInput {
  @Field(() => ID, { description: 'Unique within the channel, forever: a sale earns at most once.' })
  id!: string;

  @Field(() => String, { description: 'e.g. store, web, app.' })
  channel!: string;

  @Field(() => ID, { nullable: true, description: "The commerce graph's order key, when the sale is (part of) an order." })
  orderId?: string | null;

  @Field(() => String, { nullable: true })
  storeId?: string | null;

  @Field(() => String, { nullable: true })
  tillId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the sale happened (an offline till replays later); defaults to now.' })
  occurredAt?: Date | null;

  @Field(() => String)
  currencyCode!: string;

  @Field(() => [SaleLineInput])
  lines!: SaleLineInput[];
}
