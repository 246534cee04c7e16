/**
 * The canvas's commands (fit, zoom, tidy up) for the toolbar and the shortcuts: the
 * mounted canvas registers them; before it mounts (and after) they do nothing. "Tidy up"
 * is asked for first (`askTidy`): it runs at once when it moves only the person's own
 * selected items, otherwise once the question (`tidyQuestion`) is answered.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { MapModel } from '@sync/map-model';
import { featureContext } from '@map/ui-kit';
import { type TidyPlan, tidyPlan } from './tidy-plan';

export interface CanvasCommands {
  fit(): void;
  /** Lays out `ids` (default: every item) again: one undo step. */
  tidy(ids?: readonly string[]): void;
  zoomIn(): void;
  zoomOut(): void;
}

export interface CanvasState extends CanvasCommands {
  /** Registers the mounted canvas's commands; returns the function that removes them. */
  attach(commands: CanvasCommands): () => void;
  /** What "tidy up" would move now (the selection of two or more, or everything). */
  tidyScope(): TidyPlan;
  /** "Tidy up" as the toolbar asks for it: at once, or after the question. */
  askTidy(): void;
  /** The tidy-up waiting for an answer, or null. */
  tidyQuestion: Accessor<TidyPlan | null>;
  confirmTidy(): void;
  cancelTidy(): void;
}

export function createCanvasState(model: MapModel): CanvasState {
  let mounted: CanvasCommands | undefined;
  const [question, setQuestion] = createSignal<TidyPlan | null>(null);
  const tidyScope = () =>
    tidyPlan(
      model.nodes().map((n) => ({ id: n.id, createdBy: n.provenance.createdBy?.id })),
      model.selection(),
      model.session.actor.id,
    );
  const run = (plan: TidyPlan) => mounted?.tidy(plan.scope === 'all' ? undefined : plan.ids);
  return {
    fit: () => mounted?.fit(),
    tidy: (ids) => mounted?.tidy(ids),
    zoomIn: () => mounted?.zoomIn(),
    zoomOut: () => mounted?.zoomOut(),
    attach(commands) {
      mounted = commands;
      return () => {
        mounted = undefined;
      };
    },
    tidyScope,
    askTidy() {
      const plan = tidyScope();
      if (!plan.ids.length) return;
      if (plan.ask) setQuestion(plan);
      else run(plan);
    },
    tidyQuestion: question,
    confirmTidy() {
      const plan = question();
      setQuestion(null);
      if (plan) run(plan);
    },
    cancelTidy: () => setQuestion(null),
  };
}

const context = featureContext<CanvasState>('useCanvas()');
export const CanvasProvider = context.Provider;
export const useCanvas = context.use;
