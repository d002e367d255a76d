import type { ReactNode } from 'react';

interface ErrorAlertProps {
  /** A bold first line saying what failed. */
  title?: ReactNode;
  /** Extra classes (spacing, size) next to `alert alert-err`. */
  className?: string;
  testId?: string;
  children?: ReactNode;
}

/** A red alert that screen readers announce at once (role="alert"). */
export function ErrorAlert({ title, className, testId, children }: ErrorAlertProps) {
  return (
    <div className={className ? `alert alert-err ${className}` : 'alert alert-err'} role="alert" data-testid={testId}>
      {title && <div className="alert-title">{title}</div>}
      {children}
    </div>
  );
}
