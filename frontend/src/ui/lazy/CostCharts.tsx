import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostRow } from '../../api';
import { rowLabel } from '../../lib/costLabels';
import { num, usd } from '../../lib/money';

const PARTS = [
  { key: 'input', label: 'Input', color: '#5b8def' },
  { key: 'cached', label: 'Cached input', color: '#4cb38a' },
  { key: 'output', label: 'Output', color: '#f0a24b' },
  { key: 'reasoning', label: 'Reasoning', color: '#b07cf0' },
] as const;

const LINE_COLORS = ['#5b4dd6', '#e5534b', '#2f9e6e', '#d4a017', '#1d7fd8', '#c2549d', '#6b7d1f', '#8a5a00'];
const LEVEL_LABEL: Record<string, string> = { off: 'Off', low: 'Low', medium: 'Medium', high: 'High' };
const LEVEL_LINES = 8;

const money = (v: unknown) => usd(String(v));
const axisMoney = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

/** Monthly cost per model, stacked by what it pays for. */
export function StackedCostChart({ rows }: { rows: CostRow[] }) {
  const data = rows
    .filter((r) => r.breakdown)
    .map((r) => {
      const m = r.breakdown!.perMonth;
      return {
        name: rowLabel(r),
        input: num(m.input) + num(m.cacheWrite),
        cached: num(m.cachedInput),
        output: num(m.output),
        reasoning: num(m.reasoning),
        total: num(m.total),
      };
    });
  if (data.length === 0) return <p className="muted">No model here has a per-token price to chart.</p>;
  const summary = data.map((d) => `${d.name} ${usd(String(d.total))}`).join(', ');
  return (
    <figure className="chart" data-testid="cost-chart" aria-label={`Monthly cost by model: ${summary}`} data-summary={summary}>
      <BarChart responsive layout="vertical" data={data} style={{ width: '100%', height: 60 + data.length * 34 }} margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border)" />
        <XAxis type="number" tickFormatter={axisMoney} stroke="var(--muted)" fontSize={12} />
        <YAxis type="category" dataKey="name" width={220} stroke="var(--muted)" fontSize={12} />
        <Tooltip formatter={money} contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }} />
        <Legend itemSorter={null} />
        {PARTS.map((p) => (
          <Bar key={p.key} dataKey={p.key} name={p.label} stackId="month" fill={p.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}

/** Monthly cost at each thinking level, one line per model. */
export function LevelChart({ rows }: { rows: CostRow[] }) {
  const shown = rows.filter((r) => r.levels?.some((l) => l.perMonth)).slice(0, LEVEL_LINES);
  if (shown.length === 0) return <p className="muted">No model here has a per-token price to chart.</p>;
  const data = ['off', 'low', 'medium', 'high'].map((level) => {
    const point: Record<string, number | string> = { level: LEVEL_LABEL[level] };
    shown.forEach((r, i) => {
      const l = r.levels?.find((x) => x.thinking === level);
      if (l?.perMonth) point[`m${i}`] = num(l.perMonth);
    });
    return point;
  });
  const more = rows.filter((r) => r.levels?.some((l) => l.perMonth)).length - shown.length;
  return (
    <figure className="chart" data-testid="level-chart" aria-label="Monthly cost by thinking level">
      <LineChart responsive data={data} style={{ width: '100%', height: 300 }} margin={{ left: 8, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="level" stroke="var(--muted)" fontSize={12} />
        <YAxis tickFormatter={axisMoney} stroke="var(--muted)" fontSize={12} width={80} />
        <Tooltip formatter={money} contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }} />
        <Legend itemSorter={null} />
        {shown.map((r, i) => (
          <Line key={`${r.model}@${r.plan}@${r.slot}`} dataKey={`m${i}`} name={rowLabel(r)} stroke={LINE_COLORS[i % LINE_COLORS.length]} strokeWidth={2} dot isAnimationActive={false} />
        ))}
      </LineChart>
      {more > 0 && (
        <figcaption className="hint">
          The {shown.length} cheapest models are drawn; {more} more are in the table.
        </figcaption>
      )}
    </figure>
  );
}
