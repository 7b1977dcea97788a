/** Placeholder until this page is built (issue 14). */
export function AnalyticsPage() {
  return <h1>Analytics (not built yet)</h1>;
}
