import { AUTOMATION_PLACEHOLDERS, CUSTOM_TEMPLATE_KEY } from '../automations/automation.model';
import { MessageChannel } from './messaging.entities';

/**
 * Message templates: plain text with `{{name}}` placeholders (spaces inside the braces allowed).
 * No logic: values are inserted as they are, once (a value that itself contains `{{x}}` is not
 * expanded again). An e-mail template may also have an HTML version, where values are HTML-escaped
 * (`renderHtml`).
 */

/** A template kind this service writes, and the values it supplies when rendering it. */
export interface TemplateKind {
  key: string;
  description: string;
  placeholders: readonly string[];
}

export const COUPON_EXPIRY_REMINDER = 'coupon_expiry_reminder';
export const TIER_REVIEW_WARNING = 'tier_review_warning';
export const MEMBERSHIP_RENEWAL_REMINDER = 'membership_renewal_reminder';
export const MEMBERSHIP_EXPIRY_REMINDER = 'membership_expiry_reminder';

/** Every template key the service knows; saving a template for another key is refused. */
export const TEMPLATE_KINDS: Readonly<Record<string, TemplateKind>> = {
  [COUPON_EXPIRY_REMINDER]: {
    key: COUPON_EXPIRY_REMINDER,
    description: "Sent couponReminderDays before a member's coupon expires (inbox, e-mail, SMS with consent).",
    placeholders: ['firstName', 'couponTitle', 'couponCode', 'expiresOn', 'daysLeft'],
  },
  [TIER_REVIEW_WARNING]: {
    key: TIER_REVIEW_WARNING,
    description: "Sent tierWarningDays before a review that would lower a member's level, with what keeps it (inbox, e-mail, SMS with consent).",
    placeholders: ['firstName', 'tierName', 'nextTierName', 'reviewOn', 'daysLeft', 'amountNeeded'],
  },
  [MEMBERSHIP_RENEWAL_REMINDER]: {
    key: MEMBERSHIP_RENEWAL_REMINDER,
    description: 'Sent paidMembershipReminderDays before a paid membership ends, unless renewed (inbox, e-mail, SMS with consent).',
    placeholders: ['firstName', 'tierName', 'endsOn', 'daysLeft', 'price'],
  },
  [MEMBERSHIP_EXPIRY_REMINDER]: {
    key: MEMBERSHIP_EXPIRY_REMINDER,
    description: 'Sent membershipReminderDays before a membership expires, by its end date or for inactivity (inbox, e-mail, SMS with consent).',
    placeholders: ['firstName', 'expiresOn', 'daysLeft'],
  },
};

export function templateKind(key: string): TemplateKind | null {
  if (Object.prototype.hasOwnProperty.call(TEMPLATE_KINDS, key)) return TEMPLATE_KINDS[key]!;
  if (CUSTOM_TEMPLATE_KEY.test(key)) {
    return { key, description: "A message automations send (SEND_MESSAGE); which placeholders it gets depends on the automation's trigger and actions.", placeholders: AUTOMATION_PLACEHOLDERS };
  }
  return null;
}

/** Longest HTML version of an e-mail body. */
export const HTML_MAX = 50_000;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An HTML e-mail body with every placeholder value HTML-escaped (a name cannot inject markup). */
export function renderHtml(html: string, values: TemplateValues): string {
  const escaped: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) escaped[k] = String(v).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return render(html, escaped);
}

/** Longest subject (also the inbox title and the outbox column): 200 characters. */
export const SUBJECT_MAX = 200;

/** Longest template body per channel, in characters (an SMS of 480 is about three segments). */
export const BODY_MAX: Readonly<Record<MessageChannel, number>> = {
  [MessageChannel.EMAIL]: 10_000,
  [MessageChannel.SMS]: 480,
  [MessageChannel.INBOX]: 2_000,
};

/** A template that cannot be rendered: malformed, or a placeholder without a value. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The placeholder names used in `text`, in order of first use. Throws TemplateError for stray or
 * malformed braces (`{{`, `}}`, `{{first name}}`), which would otherwise reach a member verbatim.
 */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  const rest = text.replace(PLACEHOLDER, (_m, name: string) => {
    if (!names.includes(name)) names.push(name);
    return '';
  });
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) throw new TemplateError(`"${stray[0]}" is not part of a placeholder; write placeholders as {{name}}`);
  return names;
}

/** Values for a template's placeholders. */
export type TemplateValues = Readonly<Record<string, string | number>>;

/**
 * Replaces every `{{name}}` in `text` by its value. A placeholder without a value is an error,
 * never an empty string: a reminder that says "your coupon  expires on " is worse than none.
 */
export function render(text: string, values: TemplateValues): string {
  placeholdersIn(text); // malformed braces fail here, not in a member's inbox
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined || value === null) throw new TemplateError(`No value for the placeholder {{${name}}}`);
    return String(value);
  });
}

/**
 * Renders a subject and body. The subject becomes one line (runs of whitespace, including line
 * breaks, collapse to a space, so a value cannot add mail headers) and is cut to SUBJECT_MAX.
 */
export function renderMessage(template: { subject: string; body: string }, values: TemplateValues): { subject: string; body: string } {
  let subject = render(template.subject, values).replace(/\s+/g, ' ').trim();
  if (subject.length > SUBJECT_MAX) subject = `${subject.slice(0, SUBJECT_MAX - 1)}…`;
  return { subject, body: render(template.body, values) };
}

export interface TemplateProblem {
  field: 'key' | 'subject' | 'body' | 'html';
  message: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Everything wrong with a template before it is saved: an unknown key, empty or too long texts,
 * control characters, malformed braces, and placeholders the key does not supply.
 * `body` is expected with `\n` line breaks (see normaliseBody).
 */
export function templateProblems(key: string, channel: MessageChannel, subject: string, body: string, html: string | null = null): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const kind = templateKind(key);
  if (!kind) problems.push({ field: 'key', message: `Unknown template key; one of ${Object.keys(TEMPLATE_KINDS).join(', ')}, or custom.<name> (lower case) for automations` });

  const check = (field: 'subject' | 'body' | 'html', text: string, max: number, control: RegExp): void => {
    const fail = (message: string) => void problems.push({ field, message });
    if (text.trim() === '') return fail(`${field} is required`);
    if (text.length > max) return fail(`${field} must be at most ${max} characters for ${channel}`);
    if (control.test(text)) {
      return fail(field === 'subject' ? 'subject must be one line without control characters' : 'body must not contain control characters other than line breaks and tabs');
    }
    let names: string[];
    try {
      names = placeholdersIn(text);
    } catch (err) {
      return fail((err as Error).message);
    }
    const unknown = kind ? names.filter((n) => !kind.placeholders.includes(n)) : [];
    if (unknown.length) {
      const list = (ns: readonly string[]) => ns.map((n) => `{{${n}}}`).join(', ');
      fail(`Unknown placeholder${unknown.length > 1 ? 's' : ''} ${list(unknown)}; ${key} supplies ${list(kind!.placeholders)}`);
    }
  };
  check('subject', subject, SUBJECT_MAX, CONTROL);
  check('body', body, BODY_MAX[channel] ?? BODY_MAX.EMAIL, CONTROL_EXCEPT_NEWLINE_TAB);
  if (html !== null) {
    if (channel !== MessageChannel.EMAIL) problems.push({ field: 'html', message: 'Only e-mail templates have an HTML version' });
    else check('html', html, HTML_MAX, CONTROL_EXCEPT_NEWLINE_TAB);
  }
  return problems;
}

/** Line breaks as `\n`, trailing whitespace of the whole text removed. */
export function normaliseBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trimEnd();
}
