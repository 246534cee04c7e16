/** The canvas look: one per kind, arrows only where the schema has a direction; presence colours. */
import { describe, expect, it } from 'vitest';
import { EDGE_KINDS, EDGE_KIND_DEFS, NODE_KINDS } from '../../schema/index.js';
import { EDGE_LOOK, NODE_LOOK, iconUri } from '@map/canvas/kind-style';
import { peerColours } from '@map/canvas/presence';
import { shapePoints } from '@map/canvas/shapes';
import { stylesheet } from '@map/canvas/style';

type Block = { selector: string; style: Record<string, unknown> };
const blocks = () => stylesheet() as unknown as Block[];
const styleOf = (selector: string) => blocks().find((b) => b.selector === selector)?.style;

describe('canvas style', () => {
  it('gives every node kind its own shape, colour and pictogram', () => {
    const shapes = new Set(NODE_KINDS.map((k) => NODE_LOOK[k].shape));
    const colours = new Set(NODE_KINDS.map((k) => NODE_LOOK[k].color));
    const icons = new Set(NODE_KINDS.map((k) => iconUri(k)));
    expect(shapes.size).toBe(NODE_KINDS.length);
    expect(colours.size).toBe(NODE_KINDS.length);
    expect(icons.size).toBe(NODE_KINDS.length);
    for (const k of NODE_KINDS) {
      const s = styleOf(`node[kind = "${k}"]`)!;
      expect(s.shape).toBe(NODE_LOOK[k].shape);
      expect(String(s['background-image'])).toMatch(/^data:image\/svg\+xml;utf8,/);
    }
  });

  it('draws arrows on directed links and none on knows / collaborates with', () => {
    for (const k of EDGE_KINDS) {
      const s = styleOf(`edge[kind = "${k}"]`)!;
      if (EDGE_KIND_DEFS[k].symmetric) expect(s['target-arrow-shape']).toBe('none');
      else expect(s['target-arrow-shape']).not.toBe('none');
    }
    expect(styleOf('edge[kind = "knows"]')!['target-arrow-shape']).toBe('none');
    expect(styleOf('edge[kind = "collaborates_with"]')!['target-arrow-shape']).toBe('none');
  });

  it('keeps dashed lines for proposals only', () => {
    for (const k of EDGE_KINDS) expect(EDGE_LOOK[k].line).not.toBe('dashed');
    expect(styleOf('edge[?proposed]')!['line-style']).toBe('dashed');
    expect(styleOf('node[?proposed]')!['border-style']).toBe('dashed');
  });

  it('hides labels when they would be too small to read', () => {
    expect(Number(styleOf('node')!['min-zoomed-font-size'])).toBeGreaterThanOrEqual(6);
  });

  it('has legend polygons inside the unit square', () => {
    for (const k of NODE_KINDS) {
      const pts = shapePoints(NODE_LOOK[k].shape);
      for (const v of pts ?? []) expect(Math.abs(v)).toBeLessThanOrEqual(1.0001);
    }
  });
});

describe('peer colours', () => {
  it('lists, per item, the colours of the people who selected it, in a stable order', () => {
    const m = peerColours([
      { clientId: 9, color: '#bb0000', selection: ['a', 'b'] },
      { clientId: 3, color: '#00bb00', selection: ['b'] },
    ]);
    expect(m.get('a')).toEqual(['#bb0000']);
    expect(m.get('b')).toEqual(['#00bb00', '#bb0000']);
    expect(m.has('c')).toBe(false);
  });
});
