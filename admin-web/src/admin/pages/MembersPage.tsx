/** Placeholder until this page is built (issue 14). */
export function MembersPage() {
  return <h1>Members (not built yet)</h1>;
}
