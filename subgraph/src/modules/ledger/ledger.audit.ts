import type { EntityManager } from '@mikro-orm/postgresql';

export interface AuditFinding {
  check: string;
  memberId: string | null;
  detail: string;
}

/**
 * Recomputes everything from the journal and compares: every entry balances, all postings sum to
 * zero, each wallet's available / pending / held equal the sums of its postings, the lots and
 * holds agree with the wallet, and a negative balance exists only after a recorded clawback.
 * An empty list means the books are right.
 */
export async function auditLedger(em: EntityManager): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  const unbalanced = await em.execute<{ entry_id: string; s: string }[]>('select entry_id, sum(amount) as s from ledger_posting group by entry_id having sum(amount) <> 0 limit 20');
  for (const u of unbalanced) findings.push({ check: 'entry balances', memberId: null, detail: `entry ${u.entry_id} sums to ${u.s}` });
  const total = await em.execute<{ s: string | null }[]>('select sum(amount) as s from ledger_posting');
  if (Number(total[0]?.s ?? 0) !== 0) findings.push({ check: 'journal balances', memberId: null, detail: `all postings sum to ${total[0]?.s}` });
  const wallets = await em.execute<Record<string, string>[]>(
    `select w.member_id, w.available, w.pending, w.held,
            coalesce(p.available, 0) as j_available, coalesce(p.pending, 0) as j_pending, coalesce(p.held, 0) as j_held,
            coalesce(l.available_lots, 0) as lots_available, coalesce(l.pending_lots, 0) as lots_pending,
            coalesce(h.active, 0) as holds_active, coalesce(h.allocated, 0) as holds_allocated,
            exists (select 1 from ledger_entry e where e.member_id = w.member_id and e.type = 'RETURN') as has_return
       from wallet w
       left join (select member_id,
                         sum(amount) filter (where account = 'member.available') as available,
                         sum(amount) filter (where account = 'member.pending') as pending,
                         sum(amount) filter (where account = 'member.held') as held
                    from ledger_posting group by member_id) p on p.member_id = w.member_id
       left join (select member_id,
                         sum(remaining) filter (where status = 'AVAILABLE') as available_lots,
                         sum(remaining) filter (where status = 'PENDING') as pending_lots
                    from earning_lot group by member_id) l on l.member_id = w.member_id
       left join (select member_id, sum(points) as active,
                         sum((select coalesce(sum((a->>'points')::bigint), 0) from jsonb_array_elements(allocations) a)) as allocated
                    from points_hold where status = 'ACTIVE' group by member_id) h on h.member_id = w.member_id`,
  );
  for (const w of wallets) {
    const n = (k: string) => Number(w[k]);
    const m = w.member_id!;
    if (n('available') !== n('j_available')) findings.push({ check: 'available = journal', memberId: m, detail: `wallet ${w.available}, journal ${w.j_available}` });
    if (n('pending') !== n('j_pending')) findings.push({ check: 'pending = journal', memberId: m, detail: `wallet ${w.pending}, journal ${w.j_pending}` });
    if (n('held') !== n('j_held')) findings.push({ check: 'held = journal', memberId: m, detail: `wallet ${w.held}, journal ${w.j_held}` });
    if (Math.max(0, n('available')) !== n('lots_available')) findings.push({ check: 'available = lots', memberId: m, detail: `wallet ${w.available}, lots ${w.lots_available}` });
    if (n('pending') !== n('lots_pending')) findings.push({ check: 'pending = lots', memberId: m, detail: `wallet ${w.pending}, lots ${w.lots_pending}` });
    if (n('held') !== n('holds_active') || n('held') !== n('holds_allocated')) findings.push({ check: 'held = active holds', memberId: m, detail: `wallet ${w.held}, holds ${w.holds_active}, allocated ${w.holds_allocated}` });
    if (n('available') < 0 && !(w.has_return as unknown as boolean)) findings.push({ check: 'negative only by clawback', memberId: m, detail: `available ${w.available} without a return` });
  }
  return findings;
}
