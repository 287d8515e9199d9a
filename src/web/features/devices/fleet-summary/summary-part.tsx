import { formatCount } from '@/web/lib/format';

interface SummaryPartProps {
  label: string;
  count: number;
  total: number;
  tone: string;
  pressed: boolean;
  onClick: () => void;
}

/** One part of the fleet: a button that filters the list by it, with its share drawn as a bar. */
export function SummaryPart({ label, count, total, tone, pressed, onClick }: SummaryPartProps) {
  const share = total > 0 ? count / total : 0;
  const percent = Math.round(share * 100);
  return (
    <button
      type="button"
      className={`summary-part tone-${tone}`}
      aria-pressed={pressed}
      title={pressed ? `Show all, not only ${label.toLowerCase()}` : `Show only ${label.toLowerCase()} devices`}
      onClick={onClick}
    >
      <span className="summary-part-head">
        <span className="summary-swatch" aria-hidden="true" />
        <span className="summary-label">{label}</span>{' '}
        <span className="summary-count">{formatCount(count)}</span>
        <span className="visually-hidden"> devices, {percent}%</span>
      </span>
      <svg className="summary-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="summary-bar-track" x="0" y="0" width="100" height="6" rx="3" />
        <rect className="summary-bar-fill" x="0" y="0" width={share * 100} height="6" rx="3" />
      </svg>
    </button>
  );
}
