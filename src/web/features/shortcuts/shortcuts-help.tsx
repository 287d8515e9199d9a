import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { ModalDialog } from '@/web/components/modal-dialog';
import '@/web/features/shortcuts/shortcuts-help.css';

// A key's name as the keyboard prints it, in every language.
const ENTER_KEY = 'Enter';

interface Shortcut {
  /** The key, or the two keys pressed one after the other. */
  keys: readonly [string] | readonly [string, string];
  does: MessageDescriptor;
}

const GROUPS: Array<{ title: MessageDescriptor; shortcuts: Shortcut[] }> = [
  {
    title: msg`Anywhere`,
    shortcuts: [
      { keys: ['?'], does: msg`Show these shortcuts` },
      { keys: ['g', 'd'], does: msg`Go to the device list` },
      { keys: ['g', 't'], does: msg`Go to Tasks` },
    ],
  },
  {
    title: msg`Device list`,
    shortcuts: [
      { keys: ['/'], does: msg`Search by name` },
      { keys: ['j'], does: msg`Next device` },
      { keys: ['k'], does: msg`Previous device` },
      { keys: ['x'], does: msg`Select or deselect the device` },
      { keys: [ENTER_KEY], does: msg`Open the device` },
    ],
  },
];

function Keys({ keys }: Pick<Shortcut, 'keys'>) {
  if (keys.length === 1) return <kbd>{keys[0]}</kbd>;
  const [first, second] = keys;
  return (
    <Trans>
      <kbd>{first}</kbd> then <kbd>{second}</kbd>
    </Trans>
  );
}

/** The keyboard shortcuts, listed; none works while typing in a field or with Ctrl, Alt or Meta held. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useLingui();
  return (
    <ModalDialog
      title={t`Keyboard shortcuts`}
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          <Trans>Close</Trans>
        </button>
      }
    >
      {GROUPS.map((group) => {
        const title = i18n._(group.title);
        return (
          <section key={group.title.id} className="shortcut-group" aria-label={title}>
            <h3>{title}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.keys.join(' ')}>
                  <dt>
                    <Keys keys={shortcut.keys} />
                  </dt>
                  <dd>{i18n._(shortcut.does)}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <p className="cell-muted">
        <Trans>Shortcuts do nothing while you type in a field.</Trans>
      </p>
    </ModalDialog>
  );
}
