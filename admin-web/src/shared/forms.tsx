import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { CombinedError } from 'urql';

/** A `LoyaltyUserError` as every payload carries it. */
export interface UserError {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

/**
 * Problems to show on a form, by field: the service's userErrors (whose `field` is a path such as
 * `["input", "points"]`, keyed here as `points`) and the form's own checks before sending.
 */
export type FieldErrors = Record<string, string>;

export function fieldKey(path: readonly string[] | null | undefined): string {
  if (!path || path.length === 0) return '';
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

export function errorsByField(errors: readonly UserError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const k = fieldKey(e.field);
    out[k] = out[k] ? `${out[k]} ${e.message}` : e.message;
  }
  return out;
}

/** The message of a failed request (network or GraphQL error), for a notice. */
export function requestProblem(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.networkError) return `The service cannot be reached: ${error.networkError.message}`;
  return error.graphQLErrors.map((e) => e.message).join('; ') || error.message;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled control with its hint and error, tied together for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

export function TextField({ label, error, hint, ...input }: { label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />}
    </Field>
  );
}

export function SelectField({ label, error, hint, children, ...select }: { label: string; error?: string; hint?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Errors that belong to no field of the form (or to fields it does not show), and request failures. */
export function FormProblems({ errors, shown, problem }: { errors: FieldErrors; shown: readonly string[]; problem?: string | null }) {
  const rest = Object.entries(errors).filter(([k]) => !shown.includes(k));
  if (!problem && rest.length === 0) return null;
  return (
    <div className="notice error" role="alert">
      {problem && <div>{problem}</div>}
      {rest.map(([k, m]) => (
        <div key={k}>{m}</div>
      ))}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'info' | 'success' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
