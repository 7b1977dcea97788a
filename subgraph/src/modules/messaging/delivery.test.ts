import { randomInt, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { createLogger } from '../../common/logger';
import { ok, startTestService, type TestService } from '../../test-support/harness';
import { enrol } from '../../test-support/ledger-fixtures';
import { runMaintenance } from '../ledger/maintenance.service';
import { MessageChannel } from './messaging.entities';
import { deliverOutbox } from './outbox.service';
import { createSender, LogSender, SmtpSender, type MessageSender } from './senders';

// ---------------------------------------------------------------------------------------------
// A real SMTP server on 127.0.0.1 (port 0), recording what it accepts. Recipients starting with
// "bounce" are refused permanently (550); "flaky" ones get a temporary 451 for their first
// `flakyFailures` messages.

interface Received {
  to: string[];
  raw: string;
}

async function startSmtpServer(opts: { flakyFailures?: number } = {}) {
  const received: Received[] = [];
  const refused: string[] = [];
  let flaky = opts.flakyFailures ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) {
        refused.push(address.address);
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((a) => a.address);
        if (to.some((a) => a.startsWith('flaky')) && flaky > 0) {
          flaky--;
          refused.push(...to);
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    to: (address: string) => received.filter((r) => r.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** Just enough MIME to read back what nodemailer wrote: headers, encoded words, QP or base64 text. */
function parseMail(raw: string) {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = text.slice(0, split).replace(/\n(?=[ \t])/g, '');
  const headers = new Map<string, string>();
  for (const line of head.split('\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const bytes = (s: string) => {
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
        out.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(...Buffer.from(s[i]!, 'utf8'));
    }
    return Buffer.from(out).toString('utf8');
  };
  const decodeWords = (s: string) =>
    s.replace(/(\?=)\s+(?==\?)/g, '$1').replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _cs, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : bytes(data.replace(/_/g, ' ')),
    );
  let body = text.slice(split + 2);
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'quoted-printable') body = bytes(body.replace(/=\n/g, ''));
  if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), from: decodeWords(headers.get('from') ?? ''), body: body.replace(/\n+$/, '') };
}

// ---------------------------------------------------------------------------------------------

let smtp: SmtpServer;
let svc: TestService;
const logs: string[] = [];
const logger = createLogger('info', (l) => logs.push(l));
const sql = (q: string, params: unknown[] = []): Promise<any[]> => svc.orm.em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  smtp = await startSmtpServer({ flakyFailures: 2 });
  svc = await startTestService({ env: { LOYALTY_SMTP_URL: smtp.url, LOYALTY_SMTP_FROM: 'Corner Shop <rewards@corner.example>' } });
});
afterAll(async () => {
  await svc?.stop();
  await smtp?.close();
});

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newCode = () => Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

async function addCoupon(on: TestService, memberId: string, expiresInHours: number, title = '£5 voucher'): Promise<string> {
  const code = newCode();
  await on.orm.em.fork().getConnection().execute(
    `insert into coupon (code, kind, status, member_id, value_minor, currency_code, title, allocations, issued_at, expires_at, issued_by)
     values (?, 'CASH_VOUCHER', 'ACTIVE', ?, 500, 'GBP', ?, '[]', now(), now() + make_interval(hours => ?), 'test')`,
    [code, memberId, title, expiresInHours],
  );
  return code;
}

