/** Placeholder until this page is built (issue 14). */
export function RewardsPage() {
  return <h1>Rewards (not built yet)</h1>;
}
