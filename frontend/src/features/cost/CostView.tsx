import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi, type CostRequest, type CostResult, type CostRow, type ProfileView, type RepoReport, type RepoScanResult } from '../../api';
import { LevelChart, SizeHistogram, StackedCostChart } from '../../ui/lazy/LazyCharts';
import { rowLabel } from '../../lib/costLabels';
import { Field, TextField, type TextFieldProps } from '../../ui/Field';
import { PriceEditor } from './PriceEditor';
import { BiggestChanges, RepoSummary } from '../repo/RepoSummary';
import { RepoPanel } from '../repo/RepoPanel';
import { tokens, usd } from '../../lib/money';
import { FROM_REPO, fromForm, LEVELS, NUMBERS, toForm, type Form, type NumKey } from '../../lib/costForm';
import { PriceCell } from './PriceCell';
import { Segmented } from '../../ui/Segmented';
import { errorText } from '../../lib/errorText';
import { PageHead } from '../../ui/PageHead';

type Mode = 'recommended' | 'all' | 'profile';
type Source = 'assumptions' | 'repo';

/** Offline cost estimate: assumptions in, a table and two charts out. Every amount is computed in Go. */
export function CostView({ profiles: initialProfiles }: { profiles: ProfileView[] }) {
  const api = useApi();
  const [profiles, setProfiles] = useState(initialProfiles);
  const [form, setForm] = useState<Form | null>(null);
  const [mode, setMode] = useState<Mode>('recommended');
  const [profile, setProfile] = useState(initialProfiles[0]?.name ?? '');
  const [result, setResult] = useState<CostResult | null>(null);
  const [failure, setFailure] = useState('');
  // What the view could not load: shown, never dropped (the estimate still works without them).
  const [loadErrors, setLoadErrors] = useState<{ profiles?: string; repoDefaults?: string }>({});
  const [editing, setEditing] = useState<CostRow | null>(null);
  const [version, setVersion] = useState(0);
  const [source, setSource] = useState<Source>('assumptions');
  const [repoScan, setRepoScan] = useState<RepoScanResult | null>(null);
  const [calls, setCalls] = useState({ filePromptTokens: '', chunkTokens: 0 });
  const seq = useRef(0);
  const fromRepo = source === 'repo';

  useEffect(() => {
    void api.costDefaults().then(
      (a) => setForm(toForm(a)),
      (e) => setFailure(errorText(e)),
    );
    // Profiles may have changed from the command line since the app loaded them.
    void api.profiles().then(
      (ps) => {
        setProfiles(ps);
        setProfile((cur) => (ps.some((p) => p.name === cur) ? cur : (ps[0]?.name ?? '')));
      },
      (e) => setLoadErrors((l) => ({ ...l, profiles: errorText(e) })),
    );
    void api.repoDefaults().then(
      (d) => setCalls({ filePromptTokens: String(d.calls.filePromptTokens), chunkTokens: d.calls.chunkTokens }),
      (e) => setLoadErrors((l) => ({ ...l, repoDefaults: errorText(e) })),
    );
  }, [api]);

  const parsed = useMemo(() => (form ? fromForm(form) : null), [form]);
  const localErrors = parsed?.errors ?? {};
  useEffect(() => {
    if (!form || !parsed?.a || (mode === 'profile' && !profile)) return;
    if (fromRepo && (!repoScan || !/^\s*\d+\s*$/.test(calls.filePromptTokens))) return;
    const req: CostRequest = {
      assumptions: parsed.a,
      models: [],
      all: mode === 'all',
      profile: mode === 'profile' ? profile : '',
      slotThinking: mode === 'profile' && form.thinking === 'saved',
      levels: true,
    };
    if (fromRepo && repoScan) req.repo = { scanId: repoScan.id, calls: { filePromptTokens: Number(calls.filePromptTokens), chunkTokens: calls.chunkTokens } };
    const mine = ++seq.current;
    // One request per frame however fast the user types; a late answer to an older request is dropped.
    const raf = window.requestAnimationFrame ?? ((cb: FrameRequestCallback) => window.setTimeout(() => cb(0), 16));
    const cancel = window.cancelAnimationFrame ?? window.clearTimeout;
    const handle = raf(() => {
      api.estimateCost(req).then(
        (res) => {
          if (mine !== seq.current) return;
          setResult(res);
          setFailure('');
        },
        (e) => mine === seq.current && setFailure(errorText(e)),
      );
    });
    return () => cancel(handle);
    // version: Reset asks again with the same form.
  }, [api, form, parsed, mode, profile, version, fromRepo, repoScan, calls]);

  if (!form) return <div aria-busy="true">{failure ? <div className="alert alert-err">{failure}</div> : <span className="spinner" />}</div>;

  const serverErrors = Object.fromEntries((result?.fieldErrors ?? []).map((fe) => [fe.field, fe.rule]));
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  // An answer for the other source (assumptions vs repository) is not shown.
  const rep = result?.fieldErrors?.length || Boolean(result?.repo) !== fromRepo ? null : result?.report;
  const repoReport = rep && result?.repo?.scan ? (result.repo as RepoReport) : undefined;
  const rows = rep?.rows ?? [];
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setNum = (k: NumKey, v: string) => set({ numbers: { ...form.numbers, [k]: v } });
  const budget = rep?.assumptions.budgetUSD;

  return (
    <div className="stack">
      <PageHead
        title="Cost"
        actions={
          <>
            <button
              className="btn"
              onClick={() =>
                void api.costDefaults().then(
                  (a) => setForm(toForm(a)),
                  (e) => setFailure(errorText(e)),
                )
              }
            >
              Reset assumptions
            </button>
          </>
        }
      >
        What a review and a month of reviews cost, offline.{' '}
        {rep && (
          <span data-testid="priced-at">
            {rep.pricedAt === rep.tablePricedAt ? (
              <>Prices as of {rep.pricedAt}</>
            ) : (
              <>
                Prices date from {rep.pricedAt} (the oldest price compared here) to {rep.tablePricedAt} (when the bundled table was compiled); each row shows its own date
              </>
            )}
            {rep.importedFrom ? `, refreshed from ${rep.importedFrom}` : ''}.
          </span>
        )}
      </PageHead>
      {loadErrors.profiles && (
        <div className="alert alert-err" role="alert" data-testid="cost-profiles-error">
          Couldn&apos;t load the profiles: {loadErrors.profiles}. The list below may be out of date.
        </div>
      )}
      {loadErrors.repoDefaults && (
        <div className="alert alert-err" role="alert" data-testid="cost-repo-defaults-error">
          Couldn&apos;t load the repository scan defaults: {loadErrors.repoDefaults}.
        </div>
      )}

      <div className="row">
        <span className="label" id="source-label">
          Estimate from
        </span>
        <Segmented
          label="Estimate from"
          value={source}
          onChange={(v) => setSource(v as Source)}
          options={[
            { id: 'assumptions', label: 'Typical PR assumptions' },
            { id: 'repo', label: 'Use my repository' },
          ]}
        />
      </div>
      {fromRepo && <RepoPanel onScanned={setRepoScan} />}

      <form className="panel stack" aria-label="Assumptions" onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <span className="label" id="compare-label">
            Compare
          </span>
          <Segmented
            label="Compare"
            value={mode}
            onChange={(v) => {
              // A profile is priced at each slot's saved level unless a level is picked.
              if (v === 'profile' && form.thinking === 'medium') set({ thinking: 'saved' });
              if (v !== 'profile' && form.thinking === 'saved') set({ thinking: 'medium' });
              setMode(v as Mode);
            }}
            options={[
              { id: 'recommended', label: 'Recommended models' },
              { id: 'all', label: 'All models' },
              { id: 'profile', label: 'A profile (Main + Fallback)' },
            ]}
          />
          {mode === 'profile' &&
            (profiles.length ? (
              <select className="input input-inline" aria-label="Profile" value={profile} onChange={(e) => setProfile(e.target.value)}>
                {profiles.map((p) => (
                  <option key={p.name}>{p.name}</option>
                ))}
              </select>
            ) : (
              <span className="muted small">No profile saved yet.</span>
            ))}
        </div>
        <div className="grid-4">
          {fromRepo && (
            <Field
              id="cost-filePromptTokens"
              label="Fixed prompt per file call"
              field="filePromptTokens"
              error={serverErrors.filePromptTokens ?? (/^\s*\d+\s*$/.test(calls.filePromptTokens) ? undefined : 'must be a whole number')}
              hint="system prompt; the file’s measured diff is added"
            >
              <input id="cost-filePromptTokens" className="input" inputMode="numeric" value={calls.filePromptTokens} onChange={(e) => setCalls({ ...calls, filePromptTokens: e.target.value })} />
            </Field>
          )}
          {NUMBERS.filter((n) => !(fromRepo && FROM_REPO.includes(n.key))).map((n) => (
            <TextField
              key={n.key}
              id={`cost-${n.key}`}
              label={n.label}
              field={n.key}
              error={errors[n.key]}
              hint={n.hint}
              inputMode="numeric"
              value={form.numbers[n.key]}
              onChange={(v) => setNum(n.key, v)}
            />
          ))}
          <TextField
            id="cost-budget"
            label="Monthly budget (US$)"
            field="budgetUSD"
            error={errors.budgetUSD}
            hint="optional: how many PRs fit"
            inputMode="decimal"
            placeholder="1000"
            value={form.budget}
            onChange={(v) => set({ budget: v })}
          />
        </div>
        <div className="row cost-knobs">
          <div className="field">
            <span className="label">Thinking</span>
            <Segmented label="Thinking" value={form.thinking} onChange={(v) => set({ thinking: v })} options={mode === 'profile' ? [{ id: 'saved', label: 'As saved' }, ...LEVELS] : LEVELS} />
            <div className="hint">Reasoning tokens are billed as output. Off adds none.</div>
          </div>
          <PercentField field="cacheHit" label="Cache hit (%)" hint="share of each prompt read from cache" errors={errors} value={form.cacheHitPct} onChange={(v) => set({ cacheHitPct: v })} />
          {mode === 'profile' && (
            <PercentField field="fallbackShare" label="Fallback share (%)" hint="calls the Fallback serves" errors={errors} value={form.fallbackPct} onChange={(v) => set({ fallbackPct: v })} />
          )}
        </div>
        <details className="advanced">
          <summary>Reasoning tokens per call</summary>
          <div className="grid-4 cost-reasoning">
            {(['low', 'medium', 'high'] as const).map((l) => (
              <Field key={l} id={`cost-reasoning-${l}`} label={`At ${l}`} field={`reasoning.${l}`} error={errors[`reasoning.${l}`]} hint="">
                <input id={`cost-reasoning-${l}`} className="input" inputMode="numeric" value={form.reasoning[l]} onChange={(e) => set({ reasoning: { ...form.reasoning, [l]: e.target.value } })} />
              </Field>
            ))}
          </div>
        </details>
        <p className="hint" hidden={fromRepo}>
          Defaults are estimates (about ten developers; 88k prompt and 24k answer tokens per PR at Medium), no prompt caching assumed. The first call of each PR writes the cache, the others read it.
          Each call’s own prompt size picks its price tier (Gemini Pro above 200k, GPT-5.4 above 272k).
        </p>
      </form>

      {fromRepo && repoReport && (
        <div className="grid-2">
          <RepoSummary report={repoReport} />
          <div className="panel">
            <h2>Change sizes</h2>
            <SizeHistogram report={repoReport} />
          </div>
        </div>
      )}
      {failure && <div className="alert alert-err">{failure}</div>}
      {rep && rep.missingPrices.length > 0 && (
        <div className="alert alert-warn" role="status">
          <div className="alert-title">Some models have no price yet</div>
          Set a price for {rep.missingPrices.join(', ')} to estimate {rep.missingPrices.length === 1 ? 'it' : 'them'}: nothing is counted as $0.
        </div>
      )}
      {editing && (
        <PriceEditor
          row={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
      {rep?.profile && (
        <div className="panel" data-testid="profile-total">
          <h2>Profile {rep.profile.name}</h2>
          {rep.profile.perMonth ? (
            <p>
              <strong>{usd(rep.profile.perMonth)}</strong> a month, {usd(rep.profile.perPR, 4)} per PR
              {rows.some((r) => r.slot === 'fallback') ? `, with ${Math.round(rep.profile.fallbackShare * 1000) / 10}% of calls on the Fallback` : ''}
              {rep.profile.budgetPRsPerMonth !== undefined && rep.profile.budgetPRsPerMonth !== null ? `; ${rep.profile.budgetPRsPerMonth} PRs a month fit in $${budget}` : ''}.
            </p>
          ) : (
            <p className="muted">No total yet.</p>
          )}
          {rep.profile.notes.map((n) => (
            <div key={n} className="hint">
              {n}
            </div>
          ))}
        </div>
      )}

      {rep && (
        <div className="panel table-panel">
          <table className="table" data-testid="cost-table">
            <thead>
              <tr>
                <th>Model</th>
                <th>Thinking</th>
                <th className="num">{fromRepo ? 'Per change' : 'Per PR'}</th>
                <th className="num">Per month</th>
                <th className="num">Input</th>
                <th className="num">Cached</th>
                <th className="num">Output</th>
                <th className="num">Reasoning</th>
                <th>Tier</th>
                {budget && <th className="num">PRs in ${budget}</th>}
                <th>Price (USD)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.slot}/${r.model}/${r.plan}`} data-model={r.model} data-plan={r.plan ?? ''} data-status={r.status}>
                  <th scope="row">
                    <div>{rowLabel(r)}</div>
                    <div className="muted small">
                      <code>{r.model}</code>
                    </div>
                    {r.notes.length > 0 && (
                      <details className="small">
                        <summary className="muted">Notes ({r.notes.length})</summary>
                        <ul className="notes">
                          {r.notes.map((n) => (
                            <li key={n}>{n}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </th>
                  <td>{r.thinking}</td>
                  {r.status === 'priced' ? (
                    <>
                      <td className="num" data-testid="per-pr">
                        {usd(r.perPR, 4)}
                      </td>
                      <td className="num" data-testid="per-month">
                        <strong>{usd(r.perMonth)}</strong>
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} className="num">
                      <span className={r.status === 'plan-quota' ? 'tag tag-accent' : 'tag tag-warn'}>{r.status === 'plan-quota' ? 'Plan quota' : 'No price'}</span>
                    </td>
                  )}
                  <td className="num">{tokens(r.inputTokens)}</td>
                  <td className="num">{tokens(r.cachedInputTokens)}</td>
                  <td className="num">{tokens(r.outputTokens)}</td>
                  <td className="num">{tokens(r.reasoningTokens)}</td>
                  <td className="small">{r.tier || '—'}</td>
                  {budget && <td className="num">{r.budgetPRsPerMonth ?? '—'}</td>}
                  <td className="price">
                    <PriceCell r={r} onEdit={() => setEditing(r)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {rows.some((r) => r.priceStatus) && (
        <p className="hint price-legend" data-testid="price-status-legend">
          Disputed: the sources disagree on this price; the row’s notes say which one is used and why. Unverified: the price has a single source.
        </p>
      )}
      {repoReport && <BiggestChanges report={repoReport} rows={rows} />}
      {rep && (
        <div className="grid-2 charts">
          <div className="panel">
            <h2>Monthly cost by model</h2>
            <StackedCostChart rows={rows} />
          </div>
          <div className="panel">
            <h2>Monthly cost by thinking level</h2>
            <LevelChart rows={rows} />
          </div>
        </div>
      )}
    </div>
  );
}

/** A narrow field for a share in per cent. */
function PercentField({ field, errors, ...rest }: Omit<TextFieldProps, 'id' | 'error' | 'inputMode' | 'inputClass'> & { field: string; errors: Record<string, string> }) {
  return <TextField {...rest} id={`cost-${field}`} field={field} error={errors[field]} inputMode="decimal" inputClass="percent-input" />;
}
