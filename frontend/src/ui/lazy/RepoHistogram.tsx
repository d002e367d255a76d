import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { RepoReport } from '../../api';
import { tokens } from '../../lib/money';

function binLabel(from: number, to: number): string {
  return to ? `${tokens(from)}–${tokens(to)}` : `${tokens(from)}+`;
}

/** Change sizes in tokens, bucketed in Go (1-2-5 steps). */
export function SizeHistogram({ report }: { report: RepoReport }) {
  const data = report.scan.histogram.map((b) => ({ bin: binLabel(b.from, b.to), count: b.count }));
  const summary = data.map((d) => `${d.bin}: ${d.count}`).join(', ');
  return (
    <figure className="chart" data-testid="size-histogram" aria-label={`Changes by size in tokens: ${summary}`} data-summary={summary}>
      <BarChart responsive data={data} style={{ width: '100%', height: 260 }} margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
        <XAxis dataKey="bin" stroke="var(--muted)" fontSize={12} />
        <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={12} width={48} />
        <Tooltip formatter={(v) => [`${String(v)} changes`, 'Count']} contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }} />
        <Bar dataKey="count" name="Changes" fill="#5b8def" isAnimationActive={false} />
      </BarChart>
      <figcaption className="hint">Tokens of what the reviewer reads per change: every reviewed file’s diff with its context.</figcaption>
    </figure>
  );
}
