/**
 * Durable small files for the main process: atomic replacement (temp file, fsync, rename, fsync
 * of the directory) and JSON reads that keep a damaged file for a technician instead of
 * overwriting it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describeError, type Logger } from './log';

/**
 * Replaces `file` with `data` so that a reader (or a restart after a crash or power cut) sees
 * either the old content or the new one, never a mix or an empty file.
 * @param options.mode permissions of the new file (default 0o644; 0o600 for secrets)
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Windows refuses a rename over a file another process (an antivirus) holds open for a moment. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (process.platform !== 'win32' || attempt >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open directories; some file systems refuse. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data itself was synced before the rename.
  } finally {
    await handle?.close();
  }
}

export type JsonRead<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T }
  /** The file could not be used; it was renamed to `keptAs` (nothing was deleted). */
  | { kind: 'corrupt'; keptAs: string; reason: string };

/**
 * Reads and checks a JSON file. A missing file is normal (first start). A file that does not
 * parse, or that `check` refuses, is renamed aside as `<file>.corrupt-<time>` and logged, so
 * the next write cannot destroy what may still be recovered by hand.
 * @param check returns the typed value, or a string saying what is wrong
 */
export async function readJsonFile<T>(file: string, check: (value: unknown) => T | string, log: Logger): Promise<JsonRead<T>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const checked = check(JSON.parse(text));
    if (typeof checked !== 'string') return { kind: 'ok', value: checked };
    reason = checked;
  } catch (error) {
    reason = `not JSON: ${describeError(error)}`;
  }
  const keptAs = await keepAside(file);
  log.error('A damaged file was set aside; starting without it', { file, keptAs, reason });
  return { kind: 'corrupt', keptAs, reason };
}

/** Renames `file` to a name no other call uses; returns the new path. */
export async function keepAside(file: string): Promise<string> {
  const keptAs = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  await fs.rename(file, keptAs);
  return keptAs;
}
