/** Placeholder until this page is built (issue 14). */
export function MemberPage({ memberId }: { memberId: string }) {
  void memberId;
  return <h1>Member (not built yet)</h1>;
}
