/** Placeholder until this page is built (issue 14). */
export function OutboxPage() {
  return <h1>Outbox (not built yet)</h1>;
}
