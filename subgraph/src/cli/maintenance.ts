/**
 * One maintenance run against the configured database (DATABASE_URL, or the embedded one in
 * LOYALTY_DATA_DIR, which must not be in use by a running service): expires points and holds that
 * are due, makes pending points available, awards today's birthday bonuses, writes coupon expiry
 * reminders and delivers the outbox (LOYALTY_SMTP_URL for e-mail; otherwise to the log). Safe to
 * run while other replicas do the same.
 *
 *   npm run maintenance
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger, type LogLevel } from '../common/logger';
import { openDatabase } from '../db/bootstrap';
import { runMaintenance } from '../modules/ledger/maintenance.service';
import { createSender } from '../modules/messaging/senders';

async function main() {
  const config = loadConfig();
  const logger = createLogger((process.env.LOYALTY_LOG_LEVEL as LogLevel) || 'info');
  const db = await openDatabase({ ...config, seedDemo: false }, (line) => process.stderr.write(line + '\n'));
  const sender = createSender(config, logger);
  try {
    process.stderr.write('Running maintenance...\n');
    const started = Date.now();
    const report = await runMaintenance(db.orm.em, { sender, logger });
    process.stdout.write(`${JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 })}\n`);
  } finally {
    await sender.close?.();
    await db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`Maintenance failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
