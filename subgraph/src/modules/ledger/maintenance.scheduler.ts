import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { errorForLog } from '../../common/redact';
import type { MessageSender } from '../messaging/senders';
import { runMaintenance } from './maintenance.service';

/**
 * Runs maintenance every `intervalSeconds` in this process. Runs never overlap here, and
 * replicas running it at the same time split the members and the outbox between them (SKIP LOCKED).
 * Outbox messages go out through `sender`.
 */
export function startMaintenanceScheduler(em: EntityManager, intervalSeconds: number, logger: Logger, sender?: MessageSender): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runMaintenance(em, { logger, sender })
      .catch((err: unknown) => logger.error('maintenance run failed', errorForLog(err)))
      .finally(() => {
        running = null;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
