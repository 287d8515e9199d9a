import { useState } from 'react';

type Markers = ReadonlyArray<string | undefined>;

/**
 * IoTDA pages by marker (the last id of the page before), which cannot be computed backwards: the
 * markers of the pages passed are kept, so Previous goes back. A new `resetKey` (another filter)
 * starts again at the first page.
 */
export function useMarkerPages(resetKey = '') {
  const [state, setState] = useState<{ key: string; markers: Markers }>({ key: resetKey, markers: [undefined] });
  const markers: Markers = state.key === resetKey ? state.markers : [undefined];
  const index = markers.length - 1;
  return {
    marker: markers[index],
    /** The page's place, 0 for the first. */
    index,
    next: (marker: string) => setState({ key: resetKey, markers: [...markers, marker] }),
    previous: () => setState({ key: resetKey, markers: index > 0 ? markers.slice(0, -1) : markers }),
  };
}
