import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueuedEarn } from '../shared/ipc';
import { OfflineEarnQueue, type EarnSender, type QueueStorage } from '../shared/offline-queue';
import { createEarnSender } from './earn-replay';
import { GraphqlClient } from './graphql-client';
import { FileQueueStorage, QUEUE_FILE } from './offline-queue-file';
import { httpServer, json, memoryLogger, realFetch, tempDir } from './testing/support';

let dir: string;
let file: string;
let cleanup: () => Promise<void>;
let log: ReturnType<typeof memoryLogger>;
beforeEach(async () => {
  log = memoryLogger();
  ({ dir, cleanup } = await tempDir());
  file = path.join(dir, QUEUE_FILE);
});
afterEach(() => cleanup());

const earn = (n: number) => ({ idempotencyKey: `sale-${n}:earn`, memberId: 'm-1', sale: { id: String(n), channel: 'store', currencyCode: 'GBP', lines: [] } });
/** A queue over the file, as a freshly started till would make it. */
const openQueue = (storage: QueueStorage = new FileQueueStorage(file, log)) => new OfflineEarnQueue(storage, () => new Date('2026-11-22T10:00:00Z'));

/** A sender that records what it was given and answers from a script (default: done). */
function recordingSender(script: ('done' | 'retry')[] = []): EarnSender & { sent: string[] } {
  const sent: string[] = [];
  const sender = (async (input: Record<string, unknown>) => {
    sent.push(String(input.idempotencyKey));
    const outcome = script.shift() ?? 'done';
    return outcome === 'retry' ? { outcome, error: 'graph unreachable' } : { outcome };
  }) as EarnSender & { sent: string[] };
  sender.sent = sent;
  return sender;
}

describe('FileQueueStorage with OfflineEarnQueue', () => {
  it('starts empty without a file, and creates it on the first earn', async () => {
    const queue = openQueue();
    expect(await queue.status()).toEqual({ pending: 0, lastError: null });
    await queue.enqueue(earn(1));
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toEqual({ version: 1, items: [{ input: earn(1), queuedAt: '2026-11-22T10:00:00.000Z' }] });
  });

  it('keeps queued earns across restarts and replays them oldest first', async () => {
    const first = openQueue();
    for (const n of [1, 2, 3]) await first.enqueue(earn(n));
    await first.enqueue(earn(2)); // the same sale again: not queued twice

    const restarted = openQueue();
    expect((await restarted.status()).pending).toBe(3);
    const send = recordingSender();
    await restarted.replay(send);
    expect(send.sent).toEqual(['sale-1:earn', 'sale-2:earn', 'sale-3:earn']);
    expect((await openQueue().status()).pending).toBe(0);
  });

  it('keeps the head and everything after it when the graph cannot be reached', async () => {
    const queue = openQueue();
    for (const n of [1, 2, 3]) await queue.enqueue(earn(n));
    const send = recordingSender(['done', 'retry']);
    await queue.replay(send);
    expect(send.sent).toEqual(['sale-1:earn', 'sale-2:earn']); // stopped at the failure, kept order
    expect(await queue.status()).toEqual({ pending: 2, lastError: 'graph unreachable' });

    const restarted = openQueue();
    const later = recordingSender();
    await restarted.replay(later);
    expect(later.sent).toEqual(['sale-2:earn', 'sale-3:earn']);
  });

  it('leaves no temporary files behind', async () => {
    const queue = openQueue();
    for (let n = 0; n < 20; n++) await queue.enqueue(earn(n));
    await queue.replay(recordingSender());
    expect(await readdir(dir)).toEqual([QUEUE_FILE]);
  });

  it('sets a damaged file aside (never overwrites it) and carries on with an empty queue', async () => {
    await writeFile(file, '{"version":1,"items":[{"input":{"idempotencyKey":"sale-9:earn"');
    const queue = openQueue(new FileQueueStorage(file, log));
    expect((await queue.status()).pending).toBe(0);
    const aside = (await readdir(dir)).find((name) => name.startsWith(`${QUEUE_FILE}.corrupt-`));
    expect(aside).toBeDefined();
    await queue.enqueue(earn(1));
    expect(await readFile(path.join(dir, aside!), 'utf8')).toContain('sale-9:earn');
    expect(log.text()).toMatch(/damaged file was set aside/);
  });

  it('keeps the readable earns of a partly damaged file, in order, and the original aside', async () => {
    const good = (n: number): QueuedEarn => ({ input: earn(n), queuedAt: '2026-11-22T09:00:00Z' });
    await writeFile(file, JSON.stringify({ version: 1, items: [good(1), { input: 'garbage' }, good(3)] }));
    const queue = openQueue();
    expect((await queue.status()).pending).toBe(2);
    const send = recordingSender();
    await openQueue().replay(send); // a second start reads the rewritten file
    expect(send.sent).toEqual(['sale-1:earn', 'sale-3:earn']);
    const aside = (await readdir(dir)).find((name) => name.startsWith(`${QUEUE_FILE}.corrupt-`));
    expect(await readFile(path.join(dir, aside!), 'utf8')).toContain('garbage');
  });

  it('refuses a file of an unknown version instead of guessing', async () => {
    await writeFile(file, JSON.stringify({ version: 2, entries: [] }));
    expect((await openQueue().status()).pending).toBe(0);
    expect((await readdir(dir)).some((name) => name.startsWith(`${QUEUE_FILE}.corrupt-`))).toBe(true);
  });
});

