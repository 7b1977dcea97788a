import { Directive } from 'type-graphql';

/**
 * The contract tag of staff-only fields (DESIGN.md §4): every root field that no member or shopper
 * may use. An operator publishes a public contract variant of the supergraph without this tag (the
 * storefront's graph), and keeps the full graph for tills, services and the admin console.
 */
export const STAFF_TAG = 'loyalty-staff';

/** Marks a Query or Mutation field staff-only in the SDL (`@tag(name: "loyalty-staff")`). */
export const StaffOnly = () => Directive(`@tag(name: "${STAFF_TAG}")`);
