import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected `field` directly under the field being resolved (through fragments
 * too). Mutation payloads use it to skip loading what nobody asked for.
 */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    Boolean(set) &&
    set!.selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === field : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet) : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
