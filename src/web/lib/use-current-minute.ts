import { useEffect, useState } from 'react';

export const MINUTE_MS = 60_000;
const minuteOf = (ms: number) => ms - (ms % MINUTE_MS);

/** The start of the current minute (ms since the epoch), rendered again as each minute begins. */
export function useCurrentMinute(): number {
  const [minute, setMinute] = useState(() => minuteOf(Date.now()));
  useEffect(() => {
    const timer = setTimeout(() => setMinute(minuteOf(Date.now())), minute + MINUTE_MS - Date.now());
    return () => clearTimeout(timer);
  }, [minute]);
  return minute;
}
