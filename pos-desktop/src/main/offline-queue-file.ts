/**
 * The offline earn queue's storage in the main process: one JSON file in userData,
 * `{ "version": 1, "items": [QueuedEarn...] }`, replaced atomically (temp file, fsync, rename) on
 * every change, so a crash or power cut leaves either the old queue or the new one.
 *
 * A missing file is an empty queue. A damaged file is never overwritten: it is renamed aside
 * (`offline-earn-queue.json.corrupt-<time>`) and logged, and the earns that can still be read
 * from it (whole, in order) are kept in a fresh queue file.
 */
import type { QueuedEarn } from '../shared/ipc';
import type { QueueStorage } from '../shared/offline-queue';
import { keepAside, readJsonFile, writeFileAtomic } from './files';
import type { Logger } from './log';
import { isPlainObject } from './validate';

export const QUEUE_FILE = 'offline-earn-queue.json';

export class FileQueueStorage implements QueueStorage {
  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  async load(): Promise<QueuedEarn[]> {
    const read = await readJsonFile(this.file, checkQueueFile, this.log);
    if (read.kind !== 'ok') return [];
    const { items, skipped } = read.value;
    if (skipped > 0) {
      // Keep the original for a technician and carry on with what is readable.
      const keptAs = await keepAside(this.file);
      this.log.error('Offline earn queue entries were unreadable and set aside', { file: this.file, keptAs, skipped, kept: items.length });
      await this.save(items);
    }
    return items;
  }

  async save(items: QueuedEarn[]): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, items })}\n`);
  }
}

function isQueuedEarn(value: unknown): value is QueuedEarn {
  return (
    isPlainObject(value) &&
    typeof value.queuedAt === 'string' &&
    isPlainObject(value.input) &&
    typeof value.input.idempotencyKey === 'string' &&
    value.input.idempotencyKey !== ''
  );
}

function checkQueueFile(value: unknown): { items: QueuedEarn[]; skipped: number } | string {
  if (!isPlainObject(value)) return 'not a JSON object';
  if (value.version !== 1) return `unknown version ${JSON.stringify(value.version)}`;
  if (!Array.isArray(value.items)) return '"items" is not a list';
  const items = value.items.filter(isQueuedEarn);
  return { items, skipped: value.items.length - items.length };
}
