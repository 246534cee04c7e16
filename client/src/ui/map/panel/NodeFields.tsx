/** Every field of an item's kind with its value, read-only. */
import { For } from 'solid-js';
import { type GraphNode, NODE_KIND_DEFS } from '../../../../../schema/index.js';
import { loc, t } from '../../../i18n';
import { FieldValueView } from './FieldValueView';

export function NodeFields(props: { node: GraphNode }) {
  const defs = () => NODE_KIND_DEFS[props.node.kind].fields;
  return (
    <dl class="panel-fields" aria-label={t().panel.details}>
      <For each={Object.keys(defs())}>
        {(key) => (
          <div class="panel-field">
            <dt>{loc(defs()[key]!.label)}</dt>
            <dd>
              <FieldValueView def={defs()[key]!} value={props.node.fields[key]} />
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}
