import type { CommerceEntity } from '../../config';

/**
 * The stub of a commerce entity in this subgraph's SDL: the host graph's type name and key, plus
 * the fields loyalty adds. The type and its key field carry no descriptions: in a composed graph
 * a stub's description can override the owner's, and the owner's must win.
 */
export function stubTypeDefs(entity: CommerceEntity, fields: string): string {
  return `type ${entity.typeName} @key(fields: "${entity.keyField}") {
  ${entity.keyField}: ${entity.keyType}!
${fields}
}
`;
}

/**
 * The key value of a representation as this subgraph stores it (a string: customer ids and
 * order ids are text columns), or null when the router sent something that is not a key value.
 */
export function keyOf(entity: CommerceEntity, ref: Record<string, unknown>): string | null {
  const value = ref[entity.keyField];
  if (entity.keyType === 'Int') return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? value : null;
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || value.length === 0 || value.length > 256 || /[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

/**
 * What `__resolveReference` returns for a stub: the key field as sent (the router may select it)
 * and the normalised key under a name no GraphQL field can have.
 */
export interface StubRef {
  __loyaltyKey: string | null;
  [field: string]: unknown;
}

/** `__resolveReference` of a stub: null (no entity) for a representation whose key is not of the configured type. */
export function stubReference(entity: CommerceEntity) {
  return (ref: Record<string, unknown>): StubRef | null => {
    const key = keyOf(entity, ref);
    return key === null ? null : { [entity.keyField]: entity.keyType === 'Int' ? Number(key) : key, __loyaltyKey: key };
  };
}
