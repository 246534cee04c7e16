/**
 * The map's name, who you are, the connection state, who else is here, (owners) the
 * settings, removing the map from this device and the app's language switch.
 */
import { type Component, For, Show } from 'solid-js';
import { fmt, t } from '@i18n';
import { useDialogs } from '@map/dialogs';
import { RemoveFromDevice } from '@map/privacy';
import { useMap } from '@map/ui-kit';
import './header.css';

export interface HeaderProps {
  /** Leaves the map page (after "remove from this device"). */
  onLeave: () => void;
  /** The app's language switch, shown at the end of the header. */
  languageSwitch: Component;
}

export function Header(props: HeaderProps) {
  const { model } = useMap();
  const dialogs = useDialogs();
  const LanguageSwitch = props.languageSwitch;
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
        <button type="button" class="btn header-settings" onClick={() => dialogs.openSettings()}>
          {t().review.settings}
        </button>
      </Show>
      <RemoveFromDevice onLeave={props.onLeave} />
      <LanguageSwitch />
    </header>
  );
}
