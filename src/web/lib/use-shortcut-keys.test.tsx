import { fireEvent, render, renderHook } from '@/web/test-support/render';
import { useShortcutKeys } from '@/web/lib/use-shortcut-keys';

function bind() {
  const ran = { j: vi.fn(), goDevices: vi.fn() };
  renderHook(() => useShortcutKeys({ j: ran.j, 'g d': ran.goDevices }));
  return ran;
}

/** Presses `key` on `target`; answers whether the key's default action was left to the browser. */
const press = (key: string, target: Element = document.body, init: KeyboardEventInit = {}) => fireEvent.keyDown(target, { key, ...init });

afterEach(() => vi.useRealTimers());

it('runs a bound key pressed in the page, in place of its default action', () => {
  const ran = bind();
  expect(press('j')).toBe(false);
  expect(ran.j).toHaveBeenCalledTimes(1);
  expect(press('q')).toBe(true);
});

it('ignores keys typed into a text field, a select or an editable element', () => {
  const ran = bind();
  const { container } = render(
    <>
      <input aria-label="Name" />
      <input type="search" aria-label="Search" />
      <textarea aria-label="Note" />
      <select aria-label="Type">
        <option>a</option>
      </select>
      <div contentEditable suppressContentEditableWarning>
        <b>text</b>
      </div>
    </>,
  );
  for (const field of container.querySelectorAll('input, textarea, select, b')) expect(press('j', field)).toBe(true);
  expect(ran.j).not.toHaveBeenCalled();
});

it('still runs from a checkbox, which takes no text', () => {
  const ran = bind();
  const { getByRole } = render(<input type="checkbox" aria-label="Select pump-1" />);
  press('j', getByRole('checkbox'));
  expect(ran.j).toHaveBeenCalledTimes(1);
});

it('leaves chords with Ctrl, Meta or Alt to the browser', () => {
  const ran = bind();
  for (const modifier of ['ctrlKey', 'metaKey', 'altKey']) expect(press('j', document.body, { [modifier]: true })).toBe(true);
  expect(ran.j).not.toHaveBeenCalled();
});

it('does nothing while a modal dialog is open', () => {
  const ran = bind();
  const { unmount } = render(<dialog open>Freeze 3 devices?</dialog>);
  press('j');
  expect(ran.j).not.toHaveBeenCalled();
  unmount();
  press('j');
  expect(ran.j).toHaveBeenCalledTimes(1);
});

it('runs a sequence when its second key follows the first soon enough, and once', () => {
  vi.useFakeTimers();
  const ran = bind();
  press('d');
  expect(ran.goDevices).not.toHaveBeenCalled();
  press('g');
  expect(press('d')).toBe(false);
  press('d');
  expect(ran.goDevices).toHaveBeenCalledTimes(1);

  press('g');
  vi.advanceTimersByTime(2_000);
  press('d');
  expect(ran.goDevices).toHaveBeenCalledTimes(1);
});
