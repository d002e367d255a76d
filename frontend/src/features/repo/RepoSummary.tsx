import { useState } from 'react';
import type { CostRow, RepoReport } from '../../api';
import { tokens, usd } from '../../lib/money';
import { rowLabel } from '../../lib/costLabels';

const SKIP_LABEL: Record<string, string> = {
  ignored: 'ignored by the list',
  binary: 'binary',
  generated: 'marked generated',
  large: 'over 1 MiB',
  deleted: 'deleted',
  unchanged: 'renamed or mode change only',
  unreadable: 'not on disk (a partial or damaged clone; git fetch --refetch restores them)',
};

/** What the window holds: counts, sizes, what was left out and why. */
export function RepoSummary({ report }: { report: RepoReport }) {
  const s = report.scan;
  const unit = s.unit === 'merge' ? 'merges' : 'commits';
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0);
  return (
    <div className="panel stack" data-testid="repo-summary">
      <h2>
        {s.changes.toLocaleString('en-US')} {unit} on {s.branch}
      </h2>
      {s.caveat && (
        <div className="alert alert-warn small" data-testid="repo-caveat">
          {s.caveat}
        </div>
      )}
      <div className="grid-2">
        <div className="kv">
          <span className="muted small">Changes a month</span>
          <strong data-testid="repo-per-month">{s.perMonth.toLocaleString('en-US', { maximumFractionDigits: 1 })}</strong>
        </div>
        <div className="kv">
          <span className="muted small">Median change</span>
          <strong data-testid="repo-median">{tokens(s.medianTokens)} tokens</strong>
        </div>
        <div className="kv">
          <span className="muted small">90th percentile</span>
          <strong data-testid="repo-p90">{tokens(s.p90Tokens)} tokens</strong>
        </div>
        <div className="kv">
          <span className="muted small">Largest</span>
          <strong>{tokens(s.maxTokens)} tokens</strong>
        </div>
      </div>
      <ul className="notes small">
        <li>
          {s.path}, {s.from} to {s.to} ({s.days} days; window: {s.since ? `last ${s.since}` : `last ${s.last} changes`}); median {s.medianFiles} reviewed files a change. Read in{' '}
          {(s.elapsedMs / 1000).toFixed(1)} s.
        </li>
        <li>
          {s.unit === 'merge'
            ? `Each merge is one reviewed pull request, diffed against the branch it landed on${s.directCommits ? `; ${s.directCommits} commits made directly on the branch are not counted` : ''}.`
            : 'The branch has no merges in the window (squash or rebase merging): each commit is one review.'}
        </li>
        {s.notReviewed > 0 && <li>{s.notReviewed} changes touch only skipped files: nothing to review.</li>}
        {skipped.length > 0 && <li>Files skipped: {skipped.map(([k, n]) => `${n} ${SKIP_LABEL[k] ?? k}`).join(', ')}.</li>}
        <li>
          Each reviewed file is one call of {report.calls.filePromptTokens.toLocaleString('en-US')} fixed prompt tokens plus its diff (a diff over {tokens(report.calls.chunkTokens)} tokens is split
          into more calls), plus the extra calls per PR. {report.tokenizerNote}
        </li>
      </ul>
    </div>
  );
}

/** The changes that drive the cost, with their cost at a chosen model. */
export function BiggestChanges({ report, rows }: { report: RepoReport; rows: CostRow[] }) {
  const priced = rows.filter((r) => r.status === 'priced');
  const [key, setKey] = useState('');
  const chosen = priced.find((r) => `${r.slot}/${r.model}/${r.plan}` === key) ?? priced[0];
  if (report.biggest.length === 0) return null;
  return (
    <div className="panel table-panel">
      <div className="row spread">
        <h2>Biggest changes</h2>
        {priced.length > 0 && (
          <label className="row small">
            Cost with
            <select className="input input-inline" value={chosen ? `${chosen.slot}/${chosen.model}/${chosen.plan}` : ''} onChange={(e) => setKey(e.target.value)}>
              {priced.map((r) => (
                <option key={`${r.slot}/${r.model}/${r.plan}`} value={`${r.slot}/${r.model}/${r.plan}`}>
                  {rowLabel(r)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <table className="table" data-testid="biggest-changes">
        <thead>
          <tr>
            <th>Change</th>
            <th>Date</th>
            <th className="num">Files</th>
            <th className="num">Tokens</th>
            <th className="num">Share of tokens</th>
            {chosen && <th className="num">Review cost</th>}
          </tr>
        </thead>
        <tbody>
          {report.biggest.map((b) => {
            const c = chosen && b.costs.find((x) => x.model === chosen.model && (x.plan ?? '') === (chosen.plan ?? '') && (x.slot ?? '') === (chosen.slot ?? ''));
            return (
              <tr key={b.hash}>
                <th scope="row">
                  <code>{b.hash.slice(0, 7)}</code> <span>{b.subject}</span>
                </th>
                <td>{b.when}</td>
                <td className="num">{b.files}</td>
                <td className="num">{tokens(b.tokens)}</td>
                <td className="num">{(b.share * 100).toFixed(1)}%</td>
                {chosen && <td className="num">{usd(c?.cost, 4)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
