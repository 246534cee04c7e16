/**
 * "Sneltoetsen": the page's keyboard shortcuts in a dialog (named by its title, focus
 * inside, Escape closes), opened with ? or the toolbar's button. Who cannot edit sees
 * only the shortcuts that do something for them.
 */
import { For } from 'solid-js';
import { t } from '@i18n';
import { Modal, ModalHeader, useDialogs } from '@map/dialogs';
import { useMap } from '@map/ui-kit';
import { SHORTCUTS } from './shortcut-list';
import './header.css';

export function ShortcutsDialog() {
  const { model } = useMap();
  const dialogs = useDialogs();
  const cap = (key: string) => (key === 'click' ? t().click : key);
  return (
    <Modal open={dialogs.shortcutsOpen()} onClose={() => dialogs.closeShortcuts()} class="shortcuts-dialog" returnFocus>
      <ModalHeader title={t().shortcuts} />
      <table class="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t().shortcutsKeys}</th>
            <th scope="col">{t().shortcutsAction}</th>
          </tr>
        </thead>
        <tbody>
          <For each={SHORTCUTS.filter((s) => model.canEdit || !s.edit)}>
            {(s) => (
              <tr>
                <td>
                  <For each={s.keys}>
                    {(key, i) => (
                      <>
                        {i() > 0 && (s.either ? ' / ' : ' + ')}
                        <kbd>{cap(key)}</kbd>
                      </>
                    )}
                  </For>
                </td>
                <td>{t().shortcutList[s.action]}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="muted">
        {t().shortcutsMac} {t().shortcutsHelp}
      </p>
      <div class="dialog-actions">
        <button type="button" class="btn btn-primary" onClick={() => dialogs.closeShortcuts()}>
          {t().close}
        </button>
      </div>
    </Modal>
  );
}
