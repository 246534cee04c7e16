import { For, Show } from 'solid-js';
import { t } from '@i18n';
import { joinedMaps } from '@sync/session';

export function StartPage() {
  const maps = joinedMaps();
  return (
    <main class="page">
      <h1>{t().appName}</h1>
      <p>{t().tagline}</p>
      <h2>{t().myMaps}</h2>
      <Show when={maps.length} fallback={<p>{t().noMaps}</p>}>
        <ul>
          <For each={maps}>
            {(m) => (
              <li>
                <a href={`/map/${encodeURIComponent(m.mapId)}`}>{m.mapName}</a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  );
}
