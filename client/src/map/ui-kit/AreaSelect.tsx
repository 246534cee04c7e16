/** A select of the map's areas as a tree (sub-areas indented), with "all areas" first. */
import { Index, createMemo } from 'solid-js';
import { lang } from '@i18n';
import { areaTree, collator, sameOptions } from '@map/shared';
import { useMap } from './map-context';

// Indents sub-areas in the select (option text can't be styled); not read aloud.
const INDENT = '\u00a0\u00a0\u00a0';

export function AreaSelect(props: {
  id?: string;
  value: string | null;
  allLabel: string;
  onChange: (areaId: string | null) => void;
}) {
  const { model } = useMap();
  const areas = createMemo(
    () => {
      model.version();
      const coll = collator(lang());
      return areaTree(model.store, (a, b) => coll.compare(a, b));
    },
    [],
    { equals: sameOptions },
  );
  return (
    <select id={props.id} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
      <option value="" selected={!props.value}>
        {props.allLabel}
      </option>
      <Index each={areas()}>
        {(a) => (
          <option value={a().id} selected={a().id === props.value}>
            {INDENT.repeat(a().depth) + a().label}
          </option>
        )}
      </Index>
    </select>
  );
}
