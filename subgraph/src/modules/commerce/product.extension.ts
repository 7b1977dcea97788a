import type { CommerceEntity } from '../../config';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { calculateEarn } from '../earning/earn-calculator';
import type { ProductEarnPreviewType } from './commerce.types';
import { stubReference, stubTypeDefs, type StubRef } from './commerce.stub';

/**
 * Extends the commerce product (type and key from COMMERCE_PRODUCT_TYPE / _KEY) with
 * `loyaltyEarnPreview`. The price and category are arguments, not `@requires` on commerce fields,
 * because their shape differs between commerce graphs (one prices in Float, another in Money).
 */
export function productExtension(entity: CommerceEntity) {
  return {
    typeDefs: stubTypeDefs(
      entity,
      `  """Points one unit earns at this price (minor units) and category under the current rules, before tier and channel multipliers."""
  loyaltyEarnPreview(unitPrice: Int!, categoryId: ID, channel: String = "web"): LoyaltyProductEarnPreview`,
    ),
    resolvers: {
      [entity.typeName]: {
        __resolveReference: stubReference(entity),
        async loyaltyEarnPreview(
          product: StubRef,
          args: { unitPrice: number; categoryId?: string | null; channel?: string | null },
          ctx: RequestContext,
        ): Promise<ProductEarnPreviewType | null> {
          requireRole(ctx, ['admin', 'till', 'service', 'member', 'customer']);
          if (!product.__loyaltyKey) return null;
          if (!Number.isInteger(args.unitPrice) || args.unitPrice < 0 || args.unitPrice > 100_000_000) return null;
          const [settings, rules] = await Promise.all([ctx.loaders.settings(), ctx.loaders.activeRules()]);
          const calc = calculateEarn(
            { channel: (args.channel ?? 'web').slice(0, 64), currencyCode: settings.currencyCode, lines: [{ productId: product.__loyaltyKey, categoryId: args.categoryId ?? null, quantity: 1, unitPrice: args.unitPrice }] },
            rules,
            100,
          );
          return { points: calc.points, ruleKind: calc.lines[0]?.ruleKind ?? null, excluded: calc.lines[0]?.excluded ?? false };
        },
      },
    },
  };
}
