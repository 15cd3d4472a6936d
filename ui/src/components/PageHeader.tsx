import { type ReactNode, useEffect, useRef } from "react";

interface Props {
  title: string;
  eyebrow?: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}

/** A view's title row. The title takes focus when the view opens, so keyboard users land on it. */
export function PageHeader({ title, eyebrow, subtitle, actions }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.querySelector("dialog[open]")) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <header className="page-header">
      <div className="page-heading">
        {eyebrow ? <div className="page-eyebrow">{eyebrow}</div> : null}
        <h1 className="page-title" tabIndex={-1} ref={ref}>
          {title}
        </h1>
        {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}
