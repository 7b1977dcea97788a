import type { EarningRuleKind } from '../earning-rule';
import { categoryMultiplierRule } from './category-multiplier.rule';
import { categoryPointsRule } from './category-points.rule';
import { channelMultiplierRule } from './channel-multiplier.rule';
import { excludeRule } from './exclude.rule';
import { minSpendRule } from './min-spend.rule';
import { productMultiplierRule } from './product-multiplier.rule';
import { productPointsRule } from './product-points.rule';
import { spendRule } from './spend.rule';

const KINDS: EarningRuleKind<any>[] = [
  spendRule,
  productPointsRule,
  categoryPointsRule,
  productMultiplierRule,
  categoryMultiplierRule,
  excludeRule,
  channelMultiplierRule,
  minSpendRule,
];

/** Every registered earning rule kind by its code. Add a kind here to make it configurable. */
export const EARNING_RULE_KINDS: Record<string, EarningRuleKind<any>> = Object.freeze(
  Object.fromEntries(KINDS.map((k) => [k.code, k])),
);

/** A stored rule's kind resolved and its arguments validated. */
export interface ParsedRule<A = unknown> {
  kind: EarningRuleKind<A>;
  args: A;
}

/**
 * Resolves a stored rule's kind code and strictly validates its arguments. An unknown code or
 * bad arguments give a message for admins instead of throwing.
 */
export function parseRule(kind: string, args: unknown): { ok: true; rule: ParsedRule } | { ok: false; message: string } {
  const found = Object.hasOwn(EARNING_RULE_KINDS, kind) ? EARNING_RULE_KINDS[kind] : undefined;
  if (!found) return { ok: false, message: `unknown earning rule kind ${JSON.stringify(String(kind).slice(0, 40))}` };
  const parsed = found.parseArgs(args);
  if (!parsed.ok) return { ok: false, message: `${found.code}: ${parsed.message}` };
  return { ok: true, rule: { kind: found, args: parsed.args } };
}
