import { useId } from 'react';

interface DateFilterProps {
  label: string;
  /** Milliseconds since the epoch, as the list call takes them. */
  value: string | undefined;
  edge: 'start' | 'end';
  onCommit: (value: string | undefined) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toInputDate(ms: string | undefined): string {
  if (!ms) return '';
  const date = new Date(Number(ms));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// A day picked by the operator means their local day: from its first to its last millisecond.
function toMillis(day: string, edge: 'start' | 'end'): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const date = edge === 'start' ? new Date(y!, m! - 1, d!) : new Date(y!, m! - 1, d!, 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? undefined : String(date.getTime());
}

export function DateFilter({ label, value, edge, onCommit }: DateFilterProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={toInputDate(value)} onChange={(event) => onCommit(toMillis(event.target.value, edge))} />
    </div>
  );
}
