import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { CAPTURE, configureProgramme, EARN, enrol, expectBooksBalanced, HOLD, RELEASE, sale, wallet } from '../../test-support/ledger-fixtures';

/**
 * Group commit: concurrent earns, holds and captures of one instance go to PostgreSQL together,
 * one transaction per batch, each operation in a subtransaction of its own. Two instances on one
 * database, the default batching (32 per batch, 2 batches at once).
 */
let a: TestService;
let b: TestService;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => a.orm.em.fork().getConnection().execute<T[]>(q, p);
const EARN_ONLY = `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { earn { id points } duplicate userErrors { code } } }`;

beforeAll(async () => {
  a = await startTestService();
  b = await startTestService({ databaseName: a.databaseName, keyFrom: a });
  await configureProgramme(a);
  ok(await a.gql(`mutation($i: SaveLoyaltyEarningRuleInput!) { saveLoyaltyEarningRule(input: $i) { userErrors { code } } }`, { i: { kind: 'SPEND', name: 'spend', args: { pointsPerStep: 1, stepMinor: 100 }, position: 0 } }));
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('group commit', () => {
  it('books concurrent earns of one instance in fewer transactions than operations, each with its own outcome', async () => {
    const members = await Promise.all(Array.from({ length: 20 }, () => enrol(a)));
    await sql(`update member set status = 'SUSPENDED' where id = ?`, [members[7]]);
    const inputs = members.map((m, i) => ({ idempotencyKey: randomUUID(), memberId: m, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 1000 + i * 100 }]) }));
    let answers: { earnPoints: { earn: { points: number } | null; userErrors: { code: string }[] } }[] = [];
    const statements = await a.countQueries(async () => {
      answers = await Promise.all(inputs.map(async (input) => ok(await a.gql(EARN_ONLY, { input }, a.tokens.till))));
    });
    // 20 one-statement earns, batched: far fewer statements, plus the suspended member's general path
    expect(statements).toBeLessThan(20);
    answers.forEach((res, i) => {
      if (i === 7) expect(res.earnPoints.userErrors).toEqual([{ code: 'MEMBER_NOT_ACTIVE' }]);
      else expect(res.earnPoints).toMatchObject({ earn: { points: 10 + i }, userErrors: [] });
    });
    expect((await wallet(a, members[3]!)).available).toBe(13);
    expect((await wallet(a, members[7]!)).available).toBe(0);
    await expectBooksBalanced(a);
  });

  it('survives 50 concurrent mixed operations over two instances: nothing lost, nothing doubled, the books balance', async () => {
    const members = await Promise.all(Array.from({ length: 4 }, () => enrol(a)));
    for (const m of members) {
      ok(await a.gql(EARN, { input: { idempotencyKey: randomUUID(), memberId: m, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 10_000 }]) } }, a.tokens.till)); // 100 points each
    }
    const shared = sale(`S-${randomUUID()}`, [{ unitPrice: 500 }]); // one sale, many tills trying to earn it for member 0
    const replayKey = randomUUID();
    const replay = { idempotencyKey: replayKey, memberId: members[1], sale: sale(`S-${randomUUID()}`, [{ unitPrice: 700 }]) };
    const ops: (() => Promise<{ kind: string; ok: boolean; points?: number; duplicate?: boolean }>)[] = [];
    for (let i = 0; i < 50; i++) {
      const svc = i % 2 === 0 ? a : b;
      const member = members[i % 4]!;
      switch (i % 5) {
        case 0: // earn of a fresh sale
          ops.push(async () => {
            const r = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: member, sale: sale(`S-${randomUUID()}`, [{ unitPrice: 300 }]) } }, svc.tokens.till)).earnPoints;
            return { kind: 'earn', ok: r.userErrors.length === 0, points: r.earn?.points };
          });
          break;
        case 1: // the same sale from everywhere: earns once
          ops.push(async () => {
            const r = ok(await svc.gql(EARN_ONLY, { input: { idempotencyKey: randomUUID(), memberId: members[0], sale: shared } }, svc.tokens.till)).earnPoints;
            return { kind: 'shared', ok: r.userErrors.length === 0, duplicate: r.duplicate };
          });
          break;
        case 2: // the same key from everywhere: one earn, the rest replay it
          ops.push(async () => {
            const r = ok(await svc.gql(EARN_ONLY, { input: replay }, svc.tokens.till)).earnPoints;
            return { kind: 'replay', ok: r.userErrors.length === 0, points: r.earn?.points };
          });
          break;
        case 3: // hold 30 and capture it
          ops.push(async () => {
            const h = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: member, points: 30, saleId: `S-${randomUUID()}` } }, svc.tokens.till)).holdPoints;
            if (h.userErrors.length) return { kind: 'hold', ok: false };
            const c = ok(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h.hold.id } }, svc.tokens.till)).capturePointsHold;
            return { kind: 'hold', ok: c.userErrors.length === 0, points: 30 };
          });
          break;
        default: // hold 20 and release it
          ops.push(async () => {
            const h = ok(await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: member, points: 20, saleId: `S-${randomUUID()}` } }, svc.tokens.till)).holdPoints;
            if (h.userErrors.length) return { kind: 'release', ok: false };
            const r = ok(await svc.gql(RELEASE, { input: { holdId: h.hold.id } }, svc.tokens.till)).releasePointsHold;
            return { kind: 'release', ok: r.userErrors.length === 0 };
          });
      }
    }
    const results = await Promise.all(ops.map((op) => op()));
    const of = (kind: string) => results.filter((r) => r.kind === kind);
    // 100 points each and 30 per capture: most holds succeed (some meet a balance others hold)
    expect(of('hold').filter((r) => r.ok).length).toBeGreaterThanOrEqual(6);
    expect(of('release').filter((r) => r.ok).length).toBeGreaterThanOrEqual(6);
    expect(of('earn').every((r) => r.ok && r.points === 3)).toBe(true);
    expect(of('shared').every((r) => r.ok)).toBe(true);
    expect(of('shared').filter((r) => !r.duplicate)).toHaveLength(1);
    expect(of('replay').every((r) => r.ok && r.points === 7)).toBe(true);
    expect((await sql<{ n: string }>(`select count(*) as n from sale_earn where sale_id in (?, ?)`, [shared.id, replay.sale.id]))[0]!.n).toBe('2');

    // every member's wallet is what its successful operations say
    const captured = (m: number) => results.filter((r, i) => r.kind === 'hold' && r.ok && i % 4 === m).length * 30;
    const earned = (m: number) => results.filter((r, i) => r.kind === 'earn' && i % 4 === m).length * 3;
    for (let m = 0; m < 4; m++) {
      const expected = 100 + earned(m) - captured(m) + (m === 0 ? 5 : 0) + (m === 1 ? 7 : 0);
      expect({ m, ...(await wallet(a, members[m]!)) }).toMatchObject({ m, available: expected, held: 0 });
    }
    await expectBooksBalanced(a);
  });

  it('answers each item of a batch in its place, whatever order the members lock in, one handed over alone', async () => {
    const members = (await Promise.all(Array.from({ length: 3 }, () => enrol(a)))).sort().reverse(); // against the lock order
    await sql(`update member set status = 'CLOSED' where id = ?`, [members[1]]);
    const item = (memberId: string, points: number) => {
      const response = { memberId, points };
      return ['earnPoints', 'scope-test', randomUUID(), 'hash', memberId, JSON.stringify({ '100': { points, lines: [], reason: 'test', response } }), new Date().toISOString(), 'test',
        randomUUID(), 'store', `S-${randomUUID()}`, null, 'GBP', points * 100, null, null, new Date().toISOString(), false, null, null, randomUUID()];
    };
    const rows = await sql<{ out: { kind: string; multiplier?: number }[] }>(`select loyalty_earn_batch(?::jsonb) as out`, [JSON.stringify([item(members[0]!, 5), item(members[1]!, 6), item(members[2]!, 7)])]);
    expect(rows[0]!.out).toEqual([{ kind: 'ok', multiplier: 100 }, { kind: 'general' }, { kind: 'ok', multiplier: 100 }]);
    expect((await wallet(a, members[0]!)).available).toBe(5);
    expect((await wallet(a, members[1]!)).available).toBe(0);
    expect((await wallet(a, members[2]!)).available).toBe(7);
    await expectBooksBalanced(a);
  });
});
