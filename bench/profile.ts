/**
 * A CPU profile of this process (where the service runs) while load runs, summarised two ways:
 * self time by where the code comes from (package), and inclusive time of a few frames that
 * matter for the analysis (each sampled stack counts once per frame name, async continuations
 * included, since they run with the function's own frame on the stack).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export async function profileWhile<T>(file: string, fn: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  let result: T;
  let profile: Profile;
  try {
    result = await fn();
  } finally {
    ({ profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile });
    session.disconnect();
  }
  writeFileSync(file, JSON.stringify(profile));
  return { result, profile };
}

const SOCKET_WRITES = new Set(['writeBuffer', 'writev', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString']);

/**
 * Where a frame's code comes from. Native frames count for the JS code that called them (JSON.parse
 * in pg counts for pg), except socket writes (the send syscalls, one per round trip), GC and V8.
 */
function category(node: ProfileNode, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)' || functionName === '(root)') return 'V8 (program)';
    if (SOCKET_WRITES.has(functionName)) return 'socket writes (send syscalls)';
    const up = parent.get(node.id);
    return up === undefined ? `native: ${functionName}` : category(byId.get(up)!, byId, parent);
  }
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) {
    const pkg = m[1]!;
    if (pkg.startsWith('@mikro-orm/')) return 'MikroORM';
    if (pkg === 'knex' || pkg === 'tarn') return 'knex (+tarn pool)';
    if (pkg.startsWith('pg')) return 'pg driver';
    if (pkg === 'graphql') return 'graphql-js';
    if (pkg.startsWith('@apollo/')) return 'Apollo Server / subgraph';
    if (pkg === 'type-graphql') return 'type-graphql';
    if (pkg === 'jose') return 'jose (JWT)';
    return `other packages (${pkg})`;
  }
  if (url.includes('/subgraph/src/')) return 'service code (subgraph/src)';
  if (url.includes('/bench/')) return 'bench';
  if (/node:internal\/crypto|node:crypto/.test(url)) return 'node crypto';
  if (/_http_|node:http|node:net|node:internal\/(http|net|stream|streams|js_stream)|node:stream/.test(url)) return 'node http/net/streams';
  if (url.startsWith('node:')) return 'node other (timers, async hooks, buffers...)';
  return 'other';
}

/**
 * Frames whose inclusive time the analysis quotes: [label, function name(s), url fragment].
 * Only synchronous frames or whole packages: after an `await`, an async function resumes with
 * only its own frame on the stack, so "everything under earnPoints" cannot be read off samples.
 */
const FRAMES: [string, string, string][] = [
  ['HTTP request handler (synchronous part)', '', 'server/http'],
  ['JWT verification (principalFromRequest)', 'principalFromRequest', '/app'],
  ['Apollo Server (any frame)', '', '@apollo/server'],
  ['graphql-js execute', 'execute', 'graphql/execution/execute'],
  ['graphql-js validate (cached by Apollo)', 'validate', 'graphql/validation/validate'],
  ['graphql-js parse (cached by Apollo)', 'parse', 'graphql/language/parser'],
  ['type-graphql (any frame)', '', 'type-graphql'],
  ['createRequestContext (em.fork, DataLoaders)', 'createRequestContext', 'common/context'],
  ['calculateEarn (the rules)', 'calculateEarn', 'earn-calculator'],
  ['MikroORM (any frame)', '', '@mikro-orm/'],
  ['knex (any frame)', '', 'node_modules/knex/'],
  ['pg driver (any frame)', '', 'node_modules/pg'],
  ['socket writes (send syscalls)', 'writeBuffer|writev|writeUtf8String|writeLatin1String', ''],
];

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  byCategory: { category: string; ms: number; share: number }[];
  frames: { label: string; ms: number; share: number }[];
}

export function summarise(profile: Profile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The profiler's own work (serialising the profile at Profiler.stop) is not the service's.
  const inspector = new Set<number>();
  for (const n of profile.nodes) {
    if (n.callFrame.url === 'node:inspector' || n.callFrame.url.includes('/bench/profile')) {
      const stack = [n.id];
      while (stack.length) {
        const x = stack.pop()!;
        inspector.add(x);
        stack.push(...(byId.get(x)!.children ?? []));
      }
    }
  }
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!inspector.has(id)) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });

  const cats = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const c = category(byId.get(id)!, byId, parent);
    cats.set(c, (cats.get(c) ?? 0) + ms);
    total += ms;
    if (c === '(idle)') idle += ms;
  }
  const busy = total - idle;

  const frameMs = FRAMES.map(() => 0);
  for (const [id, ms] of selfMs) {
    const hit = FRAMES.map(() => false);
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      FRAMES.forEach(([, name, url], i) => {
        if (hit[i]) return;
        if ((name === '' || name.split('|').includes(f.functionName)) && f.url.includes(url)) hit[i] = true;
      });
    }
    hit.forEach((h, i) => {
      if (h) frameMs[i]! += ms;
    });
  }
  return {
    totalMs: total,
    busyMs: busy,
    byCategory: [...cats.entries()].filter(([c]) => c !== '(idle)').map(([category, ms]) => ({ category, ms, share: ms / busy })).sort((a, b) => b.ms - a.ms),
    frames: FRAMES.map(([label], i) => ({ label, ms: frameMs[i]!, share: frameMs[i]! / busy })),
  };
}
