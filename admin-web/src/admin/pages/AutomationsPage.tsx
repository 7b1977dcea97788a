/** Placeholder until this page is built (issue 14). */
export function AutomationsPage() {
  return <h1>Automations (not built yet)</h1>;
}
