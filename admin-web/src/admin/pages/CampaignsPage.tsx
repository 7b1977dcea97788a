/** Placeholder until this page is built (issue 14). */
export function CampaignsPage({ code }: { code: string | null }) {
  void code;
  return <h1>Campaigns (not built yet)</h1>;
}
