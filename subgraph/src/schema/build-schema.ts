import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { requireRole, type RequestContext } from '../common/context';
import type { CommerceConfig } from '../config';
import { customerExtension } from '../modules/commerce/customer.extension';
import { OrderLoyaltyActivityType, ProductEarnPreviewType } from '../modules/commerce/commerce.types';
import { orderExtension } from '../modules/commerce/order.extension';
import { productExtension } from '../modules/commerce/product.extension';
import { LoyaltyCardResolver, MemberResolver } from '../modules/members/member.resolver';
import { memberReferenceResolvers } from '../modules/members/member.reference';
import { MemberProfileResolver } from '../modules/members/profile.resolver';
import { TierResolver } from '../modules/tiers/tier.resolver';
import { EarningResolver } from '../modules/earning/earning.resolver';
import { ProgrammeResolver } from '../modules/programme/programme.resolver';
import { LedgerEntryTierResolver, TierAdminResolver } from '../modules/tiers/tier-lifecycle.resolver';
import { MemberMembershipsResolver, MembershipResolver, TierMembershipResolver } from '../modules/tiers/membership.resolver';
import { CouponResolver, couponReferenceResolvers, MemberCouponsResolver } from '../modules/coupons/coupon.resolver';
import { RewardResolver } from '../modules/rewards/reward.resolver';
import { HoldResolver } from '../modules/holds/hold.resolver';
import { LedgerMutationResolver, MemberLedgerResolver, WalletResolver } from '../modules/ledger/ledger.resolver';
import { tierReferenceResolvers } from '../modules/tiers/tier.reference';
import { MemberInboxResolver, MessagingResolver } from '../modules/messaging/messaging.resolver';
import { AudienceResolver } from '../modules/audiences/audience.resolver';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver';
import { ChallengeResolver, MemberChallengesResolver } from '../modules/challenges/challenge.resolver';
import { AutomationResolver, AutomationRunResolver, MemberTagsResolver } from '../modules/automations/automation.resolver';
import { CampaignResolver, CouponCampaignResolver, LedgerEntryCampaignResolver } from '../modules/campaigns/campaign.resolver';
import { TierDiscountResolver, TierDiscountsFieldResolver } from '../modules/discounts/tier-discount.resolver';
import { MembershipExpiryResolver } from '../modules/membership-expiry/membership-expiry.resolver';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag"])';

type ResolverMap = Record<string, Record<string, unknown>>;

function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      out[type] = { ...(out[type] ?? {}), ...fields };
    }
  }
  return out;
}

/**
 * The one schema-building helper: type-graphql classes -> SDL with directives -> a federated
 * subgraph schema, with `__resolveReference` functions in the resolver map (attached later they
 * would never be called) and the commerce extensions under their configured type names and keys
 * (an extension configured `none` is left out).
 */
export async function buildLoyaltySchema(commerce: CommerceConfig): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: [MemberResolver, LoyaltyCardResolver, MemberProfileResolver, TierResolver, EarningResolver, HoldResolver, LedgerMutationResolver, MemberLedgerResolver, WalletResolver, ProgrammeResolver, CouponResolver, MemberCouponsResolver, RewardResolver, MemberInboxResolver, MessagingResolver, TierAdminResolver, LedgerEntryTierResolver, MembershipResolver, MemberMembershipsResolver, TierMembershipResolver, TierDiscountResolver, TierDiscountsFieldResolver, MembershipExpiryResolver, AudienceResolver, CampaignResolver, LedgerEntryCampaignResolver, CouponCampaignResolver, AutomationResolver, AutomationRunResolver, MemberTagsResolver, ChallengeResolver, MemberChallengesResolver, AnalyticsResolver],
    // the types of the commerce extensions, when those are on
    orphanedTypes: [...(commerce.order ? [OrderLoyaltyActivityType] : []), ...(commerce.product ? [ProductEarnPreviewType] : [])],
    authChecker,
    validate: false,
    skipCheck: true,
  });
  const extensions = [
    commerce.customer && customerExtension(commerce.customer),
    commerce.order && orderExtension(commerce.order, commerce.orderChannel),
    commerce.product && productExtension(commerce.product),
  ].filter((e) => e !== null);
  const typeDefs = parse([FEDERATION_LINK, printSchemaWithDirectives(typeGraphqlSchema), ...extensions.map((e) => e.typeDefs)].join('\n\n'));
  const resolvers = mergeResolvers(
    createResolversMap(typeGraphqlSchema) as ResolverMap,
    memberReferenceResolvers,
    tierReferenceResolvers,
    couponReferenceResolvers,
    ...extensions.map((e) => e.resolvers),
  );
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
  guardServiceSdl(schema);
  return schema;
}

/**
 * `_service { sdl }` tells anyone the whole schema, staff fields included. In production it
 * answers only the router (with LOYALTY_ROUTER_SECRET set, every request that gets this far
 * carried the secret) or an admin or service token.
 */
function guardServiceSdl(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error('buildSubgraphSchema did not define Query._service');
  field.resolve = (root, args, ctx: RequestContext, info) => {
    if (ctx.config.production && !ctx.config.routerSecret) requireRole(ctx, ['admin', 'service']);
    return resolve(root, args, ctx, info);
  };
}
