/**
 * The service taken apart, for the diagnostics: the same operations driven in this process
 * (a) through the service functions alone (ORM + domain code, no GraphQL, no HTTP), and
 * (b) through Apollo Server's executeOperation on the real schema (GraphQL, no HTTP, no JWT).
 * With the floor (plain pg) and the full service (HTTP), each step's cost is a difference.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Principal } from '../subgraph/src/auth/principal';
import { ProgrammeCache } from '../subgraph/src/modules/programme/programme.cache';
import { createRequestContext, type RequestContext } from '../subgraph/src/common/context';
import { createLogger } from '../subgraph/src/common/logger';
import { earnPoints } from '../subgraph/src/modules/earning/earning.service';
import { capturePointsHold, holdPoints } from '../subgraph/src/modules/holds/hold.service';
import { buildLoyaltySchema } from '../subgraph/src/schema/build-schema';
import { captureDocument, captureVariables, earnDocument, earnVariables, holdDocument, holdVariables } from './documents';
import type { Driver } from './floor';
import type { BenchService } from './setup';

/** The same cache a service instance keeps (see app.ts). */
const programmeCache = new ProgrammeCache(5_000);

function check(what: string, out: { userErrors: { code: string; message: string }[] }) {
  if (out.userErrors.length) throw new Error(`${what}: ${JSON.stringify(out.userErrors)}`);
}

/** (a) The service functions, called as the resolvers call them, with a fresh request context each. */
export async function serviceFunctionsDriver(svc: BenchService): Promise<Driver> {
  const principal: Principal = await svc.verifyToken(svc.tokens.till);
  const logger = createLogger('warn');
  const ctx = (): RequestContext => createRequestContext(svc.orm.em, principal, svc.config, logger, programmeCache);
  return {
    async earn(memberId) {
      const out = await earnPoints(ctx(), earnVariables(memberId).input);
      check('earnPoints', out);
    },
    async hold(memberId) {
      const out = await holdPoints(ctx(), holdVariables(memberId).input);
      check('holdPoints', out);
      return out.hold!.id;
    },
    async capture(holdId) {
      check('capturePointsHold', await capturePointsHold(ctx(), captureVariables(holdId).input));
    },
  };
}

/** (b) GraphQL without HTTP: an Apollo Server on the service's schema, options and context, via executeOperation. */
export async function graphqlDriver(svc: BenchService, rich: boolean, opts: { cacheControl?: boolean } = {}): Promise<{ driver: Driver; stop(): Promise<void> }> {
  const principal: Principal = await svc.verifyToken(svc.tokens.till);
  const logger = createLogger('warn');
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildLoyaltySchema(svc.config.commerce),
    introspection: svc.config.introspection,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo installs its cache-control plugin by default (a hook on every resolved field); the service turns it off.
      ...(opts.cacheControl === false ? [ApolloServerPluginCacheControlDisabled()] : []),
    ],
  });
  await apollo.start();
  const run = async (query: string, variables: Record<string, unknown>, field: string) => {
    const res = await apollo.executeOperation({ query, variables }, { contextValue: createRequestContext(svc.orm.em, principal, svc.config, logger, programmeCache) });
    if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
    const r = res.body.singleResult;
    if (r.errors?.length) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
    const payload = (r.data as Record<string, any>)[field];
    check(field, payload);
    return payload;
  };
  return {
    driver: {
      async earn(memberId) {
        await run(earnDocument(rich), earnVariables(memberId), 'earnPoints');
      },
      async hold(memberId) {
        return (await run(holdDocument(rich), holdVariables(memberId), 'holdPoints')).hold.id;
      },
      async capture(holdId) {
        await run(captureDocument(rich), captureVariables(holdId), 'capturePointsHold');
      },
    },
    stop: () => apollo.stop(),
  };
}
