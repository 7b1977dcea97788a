import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question before a step that spends points or cannot be undone (the browser's `<dialog>`:
 * focus moves into it and stays there, Escape cancels). While the request runs neither answer can be
 * given again and the dialog cannot be closed, so its outcome is never lost from view. `tone`:
 * `spend` (the member's own choice: the confirm button has the focus) or `danger` (blocking,
 * erasing: Cancel has the focus, so Enter does no harm). Closed before it leaves the page, so the
 * browser gives the focus back to the button that opened it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  tone,
  className,
  actionsClassName = 'row',
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  tone: 'spend' | 'danger';
  className?: string;
  actionsClassName?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // a layout effect's clean-up runs while the dialog is still in the document
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="stack">
        {children}
      </div>
      <div className={actionsClassName}>
        <button type="button" onClick={onCancel} disabled={busy} autoFocus={tone === 'danger'}>
          Cancel
        </button>
        <button type="button" className={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy} autoFocus={tone === 'spend'}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
