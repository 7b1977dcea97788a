/** Status badges: green for usable, amber for paused, red for ended or refused. */
const TONE: Record<string, 'ok' | 'warn' | 'bad' | ''> = {
  ACTIVE: 'ok',
  SUSPENDED: 'warn',
  CLOSED: 'bad',
  EXPIRED: 'bad',
  BLOCKED: 'bad',
  LOST: 'warn',
  REDEEMED: '',
  VOIDED: 'bad',
};

const LABEL: Record<string, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  CLOSED: 'Closed',
  EXPIRED: 'Expired',
  BLOCKED: 'Blocked',
  LOST: 'Lost',
  REDEEMED: 'Redeemed',
  VOIDED: 'Voided',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${TONE[status] ?? ''}`}>{LABEL[status] ?? status}</span>;
}
