import { Trans } from '@lingui/react/macro';
import { formatCount } from '@/web/lib/format';

interface Slice {
  tone: string;
  count: number;
}

const RADIUS = 15.9155; // circumference of 100 units, so dash lengths are percentages
const STROKE = 4.2;

/** The fleet by connection state as a small donut; the numbers beside it say the same for every reader. */
export function ConnectionDonut({ slices, total }: { slices: Slice[]; total: number }) {
  let start = 0;
  return (
    <div className="donut">
      <svg viewBox="0 0 42 42" aria-hidden="true" focusable="false">
        <circle cx="21" cy="21" r={RADIUS} fill="none" strokeWidth={STROKE} className="donut-track" />
        {total > 0 &&
          slices.map((slice) => {
            const length = (slice.count / total) * 100;
            const circle = (
              <circle
                key={slice.tone}
                cx="21"
                cy="21"
                r={RADIUS}
                fill="none"
                strokeWidth={STROKE}
                className={`donut-slice tone-${slice.tone}`}
                strokeDasharray={`${length} ${100 - length}`}
                strokeDashoffset={25 - start}
              />
            );
            start += length;
            return circle;
          })}
      </svg>
      <div className="donut-center">
        <span className="donut-total">{formatCount(total)}</span>
        <span className="donut-caption">
          <Trans>devices</Trans>
        </span>
      </div>
    </div>
  );
}
