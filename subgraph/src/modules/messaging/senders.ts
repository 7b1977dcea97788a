import { createTransport, type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Logger } from '../../common/logger';
import { maskRecipient } from '../../common/redact';
import { MessageChannel } from './messaging.entities';

/** One outbound message, as rendered into the outbox. Plain text. */
export interface OutboundMessage {
  /**
   * Stable across retries of the same outbox row. The SMTP sender uses it as the Message-ID, so a
   * mail system that receives a retried message twice can recognise the duplicate.
   */
  id?: string;
  channel: MessageChannel;
  /** An e-mail address for EMAIL, an E.164 phone number for SMS. */
  recipient: string;
  subject: string;
  body: string;
  /** EMAIL: an HTML alternative of `body`. */
  html?: string | null;
}

/**
 * Delivers outbox messages. `send` resolves once the provider has accepted the message and
 * rejects when it has not (the outbox then retries). Implementations must not retry by
 * themselves: the outbox counts attempts.
 */
export interface MessageSender {
  send(message: OutboundMessage): Promise<void>;
  /** Releases connections; called when the service stops. */
  close?(): Promise<void>;
}

/**
 * The default: writes each message as one JSON log line and reports it delivered. For development
 * and for channels without a provider (SMS today): the message is marked SENT, but nobody got it.
 * The line has the recipient masked (`a***@example.com`, `***23`) and not the texts, which carry
 * the member's name and a coupon code; the texts are in the outbox (`loyaltyOutboxMessages`, admin).
 */
export class LogSender implements MessageSender {
  constructor(private readonly logger: Logger) {}

  async send(message: OutboundMessage): Promise<void> {
    this.logger.info('outbound message (log sender, not delivered to anyone)', {
      messageId: message.id,
      channel: message.channel,
      recipient: maskRecipient(message.recipient),
      subjectLength: message.subject.length,
      bodyLength: message.body.length,
    });
  }
}

/**
 * Defaults for the SMTP client, overridable in the URL's query. They keep one send well inside the
 * outbox lease (a send that outlives its lease may be repeated by another replica).
 */
const SMTP_TIMEOUTS: Record<string, string> = { connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };

/** `url` with the default timeouts added where the URL does not set them. */
export function smtpUrlWithTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}

/**
 * E-mail over SMTP with nodemailer: `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://...:465` (implicit TLS); further nodemailer options as query parameters. One connection
 * per message (no pool): reminders are few and a pool would hold sockets between runs.
 */
export class SmtpSender implements MessageSender {
  private readonly transport: Transporter;

  constructor(url: string, from: string) {
    this.transport = createTransport(smtpUrlWithTimeouts(url), { from });
  }

  async send(message: OutboundMessage): Promise<void> {
    if (message.channel !== MessageChannel.EMAIL) throw new Error(`The SMTP sender sends e-mail only, not ${message.channel}`);
    const info = await this.transport.sendMail({
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      ...(message.html ? { html: message.html } : {}),
      ...(message.id ? { messageId: `<${message.id}@loyalty.outbox>` } : {}),
    });
    if (info.rejected?.length) throw new Error(`The SMTP server refused the recipient: ${String(info.response ?? '').slice(0, 200)}`);
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * Sends each channel through its own sender, and channels without one through `fallback`. This is
 * where an SMS provider plugs in: `new ChannelSender({ EMAIL: smtp, SMS: provider }, log)`.
 */
export class ChannelSender implements MessageSender {
  constructor(
    private readonly routes: Partial<Record<MessageChannel, MessageSender>>,
    private readonly fallback: MessageSender,
  ) {}

  send(message: OutboundMessage): Promise<void> {
    return (this.routes[message.channel] ?? this.fallback).send(message);
  }

  async close(): Promise<void> {
    const all = new Set([...Object.values(this.routes), this.fallback]);
    await Promise.all([...all].map((s) => s.close?.()));
  }
}

/**
 * The sender the configuration asks for: e-mail over SMTP when `LOYALTY_SMTP_URL` is set, and
 * everything else (SMS, which has no real provider yet; e-mail without SMTP) to the log.
 */
export function createSender(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>, logger: Logger): MessageSender {
  const log = new LogSender(logger);
  if (!config.smtpUrl) return log;
  return new ChannelSender({ [MessageChannel.EMAIL]: new SmtpSender(config.smtpUrl, config.smtpFrom) }, log);
}