describe('the crash window', () => {
  it('an earn sent but not yet removed is sent again after a restart, and the server credits it once', async () => {
    // A subgraph stand-in with the real rule: one credit per idempotency key, a replay answers duplicate.
    const credited = new Map<string, number>();
    const graph = await httpServer((request, response) => {
      const { variables } = JSON.parse(request.body);
      const key = variables.input.idempotencyKey as string;
      const duplicate = credited.has(key);
      if (!duplicate) credited.set(key, 120);
      json(response, 200, { data: { earnPoints: { duplicate, earn: { id: `e-${key}`, points: 120 }, userErrors: [] } } });
    });
    try {
      const client = new GraphqlClient({ fetch: realFetch, endpoint: async () => graph.url, token: async () => 'till-token' });
      const send = createEarnSender(client, log);
      await openQueue().enqueue(earn(1));
      await openQueue().enqueue(earn(2));

      // The till dies after the server took sale 1, before the queue file lost it.
      const storage = new FileQueueStorage(file, log);
      const dying: QueueStorage = {
        load: () => storage.load(),
        save: async () => {
          throw new Error('power cut');
        },
      };
      await expect(openQueue(dying).replay(send)).rejects.toThrow('power cut');
      expect(credited.size).toBe(1);

      const restarted = openQueue();
      expect((await restarted.status()).pending).toBe(2);
      await restarted.replay(send);

      const sentKeys = graph.requests.map((r) => JSON.parse(r.body).variables.input.idempotencyKey);
      expect(sentKeys).toEqual(['sale-1:earn', 'sale-1:earn', 'sale-2:earn']);
      expect([...credited.keys()]).toEqual(['sale-1:earn', 'sale-2:earn']);
      expect(await restarted.status()).toEqual({ pending: 0, lastError: null });
      expect(log.text()).toMatch(/already been credited/);
    } finally {
      await graph.close();
    }
  });
});

describe('FileQueueStorage directories', () => {
  it('creates the userData directory when it does not exist yet', async () => {
    const nested = path.join(dir, 'not', 'yet');
    const storage = new FileQueueStorage(path.join(nested, QUEUE_FILE), log);
    await storage.save([{ input: earn(1), queuedAt: 'now' }]);
    expect(await storage.load()).toEqual([{ input: earn(1), queuedAt: 'now' }]);
  });
});
