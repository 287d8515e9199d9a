import { t } from '@lingui/core/macro';
import { useId, type ReactNode } from 'react';

export type DetailRow = [label: string, value: ReactNode];

/** One titled group of the device's fields, as a description list. */
export function DetailCard({ title, rows, children }: { title: string; rows: readonly DetailRow[]; children?: ReactNode }) {
  const titleId = useId();
  return (
    <section className="card detail-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <dl className="detail-list">
        {rows.map(([label, value]) => (
          <div key={label} className="detail-row">
            <dt>{label}</dt>
            <dd>{value === '' || value === undefined || value === null ? <span className="cell-muted">—</span> : value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}

/** Identifiers read best, and copy cleanly, in a fixed-width face. */
export const Mono = ({ children }: { children: ReactNode }) => <span className="mono">{children}</span>;

// Called at render: the words follow the language shown.
export const yesNo = (value: boolean): string => (value ? t`Yes` : t`No`);
