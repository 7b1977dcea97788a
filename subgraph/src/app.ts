import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import type { TokenVerifier } from './auth/tokens';
import { actAsEnrolledMember } from './auth/customer';
import { createRequestContext, type RequestContext } from './common/context';
import { AuthenticationError, createErrorFormatter, PublicError } from './common/errors';
import type { Logger } from './common/logger';
import { buildLoyaltySchema } from './schema/build-schema';
import { createRequestHandler, listen } from './server/http';
import { operationLimits } from './server/limits';
import { startMaintenanceScheduler } from './modules/ledger/maintenance.scheduler';
import { createSender } from './modules/messaging/senders';
import { ProgrammeCache } from './modules/programme/programme.cache';

export interface LoyaltyService {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface ServiceDeps {
  config: Config;
  orm: MikroORM;
  verifyToken: TokenVerifier;
  logger: Logger;
}

/** Reads `Authorization: Bearer <jwt>`; no header means an anonymous caller. */
async function principalFromRequest(req: http.IncomingMessage, verifyToken: TokenVerifier) {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new PublicError('UNAUTHENTICATED', 'Authorization header must be "Bearer <token>"', 401);
  try {
    return await verifyToken(match[1]!);
  } catch (err) {
    if (err instanceof AuthenticationError) throw new PublicError('UNAUTHENTICATED', err.message, 401);
    throw err;
  }
}

/**
 * Starts the GraphQL service over an initialised ORM. Stateless: any number of these may run
 * against one database.
 */
export async function startLoyaltyService(deps: ServiceDeps, port = deps.config.port, host?: string): Promise<LoyaltyService> {
  const { config, orm, verifyToken, logger } = deps;
  const schema = await buildLoyaltySchema(config.commerce);
  const programme = new ProgrammeCache(config.programmeCacheSeconds * 1000);
  const httpServer = http.createServer();
  const limits = operationLimits<RequestContext>(config.limits);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.exposeStacktraces,
    // Production: no field suggestions or other schema details in validation errors.
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: createErrorFormatter(logger, config.exposeStacktraces),
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // no cache hints are used; its hook on every field costs ~0.2 ms per request (docs/benchmarks.md)
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
    ],
  });
  await apollo.start();
  httpServer.on(
    'request',
    createRequestHandler({
      apollo,
      maxBodyBytes: config.maxBodyBytes,
      routerSecret: config.routerSecret,
      webDir: config.webDir,
      logger,
      health: async () => orm.isConnected(),
      context: async (req) => createRequestContext(orm.em, await actAsEnrolledMember(orm.em, await principalFromRequest(req, verifyToken)), config, logger, programme),
    }),
  );
  const actualPort = await listen(httpServer, port, host);
  const sender = createSender(config, logger);
  const maintenance = startMaintenanceScheduler(orm.em, config.maintenanceIntervalSeconds, logger, sender);
  return {
    url: `http://${host ?? 'localhost'}:${actualPort}/graphql`,
    port: actualPort,
    httpServer,
    stop: async () => {
      await maintenance.stop();
      await sender.close?.();
      await apollo.stop();
    },
  };
}
