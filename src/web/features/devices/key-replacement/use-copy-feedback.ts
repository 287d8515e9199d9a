import { useCallback, useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays on screen. */
const FEEDBACK_MS = 2_500;

/** Copies text to the clipboard and reports how it went, for a moment. */
export function useCopyFeedback(): [CopyState, (text: string) => Promise<void>] {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard (insecure context, denied permission): the operator can still reveal and download.
      setState('failed');
    }
  }, []);
  return [state, copy];
}
