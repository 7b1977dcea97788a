import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonFile, writeFileAtomic } from './files';
import { memoryLogger, tempDir } from './testing/support';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

describe('writeFileAtomic', () => {
  it('never lets a reader see a half-written file', async () => {
    const file = path.join(dir, 'queue.json');
    const payload = (n: number) => JSON.stringify({ n, items: Array.from({ length: 20_000 }, (_, i) => `item-${n}-${i}`) });
    await writeFileAtomic(file, payload(0));
    let writing = true;
    const seen = new Set<number>();
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8');
        seen.add(JSON.parse(text).n); // throws on a torn or empty file
      }
    })();
    for (let n = 1; n <= 15; n++) await writeFileAtomic(file, payload(n));
    writing = false;
    await reader;
    expect(JSON.parse(await readFile(file, 'utf8')).n).toBe(15);
    expect(seen.size).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['queue.json']);
  });

  it('creates missing directories and applies the mode to the new file', async () => {
    const file = path.join(dir, 'a', 'b', 'secret');
    await writeFileAtomic(file, 'x', { mode: 0o600 });
    expect(await readFile(file, 'utf8')).toBe('x');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file and no temporary file when the replacement fails', async () => {
    const target = path.join(dir, 'settings');
    await mkdir(path.join(target, 'not-empty'), { recursive: true }); // a rename onto it must fail
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['settings']);
  });
});

describe('readJsonFile', () => {
  const check = (value: unknown) => (typeof value === 'object' && value !== null && 'ok' in value ? (value as { ok: boolean }) : 'no ok field');

  it('tells a missing file from a good one', async () => {
    const log = memoryLogger();
    expect(await readJsonFile(path.join(dir, 'none.json'), check, log)).toEqual({ kind: 'missing' });
    await writeFile(path.join(dir, 'good.json'), '{"ok":true}');
    expect(await readJsonFile(path.join(dir, 'good.json'), check, log)).toEqual({ kind: 'ok', value: { ok: true } });
    expect(log.lines).toEqual([]);
  });

  it('renames a file that does not parse, or does not pass the check, and logs it', async () => {
    const log = memoryLogger();
    await writeFile(path.join(dir, 'torn.json'), '{"ok":tr');
    await writeFile(path.join(dir, 'wrong.json'), '{"other":1}');
    const torn = await readJsonFile(path.join(dir, 'torn.json'), check, log);
    const wrong = await readJsonFile(path.join(dir, 'wrong.json'), check, log);
    expect(torn).toMatchObject({ kind: 'corrupt', reason: expect.stringMatching(/^not JSON/) });
    expect(wrong).toMatchObject({ kind: 'corrupt', reason: 'no ok field' });
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.json'))).toEqual([]);
    expect(await readFile((torn as { keptAs: string }).keptAs, 'utf8')).toBe('{"ok":tr');
    expect(log.lines.map((l) => l.level)).toEqual(['error', 'error']);
  });
});
