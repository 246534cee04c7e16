/** The map's name, who you are, the connection state, who else is here, and (owners) the settings. */
import { For, Show } from 'solid-js';
import { fmt, t } from '@i18n';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useMap } from '@map/context';
import { RemoveFromDevice } from '@map/privacy/RemoveFromDevice';

export function Header() {
  const ui = useMap();
  const { model } = ui;
  const others = () => {
    const n = model.peers().length;
    return n === 0 ? t().nobodyElse : n === 1 ? t().oneOtherHere : fmt(t().othersHere, { n });
  };
  return (
    <header class="map-header">
      <a class="brand" href="/">
        {t().appName}
      </a>
      <h1>{model.mapName()}</h1>
      <span class="whoami">
        {fmt(t().loggedInAs, { name: model.session.actor.name, role: t().roles[model.session.role] })}
      </span>
      <ul class="presence" aria-label={t().presence}>
        <For each={model.peers()}>
          {(p) => (
            <li class="peer" style={{ '--peer-color': p.color }} title={p.name}>
              <span class="peer-dot" aria-hidden="true" />
              {p.name}
            </li>
          )}
        </For>
      </ul>
      <span role="status" aria-label={t().status} class={`status status-${model.status()}`}>
        {t()[model.status()]} · {others()}
      </span>
      <Show when={model.rules.maySetSettings}>
        <button type="button" class="btn header-settings" onClick={() => ui.openSettings()}>
          {t().review.settings}
        </button>
      </Show>
      <RemoveFromDevice />
      <LanguageSwitch />
    </header>
  );
}
