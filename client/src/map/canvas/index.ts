/** The graph canvas (Cytoscape), its legend, and its commands for the toolbar. */
export { GraphCanvas } from './GraphCanvas';
export { Legend } from './Legend';
export { type CanvasCommands, type CanvasState, CanvasProvider, createCanvasState, useCanvas } from './state';
export { TidyConfirm } from './TidyConfirm';
