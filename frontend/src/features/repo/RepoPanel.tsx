import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useApi, type FieldError, type RepoDefaults, type RepoProgress, type RepoScanRequest, type RepoScanResult } from '../../api';
import { describedBy, Field } from '../../ui/Field';
import { errorText } from '../../lib/errorText';

type WindowKind = 'days' | 'last';

const CONTEXT = [
  { id: '3', label: '3 lines (GitHub’s patch)' },
  { id: '10', label: '10 lines' },
  { id: '-1', label: 'The whole file' },
];

function progressText(p: RepoProgress | null): string {
  if (!p) return 'Opening the repository…';
  if (p.phase === 'history') return `Reading history: ${p.commits.toLocaleString('en-US')} commits`;
  return `Measuring changes: ${p.measured.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
}

/**
 * "Use my repository": a folder (picked or typed), a window, the ignore list;
 * the scan runs in Go with progress and a Cancel button, and its result is
 * handed to the Cost view to price.
 */
export function RepoPanel({ onScanned }: { onScanned: (res: RepoScanResult | null) => void }) {
  const api = useApi();
  const [defaults, setDefaults] = useState<RepoDefaults | null>(null);
  const [dir, setDir] = useState('');
  const [branch, setBranch] = useState('');
  const [kind, setKind] = useState<WindowKind>('days');
  const [days, setDays] = useState('90');
  const [last, setLast] = useState('200');
  const [context, setContext] = useState('3');
  const [ignore, setIgnore] = useState('');
  const [ignoreNote, setIgnoreNote] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RepoProgress | null>(null);
  const [error, setError] = useState('');
  const [stopped, setStopped] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const runningRef = useRef(false);

  const loadDefaults = () =>
    api.repoDefaults().then(
      (d) => {
        setDefaults(d);
        setDays(String(d.sinceDays));
        setLast(String(d.last));
        setContext(String(d.contextLines));
        setIgnore(d.ignore.lines.join('\n'));
      },
      (e) => setError(errorText(e)),
    );
  const loadOnOpen = useEffectEvent(() => void loadDefaults());
  useEffect(() => {
    loadOnOpen();
    return api.onRepoProgress((p) => runningRef.current && setProgress(p));
  }, [api]);

  const errs = (fes: FieldError[]) => Object.fromEntries(fes.map((f) => [f.field, f.rule]));
  const ignoreLines = () => ignore.split('\n');

  const scan = async () => {
    const n = Number(kind === 'days' ? days : last);
    const local: Record<string, string> = {};
    if (!dir.trim()) local.dir = 'choose or type the folder of a git repository';
    if (!/^\s*\d+\s*$/.test(kind === 'days' ? days : last) || n < 1) local[kind === 'days' ? 'since' : 'last'] = 'must be a whole number of at least 1';
    setFieldErrors(local);
    if (Object.keys(local).length) return;
    const req: RepoScanRequest = {
      dir: dir.trim(),
      branch: branch.trim(),
      sinceDays: kind === 'days' ? n : 0,
      last: kind === 'last' ? n : 0,
      ignore: ignoreLines(),
      contextLines: Number(context),
    };
    setError('');
    setStopped(false);
    setProgress(null);
    setRunning(true);
    runningRef.current = true;
    try {
      const res = await api.scanRepo(req);
      if (res.fieldErrors.length) {
        setFieldErrors(errs(res.fieldErrors));
      } else {
        onScanned(res);
      }
    } catch (e) {
      const msg = errorText(e);
      if (msg.includes('stopped')) setStopped(true);
      else setError(msg);
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  };

  const pick = async () => {
    try {
      const d = await api.pickRepoFolder();
      if (d) setDir(d);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const saveIgnore = async (lines: string[]) => {
    const fes = await api.saveRepoIgnore(lines);
    setFieldErrors(errs(fes));
    if (fes.length === 0) {
      setIgnoreNote(lines.length ? 'Saved: used for every scan from now on.' : 'Back to the default list.');
      if (!lines.length) await loadDefaults();
    }
  };

  const total = progress?.phase === 'measure' ? progress.total : 0;
  return (
    <form
      className="panel stack"
      aria-label="Use my repository"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void scan();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && running) void api.cancelRepoScan();
      }}
    >
      <div>
        <h2>Use my repository</h2>
        <p className="hint">Your own history, read on this machine: each merge (or each commit, when the branch has no merges) is one review. Nothing leaves the computer.</p>
      </div>
      <div className="row field-row repo-pick">
        <div className="row-fill">
          <Field id="repo-dir" label="Repository folder" field="dir" error={fieldErrors.dir} hint="a checkout, a sub-folder of one, a worktree or a bare repository">
            <input id="repo-dir" className="input" placeholder="/home/me/src/my-service" value={dir} onChange={(e) => setDir(e.target.value)} {...describedBy('repo-dir', fieldErrors.dir)} />
          </Field>
        </div>
        <button type="button" className="btn btn-beside-hint" onClick={() => void pick()} disabled={running}>
          Choose folder…
        </button>
      </div>
      <div className="grid-4">
        <Field id="repo-branch" label="Branch" field="branch" hint="empty: the checked-out branch">
          <input id="repo-branch" className="input" placeholder="main" value={branch} onChange={(e) => setBranch(e.target.value)} />
        </Field>
        <div className="field">
          <span className="label" id="repo-window-label">
            Window
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="repo-window-label">
            {(['days', 'last'] as const).map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => setKind(k)}>
                {k === 'days' ? 'Last days' : 'Last changes'}
              </button>
            ))}
          </div>
        </div>
        {kind === 'days' ? (
          <Field id="repo-days" label="Days" field="since" error={fieldErrors.since} hint="changes newer than this">
            <input id="repo-days" className="input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} {...describedBy('repo-days', fieldErrors.since)} />
          </Field>
        ) : (
          <Field id="repo-last" label="Changes" field="last" error={fieldErrors.last} hint="the newest merges or commits">
            <input id="repo-last" className="input" inputMode="numeric" value={last} onChange={(e) => setLast(e.target.value)} {...describedBy('repo-last', fieldErrors.last)} />
          </Field>
        )}
        <Field id="repo-context" label="Context around each change" field="contextLines" error={fieldErrors.contextLines} hint="what the reviewer reads besides the changed lines">
          <select id="repo-context" className="input" value={context} onChange={(e) => setContext(e.target.value)}>
            {CONTEXT.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <details className="advanced">
        <summary>
          Skipped files ({ignore.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length} patterns
          {defaults?.ignore.default ? ', the defaults' : ', your list'})
        </summary>
        <div className="stack repo-scan">
          <Field
            id="repo-ignore"
            label="Ignore list"
            field="ignore"
            error={fieldErrors.ignore}
            hint="gitignore syntax, one pattern a line: a name matches at any depth, a trailing / is a folder, ! brings a path back. Binary files and files marked generated are always skipped."
          >
            <textarea id="repo-ignore" className="input mono" rows={8} value={ignore} onChange={(e) => setIgnore(e.target.value)} {...describedBy('repo-ignore', fieldErrors.ignore)} />
          </Field>
          <div className="row">
            <button type="button" className="btn btn-sm" onClick={() => void saveIgnore(ignoreLines())}>
              Save as my list
            </button>
            <button type="button" className="btn btn-sm" onClick={() => void saveIgnore([])}>
              Reset to defaults
            </button>
            {ignoreNote && <span className="hint">{ignoreNote}</span>}
          </div>
        </div>
      </details>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={running}>
          {running ? 'Reading…' : 'Read history'}
        </button>
        {running && (
          <>
            <div className="stack scan-progress" role="status" aria-live="polite">
              <progress max={total || undefined} value={total ? progress?.measured : undefined} aria-label="Scan progress" />
              <span className="small muted" data-testid="repo-progress">
                {progressText(progress)}
              </span>
            </div>
            <button type="button" className="btn" onClick={() => void api.cancelRepoScan()}>
              Cancel
            </button>
          </>
        )}
        {stopped && <span className="muted small">Stopped. Nothing was priced.</span>}
      </div>
      {error && (
        <div className="alert alert-err" role="alert" data-testid="repo-error">
          {error}
        </div>
      )}
    </form>
  );
}
