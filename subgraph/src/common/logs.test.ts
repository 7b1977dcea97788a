import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMaintenance } from '../modules/ledger/maintenance.service';
import { LogSender } from '../modules/messaging/senders';
import { ok, startTestService, type TestService } from '../test-support/harness';
import { createLogger } from './logger';
import { errorForLog, maskEmail, maskPhone, maskText } from './redact';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ env: { LOYALTY_DEBUG_SQL: '1' } });
});
afterAll(() => svc?.stop());

const PERSON = { firstName: 'Augusta', lastName: 'Byronsdottir', email: 'augusta.byron@example.org', phone: '+44 7700 900456' };

describe('logs', () => {
  it('with LOYALTY_DEBUG_SQL=1, hold SQL with placeholders and no name, e-mail address, phone number or search term', async () => {
    const enrolled = ok(
      await svc.gql(
        `mutation($i: EnrollLoyaltyMemberInput!) { enrollLoyaltyMember(input: $i) { member { id } userErrors { code message } } }`,
        { i: { idempotencyKey: randomUUID(), ...PERSON, smsOptIn: true, cardNumber: '0420 0000 7777 8' } },
        svc.tokens.till,
      ),
    ).enrollLoyaltyMember;
    expect(enrolled.userErrors).toEqual([]);
    const memberId: string = enrolled.member.id;

    const searches = ['Byronsdott', 'augusta.byr', '7700900456'];
    for (const search of searches) {
      const found = ok(await svc.gql(`query($s: String) { loyaltyMembers(first: 5, search: $s) { nodes { id } } }`, { s: search }));
      expect(found.loyaltyMembers.nodes, search).toEqual([{ id: memberId }]);
    }

    // a coupon about to expire: the maintenance run writes reminders (e-mail and SMS) and delivers
    // them through the log sender
    await svc.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into coupon (code, kind, status, member_id, value_minor, currency_code, title, allocations, issued_at, expires_at, issued_by)
         values (?, 'CASH_VOUCHER', 'ACTIVE', ?, 500, 'GBP', 'A voucher', '[]', now(), now() + interval '2 days', 'test')`,
        ['LOGS00000001', memberId],
      );
    const logger = createLogger('info', (line) => svc.logs.push(line));
    const report = await runMaintenance(svc.orm.em, { logger, sender: new LogSender(logger) });
    expect(report.messagesSent).toBe(2);

    const lines = svc.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const sql = lines.filter((l) => l.message === 'sql');
    expect(sql.length).toBeGreaterThan(10);
    // the search's key ranges: (lower(m.last_name) collate "C") >= $1 ...
    const memberSearch = sql.find((l) => /from "?member"? .*(like|ilike|collate "C"\) >= )/i.test(String(l.sql)));
    expect(memberSearch?.sql).toMatch(/\$\d/);
    expect(sql.filter((l) => /^insert into "?member"?/i.test(String(l.sql)))[0]?.sql).toMatch(/values \(\$1/);

    const delivered = lines.filter((l) => String(l.message).startsWith('outbound message'));
    expect(delivered.map((l) => [l.channel, l.recipient]).sort()).toEqual([
      ['EMAIL', 'a***@example.org'],
      ['SMS', '***56'],
    ]);

    const all = svc.logs.join('\n');
    for (const secret of [PERSON.firstName, PERSON.lastName, PERSON.email, 'augusta.byron', '7700 900456', '7700900456', '900456', ...searches, 'LOGS00000001']) {
      expect(all, secret).not.toContain(secret);
    }
  });
});

describe('masking', () => {
  it('keeps the domain of an address and the last two digits of a phone number', () => {
    expect(maskEmail('ada.lovelace@example.com')).toBe('a***@example.com');
    expect(maskEmail('no-at-sign')).toBe('***');
    expect(maskPhone('+44 7700 900123')).toBe('***23');
    expect(maskText('550 5.1.1 <ada@example.com>: unknown user; call +44 7700 900123 on 2026-12-03')).toBe('550 5.1.1 <a***@example.com>: unknown user; call ***23 on 2026-12-03');
  });

  it('logs a database error by its code and table, not by the statement with its values', async () => {
    const insert = `insert into member (id, first_name, last_name, email, enrolled_at) values (?, ?, 'Name', ?, now())`;
    const values = [randomUUID(), 'Secret', 'secret@example.com'];
    await svc.orm.em.fork().execute(insert, values);
    // the driver's own error (connection.execute) and MikroORM's (em.execute, a DriverException)
    for (const failing of [() => svc.orm.em.fork().getConnection().execute(insert, values), () => svc.orm.em.fork().execute(insert, values)]) {
      const err = await failing().then(
        () => null,
        (e: unknown) => e,
      );
      expect(String((err as Error).message)).toContain('secret@example.com'); // what used to be logged
      const logged = errorForLog(err);
      expect(logged.message).toMatch(/SQLSTATE 23505, table member, constraint \w+/);
      expect(JSON.stringify(logged)).not.toMatch(/secret|Secret/);
    }
  });
});
