/** Placeholder until this page is built (issue 14). */
export function LevelsPage() {
  return <h1>Levels (not built yet)</h1>;
}