const uniqueEmail = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}@example.com`;

/** A member with a coupon expiring in two days; returns the e-mail address it will be reminded at. */
async function memberWithCoupon(on: TestService, prefix = 'm', title?: string) {
  const email = uniqueEmail(prefix);
  const memberId = await enrol(on, { firstName: 'Zoë', email });
  const code = await addCoupon(on, memberId, 47, title);
  return { memberId, email, code };
}

const outboxRow = async (memberId: string, channel = 'EMAIL') => (await sql('select * from outbox_message where member_id = ? and channel = ?', [memberId, channel]))[0];

describe('configuration', () => {
  it('accepts smtp:// and smtps:// URLs only, and has a default sender address', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({}).smtpFrom).toBe('Loyalty <loyalty@example.com>');
    expect(loadConfig({ LOYALTY_SMTP_URL: 'smtps://u:p@mail.example.com:465' }).smtpUrl).toBe('smtps://u:p@mail.example.com:465');
    for (const bad of ['http://mail.example.com', 'mail.example.com:25', 'smtp://']) {
      expect(() => loadConfig({ LOYALTY_SMTP_URL: bad })).toThrow(ConfigError);
    }
  });
});

describe('senders', () => {
  it('the log sender writes one JSON line per message, recipient masked, without the texts', async () => {
    const lines: string[] = [];
    const sender = new LogSender(createLogger('info', (l) => lines.push(l)));
    await sender.send({ id: 'x1', channel: MessageChannel.SMS, recipient: '+447700900123', subject: 's', body: 'Hi Ada, code ABCD' });
    await sender.send({ id: 'x2', channel: MessageChannel.EMAIL, recipient: 'ada.lovelace@example.com', subject: 'Hello Ada', body: 'b' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'info', messageId: 'x1', channel: 'SMS', recipient: '***23', bodyLength: 17 }),
      expect.objectContaining({ level: 'info', messageId: 'x2', channel: 'EMAIL', recipient: 'a***@example.com', subjectLength: 9 }),
    ]);
    expect(lines.join('\n')).not.toMatch(/Ada|ABCD|7700900123|lovelace/);
  });

  it('with an SMTP URL, e-mail goes over SMTP and SMS (no provider yet) to the log', async () => {
    const lines: string[] = [];
    const sender = createSender({ smtpUrl: smtp.url, smtpFrom: 'Shop <shop@example.com>' }, createLogger('info', (l) => lines.push(l)));
    try {
      const to = uniqueEmail('route');
      await sender.send({ channel: MessageChannel.EMAIL, recipient: to, subject: 'Hello', body: 'Plain text' });
      await sender.send({ channel: MessageChannel.SMS, recipient: '+447700900999', subject: 'Hello', body: 'Text' });
      expect(smtp.to(to)).toHaveLength(1);
      expect(parseMail(smtp.to(to)[0]!.raw)).toMatchObject({ subject: 'Hello', from: 'Shop <shop@example.com>', body: 'Plain text' });
      expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ channel: 'SMS', recipient: '***99' })]);
      await expect(new SmtpSender(smtp.url, 'x@example.com').send({ channel: MessageChannel.SMS, recipient: '+44', subject: '', body: '' })).rejects.toThrow(/e-mail only/);
    } finally {
      await sender.close?.();
    }
  });
});

describe('delivery over SMTP', () => {
  it('delivers a reminder e-mail to the SMTP server with the rendered subject and body, and marks it SENT', async () => {
    const { memberId, email, code } = await memberWithCoupon(svc, 'smtp', 'Café voucher – £5');
    const sender = createSender(svc.config, logger);
    try {
      const report = await runMaintenance(svc.orm.em, { sender });
      expect(report.messagesSent).toBeGreaterThanOrEqual(1);
    } finally {
      await sender.close?.();
    }
    const row = await outboxRow(memberId);
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, last_error: null, locked_until: null, sent_at: expect.anything() });

    const mails = smtp.to(email);
    expect(mails).toHaveLength(1);
    const mail = parseMail(mails[0]!.raw);
    const expiresOn = row.subject.slice(-10);
    expect(expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mail.subject).toBe(`Your Café voucher – £5 expires on ${expiresOn}`);
    expect(mail.from).toBe('Corner Shop <rewards@corner.example>');
    expect(mail.headers.get('to')).toBe(email);
    expect(mail.headers.get('message-id')).toBe(`<${row.id}@loyalty.outbox>`);
    expect(mail.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(mail.body).toBe(
      `Hello Zoë,\n\nyour coupon "Café voucher – £5" (code ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}) expires on ${expiresOn}, in 2 days. Show the code at the till or use it online before then.\n\nThank you for shopping with us.`,
    );

    const listed = ok(await svc.gql(`{ loyaltyOutboxMessages(status: SENT, first: 100) { id channel recipient subject status attempts sentAt template } }`)).loyaltyOutboxMessages;
    expect(listed).toContainEqual({ id: row.id, channel: 'EMAIL', recipient: email, subject: mail.subject, status: 'SENT', attempts: 1, sentAt: expect.any(String), template: 'coupon_expiry_reminder' });
  });

  it('sends each message once when two service instances deliver at the same time', async () => {
    const second = await startTestService({ databaseName: svc.databaseName, keyFrom: svc, env: { LOYALTY_SMTP_URL: smtp.url } });
    const senders = [createSender(svc.config, logger), createSender(second.config, logger)];
    try {
      const members = await Promise.all(Array.from({ length: 30 }, () => memberWithCoupon(svc, 'race')));
      await runMaintenance(svc.orm.em); // queue only (no sender)
      const runs = [0, 1, 0, 1, 0, 1].map((i) => deliverOutbox([svc, second][i]!.orm.em, senders[i]!, { batchSize: 2 }));
      const reports = await Promise.all(runs);
      expect(reports.reduce((s, r) => s + r.sent, 0)).toBeGreaterThanOrEqual(30);
      expect(reports.filter((r) => r.sent > 0).length).toBeGreaterThan(1); // both instances took part
      for (const m of members) {
        expect(smtp.to(m.email)).toHaveLength(1);
        expect((await outboxRow(m.memberId)).status).toBe('SENT');
      }
    } finally {
      await Promise.all(senders.map((s) => s.close?.()));
      await second.stop();
    }
  });

  it('writes and delivers each reminder once across two service instances running their schedules', async () => {
    const env = { LOYALTY_SMTP_URL: smtp.url, LOYALTY_MAINTENANCE_INTERVAL_SECONDS: '1' };
    const a = await startTestService({ env });
    const b = await startTestService({ databaseName: a.databaseName, keyFrom: a, env });
    try {
      const members = await Promise.all(Array.from({ length: 10 }, () => memberWithCoupon(a, 'sched')));
      const deadline = Date.now() + 20_000;
      while (members.some((m) => smtp.to(m.email).length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 2_500)); // a few more runs of both schedulers
      for (const m of members) expect(smtp.to(m.email)).toHaveLength(1);
      const inbox = await a.orm.em.fork().getConnection().execute(`select count(*)::int as n from inbox_message`);
      expect(inbox).toEqual([{ n: 10 }]);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

describe('retries', () => {
  it('retries a refused message with back-off, then gives up as FAILED after 5 attempts', async () => {
    const { memberId, email } = await memberWithCoupon(svc, 'bounce');
    await runMaintenance(svc.orm.em);
    const sender = createSender(svc.config, logger);
    try {
      for (let attempt = 1; attempt <= 4; attempt++) {
        await deliverOutbox(svc.orm.em, sender, { retryDelaySeconds: 0 });
        expect(await outboxRow(memberId)).toMatchObject({ status: 'PENDING', attempts: attempt, last_error: expect.stringContaining('550') });
      }
      await deliverOutbox(svc.orm.em, sender, { retryDelaySeconds: 0 });
      expect(await outboxRow(memberId)).toMatchObject({ status: 'FAILED', attempts: 5, locked_until: null, last_error: expect.stringContaining('550') });
      await deliverOutbox(svc.orm.em, sender, { retryDelaySeconds: 0 });
      expect(smtp.refused.filter((a) => a === email)).toHaveLength(5);
      expect((await outboxRow(memberId)).attempts).toBe(5);
      const failed = ok(await svc.gql(`{ loyaltyOutboxMessages(status: FAILED) { recipient attempts lastError } }`)).loyaltyOutboxMessages;
      expect(failed).toContainEqual({ recipient: email, attempts: 5, lastError: expect.stringContaining('550') });
    } finally {
      await sender.close?.();
    }
  });

  it('waits before retrying, and delivers once the server accepts', async () => {
    const { memberId, email } = await memberWithCoupon(svc, 'flaky');
    await runMaintenance(svc.orm.em);
    const sender = createSender(svc.config, logger);
    try {
      const first = await deliverOutbox(svc.orm.em, sender); // default back-off: 60 s
      expect(first.retried).toBeGreaterThanOrEqual(1);
      const row = await outboxRow(memberId);
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('451') });
      expect(new Date(row.locked_until).getTime()).toBeGreaterThan(Date.now() + 50_000);
      await deliverOutbox(svc.orm.em, sender);
      expect((await outboxRow(memberId)).attempts).toBe(1); // not yet due

      await sql(`update outbox_message set locked_until = now() where id = ?`, [row.id]); // time passes
      await deliverOutbox(svc.orm.em, sender, { retryDelaySeconds: 0 }); // second 451
      await deliverOutbox(svc.orm.em, sender, { retryDelaySeconds: 0 });
      expect(await outboxRow(memberId)).toMatchObject({ status: 'SENT', attempts: 3, last_error: null });
      expect(smtp.to(email)).toHaveLength(1);
    } finally {
      await sender.close?.();
    }
  });

  it("takes over a message whose sender died mid-send once its lease is over, and leaves a live claim alone", async () => {
    const dead = await memberWithCoupon(svc, 'lease');
    const live = await memberWithCoupon(svc, 'lease');
    await runMaintenance(svc.orm.em);
    await sql(`update outbox_message set status = 'SENDING', attempts = 1, locked_until = now() - interval '1 second' where member_id = ?`, [dead.memberId]);
    await sql(`update outbox_message set status = 'SENDING', attempts = 1, locked_until = now() + interval '5 minutes' where member_id = ?`, [live.memberId]);
    const delivered: string[] = [];
    const sender: MessageSender = { send: async (m) => void delivered.push(m.recipient) };
    await deliverOutbox(svc.orm.em, sender);
    expect(delivered).toContain(dead.email);
    expect(delivered).not.toContain(live.email);
    expect(await outboxRow(dead.memberId)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(await outboxRow(live.memberId)).toMatchObject({ status: 'SENDING', attempts: 1 });

    // a last attempt that never reported back is not repeated
    await sql(`update outbox_message set attempts = 5, locked_until = now() - interval '1 second' where member_id = ?`, [live.memberId]);
    await deliverOutbox(svc.orm.em, sender);
    expect(delivered).not.toContain(live.email);
    expect(await outboxRow(live.memberId)).toMatchObject({ status: 'FAILED', last_error: expect.stringMatching(/not confirmed/) });
  });
});
