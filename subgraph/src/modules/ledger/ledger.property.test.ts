import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { ADJUST, addRule, CAPTURE, configureProgramme, EARN, enrol, HOLD, RELEASE, RETURN, sale } from '../../test-support/ledger-fixtures';
import { runMaintenance } from './maintenance.service';

let svc: TestService;
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  svc = await startTestService();
  await configureProgramme(svc);
  await addRule(svc, 'SPEND', { pointsPerStep: 1, stepMinor: 100 });
});
afterAll(() => svc?.stop());

type Op =
  | { kind: 'earn'; amount: number; quantity: number; pending: boolean }
  | { kind: 'hold'; points: number }
  | { kind: 'capture'; pick: number; partial: number | null }
  | { kind: 'release'; pick: number }
  | { kind: 'expireHold'; pick: number }
  | { kind: 'expireLot'; pick: number }
  | { kind: 'return'; pick: number; quantity: number }
  | { kind: 'adjust'; points: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), amount: fc.integer({ min: 0, max: 40_000 }), quantity: fc.integer({ min: 1, max: 4 }), pending: fc.boolean() }),
  fc.record({ kind: fc.constant('hold' as const), points: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('capture' as const), pick: fc.nat(), partial: fc.option(fc.integer({ min: 1, max: 400 })) }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expireHold' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expireLot' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('return' as const), pick: fc.nat(), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 300 }).filter((p) => p !== 0) }),
);

/** Runs one operation against the service; expected refusals (userErrors) are fine, errors are not. */
async function run(o: Op, member: string, sales: string[], holds: string[]): Promise<void> {
  const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  const expectNoErrors = (r: { errors?: unknown[] }) => expect(r.errors, JSON.stringify(o)).toBeUndefined();
  switch (o.kind) {
    case 'earn': {
      const id = `P-${randomUUID()}`;
      if (o.pending) await svc.gql(`mutation { updateLoyaltyProgramme(input: { pendingDays: 3 }) { userErrors { code } } }`);
      const r = await svc.gql(EARN, { input: { idempotencyKey: id, memberId: member, sale: sale(id, [{ productId: 'X', quantity: o.quantity, unitPrice: o.amount }]) } }, svc.tokens.till);
      if (o.pending) await svc.gql(`mutation { updateLoyaltyProgramme(input: { pendingDays: 0 }) { userErrors { code } } }`);
      expectNoErrors(r);
      sales.push(id);
      return;
    }
    case 'hold': {
      const r = await svc.gql(HOLD, { input: { idempotencyKey: randomUUID(), memberId: member, points: o.points, saleId: 'P-hold' } }, svc.tokens.till);
      expectNoErrors(r);
      if (r.data?.holdPoints.hold) holds.push(r.data.holdPoints.hold.id);
      return;
    }
    case 'capture': {
      const h = pick(holds, o.pick);
      if (h) expectNoErrors(await svc.gql(CAPTURE, { input: { idempotencyKey: randomUUID(), holdId: h, points: o.partial } }, svc.tokens.till));
      return;
    }
    case 'release': {
      const h = pick(holds, o.pick);
      if (h) expectNoErrors(await svc.gql(RELEASE, { input: { holdId: h } }, svc.tokens.till));
      return;
    }
    case 'expireHold': {
      const h = pick(holds, o.pick);
      if (h) await sql(`update points_hold set expires_at = now() - interval '1 second' where id = ? and status = 'ACTIVE'`, [h]);
      return;
    }
    case 'expireLot': {
      const s = pick(sales, o.pick);
      if (s) {
        await sql(`update earning_lot set expires_at = now() - interval '1 second' where id = (select lot_id from sale_earn where sale_id = ?)`, [s]);
        await runMaintenance(svc.orm.em);
      }
      return;
    }
    case 'return': {
      const s = pick(sales, o.pick);
      if (s) expectNoErrors(await svc.gql(RETURN, { input: { idempotencyKey: randomUUID(), saleId: s, channel: 'store', lines: [{ productId: 'X', quantity: o.quantity }] } }, svc.tokens.till));
      return;
    }
    case 'adjust':
      expectNoErrors(await svc.gql(ADJUST, { input: { idempotencyKey: randomUUID(), memberId: member, points: o.points, reason: 'property test' } }));
  }
}

describe('ledger invariants under random interleavings', () => {
  it('never overdraws, the journal balances and every wallet equals the journal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (batches) => {
        const member = await enrol(svc);
        const sales: string[] = [];
        const holds: string[] = [];
        // operations within a batch run concurrently, batches one after another
        for (const batch of batches) await Promise.all(batch.map((o) => run(o, member, sales, holds)));
        await runMaintenance(svc.orm.em);
        const audit = ok(await svc.gql(`{ loyaltyLedgerAudit { check memberId detail } }`)).loyaltyLedgerAudit;
        expect(audit).toEqual([]);
        const w = ok(await svc.gql(`query($id: ID!) { loyaltyMember(id: $id) { wallet { available pending held } } }`, { id: member })).loyaltyMember.wallet;
        expect(w.pending).toBeGreaterThanOrEqual(0);
        expect(w.held).toBeGreaterThanOrEqual(0);
        if (w.available < 0) {
          const clawbacks = await sql(`select count(*)::int as n from ledger_entry where member_id = ? and type = 'RETURN'`, [member]);
          expect(clawbacks[0].n).toBeGreaterThan(0);
        }
      }),
      { numRuns: 30 },
    );
  });
});
