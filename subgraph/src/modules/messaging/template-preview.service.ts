import { ErrorCode, userError, type UserError } from '../../common/errors';
import { MessageChannel } from './messaging.entities';
import { normaliseBody, placeholdersIn, renderHtml, renderMessage, templateKind, templateProblems, type TemplateValues } from './templates';

/**
 * Example values for placeholders, so an admin sees a believable message before saving. Any
 * placeholder missing here gets `[name]`, which reads as a stand-in and cannot be mistaken for data.
 */
const SAMPLE_VALUES: Readonly<Record<string, string | number>> = {
  firstName: 'Alex',
  lastName: 'Morgan',
  balance: 1250,
  couponTitle: 'Free coffee',
  couponCode: 'ABCD-EFGH-JKLM',
  couponExpiresOn: '2030-06-30',
  expiringCouponTitle: 'Free coffee',
  expiringCouponCode: 'ABCD-EFGH-JKLM',
  expiresOn: '2030-06-30',
  daysLeft: 7,
  tierName: 'Gold',
  nextTierName: 'Silver',
  reviewOn: '2030-12-31',
  amountNeeded: '250 points',
  endsOn: '2030-06-30',
  price: '£49.00',
  points: 300,
  awardedPoints: 100,
  daysInactive: 90,
  saleId: 'S-10042',
  channel: 'store',
  eventType: 'app.review',
};

export interface TemplatePreview {
  subject: string | null;
  body: string | null;
  html: string | null;
  /** The values used, by placeholder: the caller's, else the samples. */
  values: Record<string, string>;
  userErrors: UserError[];
}

/**
 * Renders a draft template with sample values (or the caller's), exactly as the sender would: the
 * same checks as saving (unknown key, placeholders the key does not supply, malformed braces,
 * lengths), then `renderMessage` and, for e-mail, `renderHtml` (values HTML-escaped). Nothing is
 * written; problems come back as userErrors on `input.<field>` like saveLoyaltyMessageTemplate's.
 */
export function previewMessageTemplate(input: {
  key: string;
  channel: MessageChannel;
  subject: string;
  body: string;
  html?: string | null;
  values?: Record<string, unknown> | null;
}): TemplatePreview {
  const key = input.key.trim();
  const subject = input.subject.trim();
  const body = normaliseBody(input.body);
  const html = input.html?.trim() ? normaliseBody(input.html) : null;
  const problems = templateProblems(key, input.channel, subject, body, html);
  const values: Record<string, string> = {};
  for (const name of templateKind(key)?.placeholders ?? []) {
    const given = input.values?.[name];
    values[name] = given !== undefined && given !== null && String(given) !== '' ? String(given).slice(0, 500) : String(SAMPLE_VALUES[name] ?? `[${name}]`);
  }
  if (problems.length) {
    return { subject: null, body: null, html: null, values, userErrors: problems.map((p) => userError(ErrorCode.INVALID_INPUT, p.message, ['input', p.field])) };
  }
  // every placeholder used is supplied (checked above), so rendering cannot fail on a missing value
  const used = new Set([subject, body, html ?? ''].flatMap((t) => placeholdersIn(t)));
  const supplied: TemplateValues = Object.fromEntries(Object.entries(values).filter(([k]) => used.has(k)));
  const text = renderMessage({ subject, body }, supplied);
  return {
    subject: text.subject,
    body: text.body,
    html: html !== null && input.channel === MessageChannel.EMAIL ? renderHtml(html, supplied) : null,
    values,
    userErrors: [],
  };
}
