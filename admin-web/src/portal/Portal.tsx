/** Placeholder until the portal is built (issue 14). */
export function Portal({ signOut }: { signOut: () => void }) {
  return (
    <div className="portal">
      <h1>My loyalty (not built yet)</h1>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
