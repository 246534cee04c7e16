/**
 * The open map every feature works on: the model (the derived graph, the actions, the
 * selection, presence) and the one way to jump to an item, which selects it and asks
 * every view (the list, the canvas) to bring it into view. Created by the map page;
 * components read it with useMap().
 */
import { type Accessor, createSignal } from 'solid-js';
import type { MapModel } from '@sync/map-model';
import { featureContext } from './feature-context';

export interface FocusRequest {
  id: string;
  seq: number;
}

export interface MapCore {
  model: MapModel;
  /** Selects one item and asks every view to bring it into view. */
  focus(id: string): void;
  /** The latest focus request (seq grows with each), for views to follow. */
  focusRequest: Accessor<FocusRequest | null>;
}

export function createMapCore(model: MapModel): MapCore {
  const [focusRequest, setFocusRequest] = createSignal<FocusRequest | null>(null);
  let seq = 0;
  return {
    model,
    focus(id) {
      model.setSelection([id]);
      setFocusRequest({ id, seq: ++seq });
    },
    focusRequest,
  };
}

const context = featureContext<MapCore>('useMap()');
export const MapProvider = context.Provider;
export const useMap = context.use;
