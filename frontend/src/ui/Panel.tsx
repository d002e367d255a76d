import type { ReactNode } from 'react';

/** A panel headed by its title, which names it for screen readers. */
export function TitledPanel({ titleId, title, children }: { titleId: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 className="heading-flush" id={titleId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
