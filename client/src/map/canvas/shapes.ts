/**
 * The node shapes as SVG for the legend, built the way Cytoscape builds them
 * (regular polygons stretched to fill their square), so the legend matches the map.
 */
import type { NodeShape } from './kind-style';

/** Regular n-gon on the unit square, pointing up like Cytoscape's. */
function ngon(sides: number): number[] {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) pts.push(Math.cos(start + i * step), -Math.sin(start + i * step));
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const scaled = pts.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...scaled.filter((_, i) => i % 2 === 1));
  return scaled.map((v, i) => (i % 2 === 1 && minY < -1 ? v + (-1 - minY) : v));
}

/** Unit-square polygon points, or null for shapes drawn as SVG primitives. */
export function shapePoints(shape: NodeShape): number[] | null {
  switch (shape) {
    case 'ellipse':
    case 'round-rectangle':
      return null;
    case 'round-diamond':
      return [0, -1, 1, 0, 0, 1, -1, 0];
    case 'round-triangle':
      return ngon(3);
    case 'round-hexagon':
      return ngon(6);
    case 'round-tag':
      return [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1];
  }
}

/** An SVG `points` attribute for a polygon of `size` centred at (cx, cy). */
export function svgPoints(points: number[], cx: number, cy: number, size: number): string {
  const out: string[] = [];
  for (let i = 0; i < points.length; i += 2) {
    out.push(`${(cx + (points[i]! * size) / 2).toFixed(2)},${(cy + (points[i + 1]! * size) / 2).toFixed(2)}`);
  }
  return out.join(' ');
}
