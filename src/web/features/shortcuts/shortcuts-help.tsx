import { ModalDialog } from '@/web/components/modal-dialog';
import '@/web/features/shortcuts/shortcuts-help.css';

interface Shortcut {
  /** The keys pressed one after another. */
  keys: string[];
  does: string;
}

const GROUPS: Array<{ title: string; shortcuts: Shortcut[] }> = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['?'], does: 'Show these shortcuts' },
      { keys: ['g', 'd'], does: 'Go to the device list' },
      { keys: ['g', 't'], does: 'Go to Tasks' },
    ],
  },
  {
    title: 'Device list',
    shortcuts: [
      { keys: ['/'], does: 'Search by name' },
      { keys: ['j'], does: 'Next device' },
      { keys: ['k'], does: 'Previous device' },
      { keys: ['x'], does: 'Select or deselect the device' },
      { keys: ['Enter'], does: 'Open the device' },
    ],
  },
];

/** The keyboard shortcuts, listed; none works while typing in a field or with Ctrl, Alt or Meta held. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {GROUPS.map((group) => (
        <section key={group.title} className="shortcut-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.does}>
                <dt>
                  {shortcut.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' then '}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="cell-muted">Shortcuts do nothing while you type in a field.</p>
    </ModalDialog>
  );
}
