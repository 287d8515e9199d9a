import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@/web/test-support/render';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionActivityQuery, MINUTE_MS } from '@/web/api/connection-activity';
import { ActivityChart } from '@/web/features/devices/fleet-summary/activity-chart';

const NOW = Date.UTC(2026, 11, 4, 18, 30, 20);
const THIS_MINUTE = NOW - (NOW % MINUTE_MS);

function renderWith(minutes: Array<{ minute: number; connected: number; disconnected: number }>) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(connectionActivityQuery().queryKey, { minutes });
  return render(
    <QueryClientProvider client={client}>
      <ActivityChart />
    </QueryClientProvider>,
  );
}

describe('ActivityChart', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('totals the last hour in words and draws a bar up for each minute’s connections and down for its disconnections', () => {
    const { container } = renderWith([
      { minute: THIS_MINUTE - 59 * MINUTE_MS, connected: 4, disconnected: 0 },
      { minute: THIS_MINUTE - 60 * MINUTE_MS, connected: 100, disconnected: 100 },
      { minute: THIS_MINUTE, connected: 2, disconnected: 1 },
    ]);
    const group = screen.getByRole('group', { name: 'Activity, last hour' });
    expect(group).toHaveTextContent('6 connections');
    expect(group).toHaveTextContent('1 disconnection');
    const titles = [...container.querySelectorAll('title')].map((t) => t.textContent);
    expect(titles).toHaveLength(60);
    expect(titles.at(-1)).toBe('18:30: 2 connected, 1 disconnected');
    // The tallest bar (4 connections) reaches the top; a minute without sessions draws nothing.
    const bars = [...container.querySelectorAll('rect.activity-bar')].map((r) => Number(r.getAttribute('height')));
    expect(bars[0]).toBe(26);
    expect(bars[2]).toBe(0);
  });

  it('moves the hour on as a minute begins, with no call', () => {
    renderWith([{ minute: THIS_MINUTE - 59 * MINUTE_MS, connected: 4, disconnected: 0 }]);
    expect(screen.getByRole('group', { name: 'Activity, last hour' })).toHaveTextContent('4 connections');
    act(() => vi.advanceTimersByTime(MINUTE_MS));
    expect(screen.getByRole('group', { name: 'Activity, last hour' })).toHaveTextContent('0 connections');
  });

  it('ends the hour at the service’s latest minute when the browser’s clock is behind it', () => {
    const { container } = renderWith([{ minute: THIS_MINUTE + MINUTE_MS, connected: 3, disconnected: 0 }]);
    expect(screen.getByRole('group', { name: 'Activity, last hour' })).toHaveTextContent('3 connections');
    expect([...container.querySelectorAll('title')].at(-1)!.textContent).toBe('18:31: 3 connected, 0 disconnected');
  });
});
