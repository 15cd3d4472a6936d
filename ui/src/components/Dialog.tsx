import { type ReactNode, useEffect, useRef } from "react";

interface Props {
  title: string;
  /** Called when the dialog closes: Esc, the close button or the caller's own action. */
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  labelledBy?: string;
}

/** A modal dialog: focus moves into it, Esc closes it, focus returns where it was. */
export function Dialog({ title, onClose, children, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => {
      dialog.removeEventListener("cancel", cancel);
      if (dialog.open) dialog.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog${wide ? " dialog-wide" : ""}`} aria-label={title}>
      <header className="dialog-header">
        <h2 className="dialog-title">{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close"
          title="Close (Esc)"
          onClick={() => onCloseRef.current()}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <path
              d="M3 3l8 8M11 3l-8 8"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </header>
      {children}
    </dialog>
  );
}
