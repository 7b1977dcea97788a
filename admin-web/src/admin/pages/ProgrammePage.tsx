/** Placeholder until this page is built (issue 14). */
export function ProgrammePage() {
  return <h1>Programme (not built yet)</h1>;
}
