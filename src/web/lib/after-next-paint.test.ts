import { afterNextPaint, NO_FRAME_MS } from '@/web/lib/after-next-paint';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const settled = (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
};

describe('afterNextPaint', () => {
  it('waits for the next frame, then for the task after it', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const done = settled(afterNextPaint());
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done()).toBe(false);
    frames[0]!(performance.now());
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(done()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done()).toBe(true);
  });

  it('does not wait on a hidden page, which paints no frames', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frame = vi.fn();
    vi.stubGlobal('requestAnimationFrame', frame);
    await afterNextPaint();
    expect(frame).not.toHaveBeenCalled();
  });

  it('gives up waiting for a frame that does not come', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', vi.fn());
    const done = settled(afterNextPaint());
    await vi.advanceTimersByTimeAsync(NO_FRAME_MS - 1);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });
});
