import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { loadSettings } from '../programme/programme.service';
import { awardBonus } from './adjust.service';
import { MemberLedger } from './ledger.core';

export interface MaintenanceReport {
  membersSettled: number;
  birthdayBonuses: number;
}

/**
 * The scheduled run: books due hold expiries, pending points that became available and lot
 * expiries for every member with something due, and awards today's birthday bonuses. Safe on
 * several replicas at once: members are claimed with SKIP LOCKED, each member's work is one
 * transaction under their wallet lock, settling is idempotent and bonuses are unique per year.
 */
export async function runMaintenance(root: EntityManager, opts: { now?: Date; batchSize?: number; logger?: Logger } = {}): Promise<MaintenanceReport> {
  const now = opts.now ?? new Date();
  const batch = opts.batchSize ?? 500;
  const report: MaintenanceReport = { membersSettled: 0, birthdayBonuses: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await root.fork().execute<{ member_id: string }[]>(
      `select member_id from (
          select member_id from points_hold where status = 'ACTIVE' and expires_at <= ?
          union select member_id from earning_lot where status = 'PENDING' and available_at <= ?
          union select member_id from earning_lot where status = 'AVAILABLE' and remaining > 0 and expires_at <= ?) d
        limit ?`,
      [now, now, now, batch + seen.size],
    );
    const fresh = due.map((d) => d.member_id).filter((id) => !seen.has(id));
    if (fresh.length === 0) break;
    for (const memberId of fresh) {
      seen.add(memberId);
      const settled = await root.fork().transactional(async (em) => {
        const ledger = await MemberLedger.lock(em, memberId, 'system', { skipLocked: true, now });
        if (!ledger) return false; // another replica or a request is on it
        await ledger.settle();
        await ledger.save();
        return true;
      });
      if (settled) report.membersSettled++;
    }
  }
  report.birthdayBonuses = await awardBirthdayBonuses(root, now);
  if (opts.logger && (report.membersSettled || report.birthdayBonuses)) opts.logger.info('maintenance run', { ...report });
  return report;
}

/** Birthday bonus for active members whose birthday is today (UTC); 29 February counts on 28 February in other years. */
async function awardBirthdayBonuses(root: EntityManager, now: Date): Promise<number> {
  const settings = await loadSettings(root.fork());
  if (settings.birthdayBonusPoints <= 0) return 0;
  const year = String(now.getUTCFullYear());
  const month = now.getUTCMonth() + 1;
  const day = now.getUTCDate();
  const leap = new Date(Date.UTC(now.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
  const candidates = await root.fork().execute<{ id: string }[]>(
    `select m.id from member m
      where m.status = 'ACTIVE' and m.birthday is not null
        and ((extract(month from m.birthday) = ? and extract(day from m.birthday) = ?)
             or (? and extract(month from m.birthday) = 2 and extract(day from m.birthday) = 29))
        and not exists (select 1 from bonus_award b where b.member_id = m.id and b.kind = 'BIRTHDAY' and b.period = ?)`,
    [month, day, !leap && month === 2 && day === 28, year],
  );
  let awarded = 0;
  for (const { id } of candidates) {
    const done = await root.fork().transactional(async (em) => {
      const ledger = await MemberLedger.lock(em, id, 'system', { now });
      if (!ledger) return false;
      await ledger.settle();
      const ok = await awardBonus(em, ledger, settings, 'BIRTHDAY', year, settings.birthdayBonusPoints);
      await ledger.save();
      return ok;
    });
    if (done) awarded++;
  }
  return awarded;
}
