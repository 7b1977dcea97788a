/** Placeholder until this page is built (issue 14). */
export function MessagesPage() {
  return <h1>Messages (not built yet)</h1>;
}
