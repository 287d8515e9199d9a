import { useId, type Ref } from 'react';
import '@/web/components/action-button.css';

interface ActionButtonProps {
  label: string;
  onClick: () => void;
  /** Why the action is not available; the button then stays focusable but does nothing, and says why. */
  unavailable?: string | undefined;
  buttonRef?: Ref<HTMLButtonElement>;
  /** The button's look, e.g. `button button-danger`. */
  className?: string;
  /** Available but not now (nothing to act on): disabled outright, with no reason to give. */
  disabled?: boolean;
}

/**
 * An action that may be unavailable. `aria-disabled` rather than `disabled`, so keyboard users can
 * still reach the button and hear the reason, which is its accessible description and a tooltip.
 */
export function ActionButton({ label, onClick, unavailable, buttonRef, className = 'button', disabled }: ActionButtonProps) {
  const reasonId = useId();
  return (
    <span className="action">
      <button
        ref={buttonRef}
        type="button"
        className={className}
        disabled={unavailable ? undefined : disabled}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={unavailable ? reasonId : undefined}
        onClick={unavailable ? undefined : onClick}
      >
        {label}
      </button>
      {unavailable && (
        <span role="tooltip" id={reasonId} className="action-tooltip">
          {unavailable}
        </span>
      )}
    </span>
  );
}
