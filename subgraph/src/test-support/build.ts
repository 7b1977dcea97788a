import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

const require = createRequire(__filename);

/** The repository root (this file is subgraph/src/test-support/build.ts). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Where `npm run build -w subgraph` puts the compiled service: `<dist>/subgraph/src/main.js`. */
export const DIST = path.join(REPO_ROOT, 'subgraph/dist');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface NodeProcess {
  /** Resolves with stdout's first match of `pattern`, or null if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray | null>;
  /** Sends SIGTERM and resolves when it has ended. */
  stop(): Promise<RunResult>;
  exited: Promise<RunResult>;
}

/** Starts `node <args>` in the repository with exactly `env` (plus PATH); SIGKILL after `timeoutMs`. */
export function spawnNode(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): NodeProcess {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const exited = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    exited,
    waitFor: (pattern) =>
      new Promise((resolve) => {
        const check = () => {
          const match = stdout.match(pattern);
          if (match) {
            child.stdout.off('data', check);
            resolve(match);
          }
        };
        child.stdout.on('data', check);
        check();
        void exited.then(() => resolve(stdout.match(pattern)));
      }),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs `node <args>` to its end (see {@link spawnNode}). */
export function runNode(args: string[], opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return spawnNode(args, opts).exited;
}

/**
 * Compiles the subgraph as `npm run build -w subgraph` does, once per test run whichever test
 * files ask (the first builds, the others wait for it). Type errors do not stop the emit, as
 * with tsc; `npm run typecheck` is the gate for those. Returns {@link DIST}.
 */
export async function buildSubgraphOnce(): Promise<string> {
  const lock = path.join(inject('runDir'), 'subgraph-build.lock');
  const done = path.join(inject('runDir'), 'subgraph-build.json');
  let builder = true;
  try {
    mkdirSync(lock);
  } catch {
    builder = false;
  }
  if (builder) {
    const tsc = require.resolve('typescript/bin/tsc');
    const out = await runNode([tsc, '-p', 'subgraph/tsconfig.build.json'], { env: {}, timeoutMs: 120_000 });
    writeFileSync(`${done}.tmp`, JSON.stringify({ code: out.code, output: out.stdout + out.stderr }));
    renameSync(`${done}.tmp`, done);
  } else {
    for (let waited = 0; !existsSync(done); waited += 200) {
      if (waited > 150_000) throw new Error('Timed out waiting for another test file to build the subgraph');
      await sleep(200);
    }
  }
  const result = JSON.parse(readFileSync(done, 'utf8')) as { code: number | null; output: string };
  // tsc exits 2 when it found type errors but wrote the output, 1 when it wrote nothing
  if (result.code !== 0 && result.code !== 2) throw new Error(`Building the subgraph failed (${result.code}):\n${result.output}`);
  return DIST;
}
