import { useLingui } from '@lingui/react/macro';
import { formatCount } from '@/web/lib/format';

interface SummaryPartProps {
  label: string;
  /** What pressing the part does, e.g. "Show only online devices". */
  title: string;
  /** What pressing it again does, e.g. "Show all, not only online". */
  pressedTitle: string;
  count: number;
  total: number;
  tone: string;
  pressed: boolean;
  onClick: () => void;
}

/** One part of the fleet: a button that filters the list by it, with its share drawn as a bar. */
export function SummaryPart({ label, title, pressedTitle, count, total, tone, pressed, onClick }: SummaryPartProps) {
  const { t } = useLingui();
  const share = total > 0 ? count / total : 0;
  const percent = Math.round(share * 100);
  return (
    <button
      type="button"
      className={`summary-part tone-${tone}`}
      aria-pressed={pressed}
      title={pressed ? pressedTitle : title}
      onClick={onClick}
    >
      <span className="summary-part-head">
        <span className="summary-swatch" aria-hidden="true" />
        <span className="summary-label">{label}</span>{' '}
        <span className="summary-count">{formatCount(count)}</span>
        <span className="visually-hidden"> {t`devices, ${percent}%`}</span>
      </span>
      <svg className="summary-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className="summary-bar-track" x="0" y="0" width="100" height="6" rx="3" />
        <rect className="summary-bar-fill" x="0" y="0" width={share * 100} height="6" rx="3" />
      </svg>
    </button>
  );
}
