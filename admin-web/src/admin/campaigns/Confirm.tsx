import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * An inline confirmation for a consequential step (activating, pausing, ending): the question, what
 * will happen, and the two answers. Focus moves to it; Escape answers no.
 */
export function Confirm({ title, children, confirmLabel, busy, onConfirm, onCancel }: { title: string; children: ReactNode; confirmLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="confirm notice info"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <strong id={`${id}-t`}>{title}</strong>
      <div id={`${id}-d`}>{children}</div>
      <div className="row">
        <button type="button" className="primary" ref={ref} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
