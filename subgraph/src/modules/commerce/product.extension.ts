import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/context';
import { calculateEarn } from '../earning/earn-calculator';
import type { ProductEarnPreviewType } from './commerce.types';

/**
 * Extends the commerce product (type name from COMMERCE_PRODUCT_TYPE) with `loyaltyEarnPreview`.
 * The price and category are arguments, not `@requires` on commerce fields, because their shape
 * differs between commerce graphs (one prices in Float, another in Money).
 */
export function productExtension(typeName: string) {
  return {
    typeDefs: `
"""The commerce graph's product, extended by the loyalty subgraph."""
type ${typeName} @key(fields: "id") {
  id: ID!
  """Points one unit earns at this price (minor units) and category under the current rules, before tier and channel multipliers."""
  loyaltyEarnPreview(unitPrice: Int!, categoryId: ID, channel: String = "web"): ProductEarnPreview
}
`,
    resolvers: {
      [typeName]: {
        __resolveReference(ref: { id: string }) {
          return { id: String(ref.id) };
        },
        async loyaltyEarnPreview(
          product: { id: string },
          args: { unitPrice: number; categoryId?: string | null; channel?: string | null },
          ctx: RequestContext,
        ): Promise<ProductEarnPreviewType | null> {
          requireRole(ctx, ['admin', 'till', 'service', 'member']);
          if (!Number.isInteger(args.unitPrice) || args.unitPrice < 0 || args.unitPrice > 100_000_000) return null;
          const [settings, rules] = await Promise.all([ctx.loaders.settings(), ctx.loaders.activeRules()]);
          const calc = calculateEarn(
            { channel: (args.channel ?? 'web').slice(0, 64), currencyCode: settings.currencyCode, lines: [{ productId: product.id, categoryId: args.categoryId ?? null, quantity: 1, unitPrice: args.unitPrice }] },
            rules,
            100,
          );
          return { points: calc.points, ruleKind: calc.lines[0]?.ruleKind ?? null, excluded: calc.lines[0]?.excluded ?? false };
        },
      },
    },
  };
}
