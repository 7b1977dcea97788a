/**
 * The load generator, in a child process of its own so that it does not share the service's event
 * loop: autocannon against the GraphQL endpoint, unique bodies per request (`setupRequest`), every
 * response checked (`onResponse`), latency of every request recorded at microsecond resolution.
 */
import autocannon from 'autocannon';
import { captureDocument, captureVariables, checkResponse, earnDocument, earnVariables, holdDocument, holdVariables, pick, READ_DOCUMENTS, readVariables, type ReadScenario } from './documents';
import { Latencies, type LatencySummary } from './histogram';
import type { Scenario } from './options';

export interface LoadRequest {
  url: string;
  token: string;
  scenario: Scenario | ReadScenario;
  concurrency: number;
  duration: number;
  memberIds: string[];
  rich: boolean;
}

export interface LoadResult {
  /** Completed operations: earns, or hold+capture pairs (a captured hold). */
  ops: number;
  requests: number;
  seconds: number;
  latency: LatencySummary;
  /** The latency histogram, encoded (to merge slices). */
  histogram: string;
  failures: number;
  failureSamples: string[];
  /** Connection errors, timeouts and non-2xx answers as autocannon counted them. */
  transportErrors: number;
  /** CPU seconds this load generator used (user + system). */
  cpuSeconds: number;
}

function run(req: LoadRequest): Promise<LoadResult> {
  const latencies = new Latencies();
  let ops = 0;
  let failures = 0;
  const failureSamples: string[] = [];
  const fail = (what: string, problem: string) => {
    failures++;
    if (failureSamples.length < 5) failureSamples.push(`${what}: ${problem}`);
  };
  const body = (query: string, variables: unknown) => JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${req.token}` };

  let requests: autocannon.Request[];
  if (req.scenario in READ_DOCUMENTS) {
    const scenario = req.scenario as ReadScenario;
    const query = READ_DOCUMENTS[scenario];
    const field = scenario === 'typename' ? '__typename' : scenario === 'identify' ? 'loyaltyMemberByCard' : scenario === 'entities' ? '_entities' : 'loyaltyMembers';
    requests = [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (r) => ({ ...r, body: body(query, readVariables(scenario, req.memberIds)) }),
        onResponse: (status, text) => {
          const { payload, problem } = checkResponse(status, text, field);
          if (problem) fail(scenario, problem);
          else if (payload === null || payload === undefined) fail(scenario, `no ${field} in ${text.slice(0, 200)}`);
          else ops++;
        },
      },
    ];
  } else if (req.scenario === 'earn') {
    const query = earnDocument(req.rich);
    requests = [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (r) => ({ ...r, body: body(query, earnVariables(pick(req.memberIds))) }),
        onResponse: (status, text) => {
          const { payload, problem } = checkResponse(status, text, 'earnPoints');
          if (problem) fail('earnPoints', problem);
          else if (!payload!.earn || payload!.duplicate) fail('earnPoints', `unexpected payload ${JSON.stringify(payload)}`);
          else ops++;
        },
      },
    ];
  } else {
    const holdQuery = holdDocument(req.rich);
    const captureQuery = captureDocument(req.rich);
    requests = [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (r) => ({ ...r, body: body(holdQuery, holdVariables(pick(req.memberIds))) }),
        onResponse: (status, text, context) => {
          const { payload, problem } = checkResponse(status, text, 'holdPoints');
          context.holdId = null;
          if (problem) fail('holdPoints', problem);
          else if (payload!.hold?.status !== 'ACTIVE') fail('holdPoints', `unexpected payload ${JSON.stringify(payload)}`);
          else context.holdId = payload!.hold.id;
        },
      },
      {
        method: 'POST',
        path: '/graphql',
        // No hold to capture (the hold failed): start over with a new hold.
        setupRequest: (r, context) => (context.holdId ? { ...r, body: body(captureQuery, captureVariables(context.holdId as string)) } : null),
        onResponse: (status, text) => {
          const { payload, problem } = checkResponse(status, text, 'capturePointsHold');
          if (problem) fail('capturePointsHold', problem);
          else if (payload!.hold?.status !== 'CAPTURED') fail('capturePointsHold', `unexpected payload ${JSON.stringify(payload)}`);
          else ops++;
        },
      },
    ];
  }

  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: req.url, connections: req.concurrency, pipelining: 1, duration: req.duration, timeout: 30, headers, requests },
      (err, result) => {
        if (err) return reject(err);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = process.cpuUsage(cpuBefore);
        resolve({
          ops,
          requests: latencies.count,
          seconds,
          latency: latencies.summary(),
          histogram: latencies.encode(),
          failures,
          failureSamples,
          transportErrors: result.errors + result.timeouts + result.non2xx,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => latencies.recordMs(responseTimeMs));
  });
}

// One run per message; the process stays up for the next (the parent disconnects when done).
process.on('message', (msg: LoadRequest) => {
  run(msg).then(
    (result) => process.send!({ ok: true, result }),
    (err: Error) => process.send!({ ok: false, error: err.stack ?? err.message }),
  );
});
process.on('disconnect', () => process.exit(0));
