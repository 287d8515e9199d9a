import { useEffect, useEffectEvent, useRef } from 'react';

// Keys pressed in these are text. A checkbox or a radio button takes no text, so j, k and x still
// work after ticking a row's checkbox with the mouse.
const TEXT_FIELD = 'input:not([type=checkbox]):not([type=radio]), select, textarea, [contenteditable]:not([contenteditable=false])';

/** How long the second key of a sequence ("g d") may follow the first. */
const SEQUENCE_MS = 1500;

/**
 * Whether a key press is meant as a shortcut: not typed into a text field, not a chord with Ctrl,
 * Meta or Alt (those are the browser's and the system's), and not while a modal dialog holds the
 * page (its keys are its own, and it closes itself on Escape).
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.target instanceof Element && event.target.closest(TEXT_FIELD)) return false;
  return document.querySelector('dialog[open]') === null;
}

/**
 * Runs `keys[event.key]` for each key press in the page that is a shortcut (see isShortcutEvent),
 * in place of the key's default action. A key of the form "g d" is a sequence: the second key
 * pressed soon after the first. Every shortcut goes through here so that all obey the same rules.
 */
export function useShortcutKeys(keys: Readonly<Record<string, () => void>>): void {
  const previous = useRef({ key: '', at: -Infinity });
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!isShortcutEvent(event)) return;
    const before = previous.current;
    const sequence = event.timeStamp - before.at < SEQUENCE_MS ? keys[`${before.key} ${event.key}`] : undefined;
    // A finished sequence starts no other: "g d d" goes to the list once.
    previous.current = sequence ? { key: '', at: -Infinity } : { key: event.key, at: event.timeStamp };
    const run = sequence ?? keys[event.key];
    if (!run) return;
    event.preventDefault();
    run();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
