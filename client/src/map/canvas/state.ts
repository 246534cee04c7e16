/**
 * The canvas's commands (fit, zoom, tidy up) for the toolbar and the shortcuts: the
 * mounted canvas registers them; before it mounts (and after) they do nothing.
 */
import { featureContext } from '@map/ui-kit';

export interface CanvasCommands {
  fit(): void;
  tidy(): void;
  zoomIn(): void;
  zoomOut(): void;
}

export interface CanvasState extends CanvasCommands {
  /** Registers the mounted canvas's commands; returns the function that removes them. */
  attach(commands: CanvasCommands): () => void;
}

export function createCanvasState(): CanvasState {
  let mounted: CanvasCommands | undefined;
  return {
    fit: () => mounted?.fit(),
    tidy: () => mounted?.tidy(),
    zoomIn: () => mounted?.zoomIn(),
    zoomOut: () => mounted?.zoomOut(),
    attach(commands) {
      mounted = commands;
      return () => {
        mounted = undefined;
      };
    },
  };
}

const context = featureContext<CanvasState>('useCanvas()');
export const CanvasProvider = context.Provider;
export const useCanvas = context.use;
