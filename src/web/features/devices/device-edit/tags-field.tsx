import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useController, type Control } from 'react-hook-form';
import { TAG_MAX, TAGS_MAX_COUNT, tagSchema, tagsSchema } from '@/contracts/device';
import type { UpdateDeviceBody } from '@/contracts/roma';

/** The first message of 001's tag rules (the contract's), or undefined when the tags are valid. */
function tagProblem(tags: readonly string[], draft: string): string | undefined {
  const one = tagSchema.safeParse(draft);
  if (!one.success) return one.error.issues[0]?.message;
  const all = tagsSchema.safeParse([...tags, draft]);
  return all.success ? undefined : all.error.issues[0]?.message;
}

/** Tags as removable chips and an input that adds one (Enter or the button), checked as the operator types. */
export function TagsField({ control }: { control: Control<UpdateDeviceBody> }) {
  const { t } = useLingui();
  const { field, fieldState } = useController({ control, name: 'tags' });
  const tags = field.value ?? [];
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const change = (value: string) => {
    setDraft(value);
    // Too long is wrong whatever comes next, so it shows at once; empty or duplicate only on adding.
    setProblem(value.trim().length > TAG_MAX ? tagProblem(tags, value.trim()) : undefined);
  };
  const add = () => {
    // Spaces around a tag are a slip of the keyboard, never meant.
    const tag = draft.trim();
    const found = tagProblem(tags, tag);
    setProblem(found);
    if (found) return;
    field.onChange([...tags, tag]);
    setDraft('');
  };
  const remove = (tag: string) => {
    field.onChange(tags.filter((t) => t !== tag));
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const tagMax = TAG_MAX;
  const tagsMax = TAGS_MAX_COUNT;
  const message = problem ?? fieldState.error?.message ?? fieldState.error?.root?.message;

  return (
    <fieldset className="edit-tags">
      <legend className="field-label">
        <Trans>Tags</Trans>
      </legend>
      {tags.length === 0 ? (
        <p className="cell-muted edit-tags-empty">
          <Trans>No tags.</Trans>
        </p>
      ) : (
        <ul className="tag-list" aria-label={t`Tags of this device`}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button type="button" className="tag-remove" aria-label={t`Remove tag ${tag}`} onClick={() => remove(tag)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="edit-tag-add">
        <label htmlFor={`${id}-tag`} className="visually-hidden">
          <Trans>New tag</Trans>
        </label>
        <input
          id={`${id}-tag`}
          ref={input}
          value={draft}
          placeholder={t`New tag`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={add}>
          <Trans>Add tag</Trans>
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        <Trans>
          1–{tagMax} characters each, up to {tagsMax} tags, no duplicates. Press Enter to add.
        </Trans>
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {message}
      </p>
    </fieldset>
  );
}
