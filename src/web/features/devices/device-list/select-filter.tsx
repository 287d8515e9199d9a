import { Trans } from '@lingui/react/macro';
import { useId } from 'react';

interface SelectFilterProps {
  label: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  onCommit: (value: string | undefined) => void;
}

/** A single-choice filter whose first option, "Any", removes it. */
export function SelectFilter({ label, value, options, onCommit }: SelectFilterProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onCommit(event.target.value || undefined)}>
        <option value="">
          <Trans>Any</Trans>
        </option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
