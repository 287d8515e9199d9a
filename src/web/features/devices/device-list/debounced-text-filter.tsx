import { Trans } from '@lingui/react/macro';
import { useEffect, useEffectEvent, useId, useState, type Ref } from 'react';
import type { z } from 'zod/mini';

interface DebouncedTextFilterProps {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  /** The contract's schema for this query parameter: a value it refuses is never sent. */
  schema: z.ZodMiniType;
  invalidMessage?: string;
  placeholder?: string;
  type?: 'search' | 'text';
  inputMode?: 'numeric' | 'text';
  ref?: Ref<HTMLInputElement>;
}

// Long enough to not refetch on every keystroke, short enough to feel live.
const DEBOUNCE_MS = 350;

/** A text filter that edits locally and writes to the URL when the operator pauses or presses Enter. */
export function DebouncedTextFilter({ label, value, onCommit, schema, invalidMessage, placeholder, type = 'text', inputMode, ref }: DebouncedTextFilterProps) {
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  // The URL changed under us (back button, clear filters): show what it says now.
  if (seen !== value) {
    setSeen(value);
    setDraft(value ?? '');
  }
  const trimmed = draft.trim();
  const valid = trimmed === '' || schema.safeParse(trimmed).success;
  const pending = valid && trimmed !== (value ?? '');

  const commit = useEffectEvent((text: string) => onCommit(text || undefined));
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => commit(trimmed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, trimmed]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type={type}
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : `${id}-error`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && pending) onCommit(trimmed || undefined);
        }}
      />
      {!valid && (
        <p id={`${id}-error`} className="field-error">
          {invalidMessage ?? <Trans>This value is not valid.</Trans>}
        </p>
      )}
    </div>
  );
}
