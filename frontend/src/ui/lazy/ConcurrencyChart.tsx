import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConcurrencyCalc } from '../../api';

/** "12 min", "1 min 5 s", "45 s". */
export function fmtWall(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** Axis ticks: minutes once the scale is minutes, so labels stay short. */
function axisTick(max: number) {
  return (v: number) => (max >= 180 ? `${Math.round((v / 60) * 10) / 10} min` : `${Math.round(v)} s`);
}

interface Props {
  calc: ConcurrencyCalc;
  current?: number;
}

/**
 * Review wall time of one PR at each setting. A setting whose calls run out
 * of retries without a Fallback reviews only part of the PR: drawn apart.
 */
export function ConcurrencyChart({ calc, current }: Props) {
  const data = calc.rows.map((r) => ({
    k: r.concurrency,
    complete: r.complete ? r.wallSeconds : null,
    incomplete: r.complete ? null : r.wallSeconds,
    rejected: r.rejected,
    failed: r.failed,
  }));
  const summary =
    `Review time of one PR: ${fmtWall(calc.rows[0].wallSeconds)} at 1` +
    (calc.fastest ? `, fastest ${fmtWall(calc.rows[calc.fastest - 1].wallSeconds)} at ${calc.fastest}` : '') +
    (calc.firstRetryAt ? `; 429s from ${calc.firstRetryAt}` : '');
  return (
    <figure className="chart" data-testid="concurrency-chart" aria-label={summary} data-summary={summary}>
      <LineChart responsive data={data} style={{ width: '100%', height: 220 }} margin={{ left: 4, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="k" stroke="var(--muted)" fontSize={12} label={{ value: 'max concurrent requests', position: 'insideBottom', offset: -2, fontSize: 11, fill: 'var(--muted)' }} height={34} />
        <YAxis tickFormatter={axisTick(Math.max(...calc.rows.map((r) => r.wallSeconds)))} stroke="var(--muted)" fontSize={12} width={64} />
        <Tooltip
          formatter={(v, name) => [fmtWall(Number(v)), name === 'incomplete' ? 'wall time (calls lost)' : 'wall time']}
          labelFormatter={(k) => {
            const r = data[Number(k) - 1];
            return `${k} at once${r && r.rejected ? ` — ${r.rejected} × 429, ${r.failed} failed` : ''}`;
          }}
          contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        {calc.firstRetryAt ? (
          <ReferenceLine x={calc.firstRetryAt} stroke="var(--warn)" strokeDasharray="4 3" label={{ value: '429s start', position: 'insideTopLeft', fontSize: 11, fill: 'var(--warn)' }} />
        ) : null}
        {current ? <ReferenceLine x={current} stroke="var(--accent)" label={{ value: 'setting', position: 'insideBottomLeft', fontSize: 11, fill: 'var(--accent)' }} /> : null}
        <Line dataKey="complete" name="complete" stroke="var(--accent)" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="incomplete" name="incomplete" stroke="var(--err)" strokeWidth={2} strokeDasharray="2 3" dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} />
      </LineChart>
      <figcaption className="hint">
        {summary}.{calc.rows.some((r) => !r.complete) ? ' Dotted red: calls run out of retries and, with no Fallback, their files go unreviewed.' : ''}
      </figcaption>
    </figure>
  );
}
