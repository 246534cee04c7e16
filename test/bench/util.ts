/** Benchmark helpers: timing, medians and a side-by-side table. */
export interface Row {
  what: string;
  ours: number;
  baseline: number;
}

export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const fmt = (n: number) => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2)) : 'n/a');

/** Prints rows as a Markdown table: ours, baseline, and the ratio. */
export function table(title: string, baselineName: string, rows: Row[]): string {
  const lines = [
    `### ${title}`,
    '',
    `| measure | Buurtweb | ${baselineName} | ours / baseline |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.what} | ${fmt(r.ours)} | ${fmt(r.baseline)} | ${fmt(r.ours / r.baseline)}× |`),
    '',
  ];
  return lines.join('\n');
}
