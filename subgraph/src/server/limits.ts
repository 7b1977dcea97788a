import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { OperationLimits } from '../config';

/** What a list without a `first` argument (a member's cards, the tiers) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Selections the cost estimate may visit, fragments expanded. A document past this is refused
 * without finishing the estimate, so a query whose fragments multiply costs a bounded effort.
 */
export const MAX_COST_NODES = 10_000;

/** Which limit refused an operation, in `extensions.limit`. */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

/** A refusal: `GRAPHQL_VALIDATION_FAILED`, HTTP 400, before any resolver (or SQL) runs. */
export function limitError(limit: LimitName, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, ...extra, http: { status: 400 } } });
}

/** graphql-armor reports with "Syntax Error: ..." whatever the limit; report it as what it is. */
function reportAs(limit: LimitName): GraphQLArmorRejectCallback {
  return (ctx, error) => ctx?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, '')));
}

/**
 * How many items a field returns per parent, for the cost estimate: its `first` argument (the
 * schema's default when omitted), the number of representations for `_entities`, 1 for `edges` /
 * `nodes` of a connection (the connection's `first` counted them), {@link ASSUMED_LIST_SIZE} for
 * other lists, 1 for everything else.
 */
function itemsPerParent(field: GraphQLField<unknown, unknown>, parentTypeName: string, args: Record<string, unknown>): number {
  if (field.name === '_entities') {
    return Array.isArray(args.representations) ? args.representations.length : 1;
  }
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : field.args.find((a) => a.name === 'first')?.defaultValue;
    return typeof first === 'number' && first > 0 ? first : ASSUMED_LIST_SIZE;
  }
  if (isListType(getNullableType(field.type))) {
    if (parentTypeName.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
    return ASSUMED_LIST_SIZE;
  }
  return 1;
}

/**
 * The list-aware cost: a scalar or enum field costs 0 (the token and alias limits bound those);
 * a field returning objects costs, per object it may return, 1 plus the cost of its selection.
 * So `activity(first: 100) { nodes { id } }` costs 100 x (1 + 1) = 200, and a router batch of 500
 * `LoyaltyMember` representations selecting `tier { name } wallet { available }` 500 x 3 = 1,500.
 */
export const listAwareEstimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0; // introspection (off in production) and __typename
  if (!isCompositeType(getNamedType(field.type))) return 0;
  return itemsPerParent(field, type.name, args) * (1 + childComplexity);
};

/** The estimated cost of one operation with its variables; throws a limit error past `MAX_COST_NODES`. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [listAwareEstimator], maxQueryNodes: MAX_COST_NODES });
  } catch (err) {
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      throw limitError('cost', `Query too large: more than ${MAX_COST_NODES} selections once its fragments are expanded`);
    }
    // Variables that do not fit their types: the same error execution would give.
    if (err instanceof GraphQLError) throw new GraphQLError(err.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw err;
  }
}

/**
 * What of an operation's variables its cost can depend on: numbers (`first`), booleans
 * (`@include(if:)`), list lengths (representations) and the structure around them. Strings (ids,
 * card numbers, search words, enum values) never change a cost, so each is written as "s". Null
 * when the variables cannot be written out (nested too deeply): not worth remembering.
 */
export function costShape(variables: unknown): string | null {
  try {
    return JSON.stringify(variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? 's' : value));
  } catch {
    return null;
  }
}

/** Documents' costs per variables' shape a cache keeps at most (then it starts over for that document). */
const SHAPES_PER_DOCUMENT = 64;

/**
 * {@link operationCost}, remembered per parsed document (Apollo Server hands out the same
 * `DocumentNode` for the same query text) and per {@link costShape} of the variables: a till
 * sending the same identify with another card number is not estimated again (the estimate was a
 * tenth of an identify's CPU). A cost is kept whatever the verdict; an estimate that failed (too
 * many selections, variables of the wrong type) is made again each time.
 */
export function memoizedOperationCost(): typeof operationCost {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return (schema, document, variables, operationName) => {
    const shape = costShape(variables);
    if (shape === null) return operationCost(schema, document, variables, operationName);
    let byShape = costs.get(document);
    if (!byShape) costs.set(document, (byShape = new Map()));
    const key = `${operationName ?? ''} ${shape}`;
    const known = byShape.get(key);
    if (known !== undefined) return known;
    const cost = operationCost(schema, document, variables, operationName);
    if (byShape.size >= SHAPES_PER_DOCUMENT) byShape.clear();
    byShape.set(key, cost);
    return cost;
  };
}

/** Refuses an operation whose list-aware cost is over `maxCost`, after validation and before execution. */
function costLimitPlugin<TContext extends BaseContext>(maxCost: number): ApolloServerPlugin<TContext> {
  const costOf = memoizedOperationCost();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const cost = costOf(schema, document, request.variables, operationName ?? undefined);
          if (cost > maxCost) {
            // Nested lists multiply: past a billion the figure says nothing more.
            const found = cost > 1e9 ? 'more than 1000000000' : String(Math.ceil(cost));
            throw limitError('cost', `Query cost limit of ${maxCost} exceeded, found ${found} (lists count once per item they may return: lower \`first\`, or send fewer representations)`, {
              cost: Math.min(Math.ceil(cost), 1e9 + 1),
              maxCost,
            });
          }
        },
      };
    },
  };
}

export interface OperationLimitOptions<TContext extends BaseContext> {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
  parseOptions: ParseOptions;
}

/**
 * The Apollo Server options that enforce {@link OperationLimits}: graphql-armor's depth, alias and
 * directive rules run with validation (each fragment counted once, so fast on any document);
 * graphql-js stops parsing at `maxTokens`; the list-aware cost is checked once the operation and
 * its variables are known. Field suggestions ("Did you mean ...?") are always masked: they let a
 * caller without introspection read the schema. Every refusal is HTTP 400 with
 * `extensions.code` `GRAPHQL_VALIDATION_FAILED` (`GRAPHQL_PARSE_FAILED` for tokens) and
 * `extensions.limit`.
 */
export function operationLimits<TContext extends BaseContext>(limits: OperationLimits): OperationLimitOptions<TContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs('depth')] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reportAs('aliases')] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reportAs('directives')] },
    // Its Apollo plugin throws from parsingDidStart, which Apollo answers as HTTP 500; graphql-js
    // has the same limit built into its parser (parseOptions below), answered as a parse error.
    maxTokens: { enabled: false },
    // Its cost does not multiply by `first` from variables nor by representations: ours below does.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<TContext>[]), costLimitPlugin<TContext>(limits.maxCost)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
