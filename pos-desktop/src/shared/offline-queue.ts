/**
 * The offline earn queue: earn requests for sales completed while the graph was unreachable, kept
 * durably and replayed strictly in order. Storage is an adapter (a file in Electron's main process,
 * localStorage in browser mode). The server's per-sale uniqueness and the idempotency keys make
 * a replay after a crash (sent, but not yet removed) harmless.
 *
 * Part of the shared contract: no Node and no DOM imports.
 */
import type { QueuedEarn, QueueStatus } from './ipc';

export interface QueueStorage {
  load(): Promise<QueuedEarn[]>;
  /** Replaces the whole queue atomically (write-then-rename for files). */
  save(items: QueuedEarn[]): Promise<void>;
}

/** Sends one queued earn; resolves 'done' (accepted or refused for good) or 'retry' (unreachable). */
export type EarnSender = (input: Record<string, unknown>) => Promise<{ outcome: 'done' | 'retry'; error?: string }>;

export class OfflineEarnQueue {
  private items: QueuedEarn[] | null = null;
  private lastError: string | null = null;
  private replaying: Promise<void> | null = null;

  constructor(private readonly storage: QueueStorage, private readonly now: () => Date = () => new Date()) {}

  private async loaded(): Promise<QueuedEarn[]> {
    this.items ??= await this.storage.load();
    return this.items;
  }

  async enqueue(input: Record<string, unknown>): Promise<QueueStatus> {
    const items = await this.loaded();
    const key = input.idempotencyKey;
    if (!items.some((i) => i.input.idempotencyKey === key)) {
      const next = [...items, { input, queuedAt: this.now().toISOString() }];
      await this.storage.save(next);
      this.items = next;
    }
    return this.status();
  }

  async status(): Promise<QueueStatus> {
    return { pending: (await this.loaded()).length, lastError: this.lastError };
  }

  /**
   * Sends queued earns oldest first, removing each once the server has answered for good; stops
   * at the first that cannot be delivered (order is kept). One replay at a time.
   */
  replay(send: EarnSender): Promise<void> {
    this.replaying ??= (async () => {
      try {
        for (;;) {
          const items = await this.loaded();
          const head = items[0];
          if (!head) return;
          const result = await send(head.input);
          if (result.outcome === 'retry') {
            this.lastError = result.error ?? 'the graph is unreachable';
            return;
          }
          this.lastError = result.error ?? null;
          const rest = items.slice(1);
          await this.storage.save(rest);
          this.items = rest;
        }
      } finally {
        this.replaying = null;
      }
    })();
    return this.replaying;
  }
}
