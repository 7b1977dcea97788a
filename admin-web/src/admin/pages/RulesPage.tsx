/** Placeholder until this page is built (issue 14). */
export function RulesPage() {
  return <h1>Rules (not built yet)</h1>;
}
