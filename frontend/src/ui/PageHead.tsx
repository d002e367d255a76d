import type { ReactNode } from 'react';

interface PageHeadProps {
  title: ReactNode;
  /** The view's one-paragraph description, under the title. */
  children?: ReactNode;
  /** Buttons on the right of the heading. */
  actions?: ReactNode;
}

/** A view's heading: its title, what it is for, and its actions. */
export function PageHead({ title, children, actions }: PageHeadProps) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {children && <p className="muted">{children}</p>}
      </div>
      {actions}
    </div>
  );
}
