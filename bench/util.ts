import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { FloorMessage, FloorRunResult } from './floor-worker';
import type { LoadRequest, LoadResult } from './load-worker';

export const say = (line = '') => process.stdout.write(line + '\n');

/** A child process that answers one message at a time (the load generator, the floor). */
export class ChildWorker<Req, Res> {
  private readonly child: ChildProcess;
  private pending: { resolve: (r: Res) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly name: string, script: string) {
    this.child = fork(path.join(__dirname, script), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (msg: { ok: boolean; result?: Res; error?: string }) => {
      const p = this.pending;
      this.pending = null;
      if (msg.ok) p?.resolve(msg.result!);
      else p?.reject(new Error(`${this.name} failed: ${msg.error}`));
    });
    this.child.on('exit', (code) => this.pending?.reject(new Error(`${this.name} exited with code ${code}`)));
  }

  run(req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(req as object);
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** CPU seconds of this process (user + system). */
export function ownCpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export const f1 = (x: number) => x.toFixed(1);
export const f2 = (x: number) => x.toFixed(2);

export function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Text columns align left, numeric ones right.
  const numeric = head.map((_, i) => rows.every((r) => /^([-+]?[\d.]+%?)?$/.test(r[i]!)));
  const line = (cols: string[]) => '| ' + cols.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|', ...rows.map(line)];
}


/** autocannon, in a process of its own so that it does not share the service's event loop. */
export type LoadGenerator = ChildWorker<LoadRequest, LoadResult>;
/** The floor, in a process of its own. */
export type FloorWorker = ChildWorker<FloorMessage, FloorRunResult | null>;
