import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../common/logger';
import { runMaintenance } from './maintenance.service';

/**
 * Runs maintenance every `intervalSeconds` in this process. Runs never overlap here, and
 * replicas running it at the same time split the members between them (SKIP LOCKED).
 */
export function startMaintenanceScheduler(em: EntityManager, intervalSeconds: number, logger: Logger): { stop(): Promise<void> } {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runMaintenance(em, { logger })
      .catch((err: Error) => logger.error('maintenance run failed', { message: err.message, stack: err.stack }))
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
