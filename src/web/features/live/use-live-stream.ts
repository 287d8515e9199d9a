import { useQueryClient } from '@tanstack/react-query';
import type { EventSourceMessage } from 'eventsource-parser';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { batchTaskKeys } from '@/web/api/batch-task-keys';
import { readEventStream, type StreamState } from '@/web/api/event-stream';
import { applyStreamEvents } from '@/web/features/live/apply-stream-events';

export type LiveState = StreamState | 'paused';

const subscribeVisibility = (notify: () => void) => {
  document.addEventListener('visibilitychange', notify);
  return () => document.removeEventListener('visibilitychange', notify);
};
const isHidden = () => document.visibilityState === 'hidden';

/**
 * The tab's one event stream, held by the shell: events wait for the next frame and are applied
 * together, so a burst of changes is one render. Paused by the operator or while the tab is
 * hidden; on return it resumes from the last event it applied and catches up.
 */
export function useLiveStream(): { state: LiveState; paused: boolean; setPaused: (paused: boolean) => void } {
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);
  const hidden = useSyncExternalStore(subscribeVisibility, isHidden);
  const [state, setState] = useState<StreamState>('connecting');
  const lastEventId = useRef<string | undefined>(undefined);
  const everLive = useRef(false);

  useEffect(() => {
    if (paused || hidden) return;
    const controller = new AbortController();
    let queue: EventSourceMessage[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = queue;
      queue = [];
      applyStreamEvents(queryClient, batch);
    };
    const onEvent = (event: EventSourceMessage) => {
      if (event.id) lastEventId.current = event.id;
      queue.push(event);
      frame ||= requestAnimationFrame(flush);
    };
    const onState = (next: StreamState) => {
      // A reopened stream resumes the devices' changes but tells only tasks changed in its last seconds: those that ended meanwhile are read again.
      if (next === 'live' && everLive.current) void queryClient.invalidateQueries({ queryKey: batchTaskKeys.all() });
      if (next === 'live') everLive.current = true;
      setState(next);
    };
    void readEventStream({ onEvent, onState }, controller.signal, lastEventId.current);
    return () => {
      controller.abort();
      cancelAnimationFrame(frame);
      if (queue.length > 0) flush();
    };
  }, [paused, hidden, queryClient]);

  return { state: paused || hidden ? 'paused' : state, paused, setPaused };
}
