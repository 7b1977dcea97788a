import { readFileSync } from 'node:fs';

/** Whole-machine CPU time from /proc/stat, in seconds per state (all cores together). */
export interface MachineCpu {
  busy: number;
  idle: number;
  iowait: number;
  steal: number;
}

export function machineCpu(): MachineCpu {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const hz = 100;
  return { busy: (user + nice + system + irq + softirq) / hz, idle: idle / hz, iowait: iowait / hz, steal: steal / hz };
}

export function machineDelta(a: MachineCpu, b: MachineCpu): MachineCpu {
  return { busy: b.busy - a.busy, idle: b.idle - a.idle, iowait: b.iowait - a.iowait, steal: b.steal - a.steal };
}
