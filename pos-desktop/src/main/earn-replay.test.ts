import { afterEach, describe, expect, it } from 'vitest';
import type { GraphqlResponse, IpcResult } from '../shared/ipc';
import { OfflineEarnQueue } from '../shared/offline-queue';
import { createEarnSender, earnVerdict, QueueReplayer, REPLAY_EARN_MUTATION } from './earn-replay';
import { GraphqlClient } from './graphql-client';
import { httpServer, json, memoryLogger, realFetch } from './testing/support';

const answer = (status: number, body: unknown): IpcResult<GraphqlResponse> => ({ ok: true, value: { status, body: typeof body === 'string' ? body : JSON.stringify(body) } });
const verdict = (result: IpcResult<GraphqlResponse>) => earnVerdict(result, 'sale-1:earn');

describe('earnVerdict', () => {
  it('is done when the graph credited, or had credited before', () => {
    expect(verdict(answer(200, { data: { earnPoints: { duplicate: false, earn: { points: 120 }, userErrors: [] } } }))).toMatchObject({ outcome: 'done', error: null });
    const duplicate = verdict(answer(200, { data: { earnPoints: { duplicate: true, earn: null, userErrors: [] } } }));
    expect(duplicate).toMatchObject({ outcome: 'done', error: null, log: { level: 'info', message: expect.stringMatching(/already been credited/) } });
  });

  it('is done, with an error to show and log, when the graph refused the earn for good', () => {
    const refused = verdict(answer(200, { data: { earnPoints: { duplicate: false, earn: null, userErrors: [{ code: 'CARD_NOT_FOUND', message: 'No such card' }] } } }));
    expect(refused).toMatchObject({ outcome: 'done', error: 'A queued earn was refused: No such card (CARD_NOT_FOUND)', log: { level: 'error' } });
    const invalid = verdict(answer(400, { errors: [{ message: 'Unknown field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
    expect(invalid).toMatchObject({ outcome: 'done', error: expect.stringMatching(/refused as invalid: Unknown field/), log: { level: 'error' } });
  });

  it('stays queued when there was no usable answer', () => {
    expect(verdict({ ok: false, error: { code: 'NETWORK', message: 'ECONNREFUSED' } })).toMatchObject({ outcome: 'retry', error: 'ECONNREFUSED' });
    expect(verdict({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'no token' } }).outcome).toBe('retry');
    for (const status of [500, 502, 503, 504, 408, 429]) expect(verdict(answer(status, 'busy')).outcome).toBe('retry');
    expect(verdict(answer(200, '<html>captive portal</html>'))).toMatchObject({ outcome: 'retry', error: expect.stringMatching(/without a GraphQL answer/) });
    expect(verdict(answer(404, 'Not Found')).outcome).toBe('retry');
    expect(verdict(answer(200, { hello: 'world' })).outcome).toBe('retry');
  });

  it('stays queued while the token is refused or the server failed inside (fixable, and replays are idempotent)', () => {
    expect(verdict(answer(401, { errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }] }))).toMatchObject({
      outcome: 'retry',
      error: expect.stringMatching(/refused the till token/),
    });
    expect(verdict(answer(200, { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }], data: null })).outcome).toBe('retry');
    expect(verdict(answer(200, { errors: [{ message: 'oops', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: { earnPoints: null } })).outcome).toBe('retry');
  });

  it('stays queued on a GraphQL error it cannot tell is a refusal (unknown code, no code, a router error)', () => {
    expect(verdict(answer(200, { errors: [{ message: 'subgraph loyalty timed out', extensions: { code: 'SUBREQUEST_HTTP_ERROR' } }], data: null })).outcome).toBe('retry');
    expect(verdict(answer(200, { errors: [{ message: 'something' }] })).outcome).toBe('retry');
    // one malformed-request code among others is not enough to drop it
    expect(verdict(answer(400, { errors: [{ message: 'a', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'b', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).outcome).toBe('retry');
    expect(verdict(answer(200, { data: {} })).outcome).toBe('retry');
  });
});

describe('createEarnSender over the graph client', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()!();
  });

  it('sends earnPoints with the queued input and the till token, and logs the outcome', async () => {
    const graph = await httpServer((_req, res) => json(res, 200, { data: { earnPoints: { duplicate: false, earn: { id: 'e1', points: 42 }, userErrors: [] } } }));
    closers.push(graph.close);
    const log = memoryLogger();
    const client = new GraphqlClient({ fetch: realFetch, endpoint: async () => graph.url, token: async () => 'till-token' });
    const input = { idempotencyKey: 'sale-7:earn', memberId: 'm-1', sale: { id: '7', channel: 'store' } };
    expect(await createEarnSender(client, log)(input)).toEqual({ outcome: 'done' });
    const body = JSON.parse(graph.requests[0]!.body);
    expect(body).toEqual({ query: REPLAY_EARN_MUTATION, variables: { input } });
    expect(graph.requests[0]!.headers.authorization).toBe('Bearer till-token');
    expect(log.lines).toContainEqual({ level: 'info', message: 'Queued earn delivered', fields: { idempotencyKey: 'sale-7:earn', points: 42 } });
  });
});

describe('QueueReplayer', () => {
  it('never rejects, even when the queue file cannot be written', async () => {
    const log = memoryLogger();
    const queue = new OfflineEarnQueue({
      load: async () => [{ input: { idempotencyKey: 'k' }, queuedAt: 'now' }],
      save: async () => {
        throw new Error('disk full');
      },
    });
    const replayer = new QueueReplayer(queue, async () => ({ outcome: 'done' }), log);
    await expect(replayer.kick()).resolves.toBeUndefined();
    expect(log.text()).toMatch(/replay failed.*disk full/);
  });

  it('replays on its timer', async () => {
    const sent: unknown[] = [];
    const queue = new OfflineEarnQueue({ load: async () => [], save: async () => undefined });
    const replayer = new QueueReplayer(queue, async (input) => (sent.push(input), { outcome: 'done' }), memoryLogger());
    replayer.start(20);
    await queue.enqueue({ idempotencyKey: 'k1' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    replayer.stop();
    expect(sent).toEqual([{ idempotencyKey: 'k1' }]);
  });
});
