import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { DryRun, DryRunResult, FieldError } from '../../api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../lib/errorText';
import { CodeList } from '../../ui/CodeList';
import { ProviderProblem } from '../keys/ProviderProblem';

interface DryRunPanelProps {
  /** Builds the request (preview) or sends it once. */
  run: (preview: boolean) => Promise<DryRunResult>;
  onClose: () => void;
  /** Field errors go back to the form that can mark them. */
  onFieldErrors?: (errors: FieldError[]) => void;
  /** Takes focus when opened by the user (not when re-built after an edit). */
  autoFocus?: boolean;
  onFocused?: () => void;
  /** Names the slot in the heading ("Main", "Fallback"). */
  slotLabel?: string;
  /** Changes with the settings: the request is rebuilt, the last one shown meanwhile. */
  version?: string;
}

type Phase =
  | { kind: 'building' }
  | { kind: 'ready'; preview: DryRunResult }
  | { kind: 'sending'; preview: DryRunResult }
  | { kind: 'done'; preview: DryRunResult; result: DryRun }
  | { kind: 'invalid'; errors: FieldError[]; preview?: DryRunResult }
  | { kind: 'error'; message: string; preview?: DryRunResult };

const PARAM_LABEL: Record<string, string> = {
  temperature: 'Temperature',
  thinking: 'Thinking',
  effort: 'Reasoning effort',
  maxOutputTokens: 'Max output tokens',
  provider: 'OpenRouter routing',
};

/** A USD amount with two significant digits below a dollar ("0.066", "0.00069"). */
export function usd(amount: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `$${amount}`;
  if (n === 0) return '$0';
  return n >= 1 ? `$${n.toFixed(2)}` : `$${Number(n.toPrecision(2))}`;
}

function costLine(p: DryRunResult): string {
  if (p.worstCase) {
    return `Billed by the provider: usually a fraction of a cent; at most ${usd(p.worstCase)} if the model used all ${(p.worstCaseTokens ?? 0).toLocaleString('en-US')} output tokens.`;
  }
  return `Billed by the provider: usually a fraction of a cent${p.priceNote ? ` (${p.priceNote})` : ''}.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The settings dry run: the exact request Kodus will send for a review
 * call (read-only, key redacted), sent once on confirmation, and the
 * verdict with the setting the provider refused and its fix.
 */
export function DryRunPanel({ run, onClose, onFieldErrors, autoFocus, onFocused, slotLabel, version }: DryRunPanelProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'building' });
  const [confirming, setConfirming] = useState(false);
  // A rebuild is pending: Send waits, so what is sent is what is shown.
  const [stale, setStale] = useState(true);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const runRef = useRef(run);
  runRef.current = run;
  const built = useRef(false);

  // Build the preview now, and again (debounced) whenever the settings
  // change. Its field errors stay in the panel: the form marks fields only
  // after the user asks to send.
  useEffect(() => {
    let live = true;
    setStale(true);
    const t = setTimeout(
      () => {
        runRef
          .current(true)
          .then((p) => {
            if (!live) return;
            setPhase(p.fieldErrors?.length || !p.result ? { kind: 'invalid', errors: p.fieldErrors ?? [] } : { kind: 'ready', preview: p });
          })
          .catch((e) => live && setPhase({ kind: 'error', message: errorText(e) }))
          .finally(() => live && setStale(false));
      },
      built.current ? 200 : 0,
    );
    built.current = true;
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [version]);
  const focused = useEffectEvent(() => onFocused?.());
  useEffect(() => {
    if (!autoFocus) return;
    headingRef.current?.focus();
    focused();
  }, [autoFocus]);

  const preview = 'preview' in phase ? phase.preview : undefined;
  const send = async () => {
    setConfirming(false);
    if (!preview) return;
    setPhase({ kind: 'sending', preview });
    try {
      const r = await run(false);
      if (r.fieldErrors?.length || !r.result) {
        setPhase({ kind: 'invalid', errors: r.fieldErrors ?? [], preview });
        onFieldErrors?.(r.fieldErrors ?? []);
        return;
      }
      setPhase({ kind: 'done', preview, result: r.result });
    } catch (e) {
      setPhase({ kind: 'error', message: errorText(e), preview });
    }
  };

  const shown = phase.kind === 'done' ? phase.result : preview?.result;
  const req = shown?.request;
  const notes = [...(req?.notes ?? []), ...(shown?.notes ?? [])];
  return (
    <section
      className="dry-run stack"
      aria-labelledby="dry-run-title"
      data-testid="dry-run"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !confirming) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="spread dry-run-head">
        <div>
          <h3 className="heading-flush" id="dry-run-title" ref={headingRef} tabIndex={-1}>
            Dry run{slotLabel ? ` · ${slotLabel}` : ''}
          </h3>
          <div className="muted small">The exact request Kodus will send for a review call with these settings, with a one-line prompt.</div>
        </div>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Close
        </button>
      </div>

      {phase.kind === 'building' && (
        <div className="slot-test" role="status">
          <span className="spinner" aria-hidden /> Building the request…
        </div>
      )}
      {phase.kind === 'invalid' && (
        <div className="alert alert-err" role="alert" data-testid="dry-run-invalid">
          <div className="alert-title">Not sent: fix these settings first</div>
          <ul className="list small">
            {phase.errors.map((e) => (
              <li key={e.field + e.rule}>
                <code>{e.field}</code>: {e.rule}
              </li>
            ))}
          </ul>
        </div>
      )}
      {phase.kind === 'error' && (
        <div className="alert alert-err" role="alert">
          <div className="alert-title">The dry run could not run</div>
          {phase.message}
        </div>
      )}
      {phase.kind === 'done' && <DryRunVerdict result={phase.result} />}

      {req && (
        <div className="stack stack-snug">
          <div className="small muted">
            {phase.kind === 'done' && phase.result.sent ? 'Request sent' : 'Preview — not sent yet'} · mirrors {req.sdk}
            {stale && phase.kind !== 'building' ? ' · updating…' : ''}
          </div>
          <code className="dry-run-line" data-testid="dry-run-url">
            {req.method} {req.url}
          </code>
          <CodeList className="small" label="Request headers" rows={Object.entries(req.headers ?? {}).sort(([a], [b]) => a.localeCompare(b))} />
          <pre className="code" tabIndex={0} aria-label="Request body (read-only JSON)" data-testid="dry-run-body">
            {JSON.stringify(req.body, null, 2)}
          </pre>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="list small muted" aria-label="What happens to these settings" data-testid="dry-run-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}

      {preview && (
        <div className="spread dry-run-foot">
          <div className="hint dry-run-cost" data-testid="dry-run-cost">
            {costLine(preview)} Sent once, never retried.
          </div>
          <button type="button" className="btn btn-primary" disabled={phase.kind === 'sending' || stale} aria-busy={phase.kind === 'sending'} onClick={() => setConfirming(true)}>
            {phase.kind === 'sending' ? <span className="spinner" aria-hidden /> : null} {phase.kind === 'done' ? 'Send again…' : 'Send once…'}
          </button>
        </div>
      )}
      {confirming &&
        preview &&
        // Outside the editor's <form>: the dialog's buttons must not submit it.
        createPortal(
          <ConfirmDialog
            title="Send one billed request?"
            body={
              <>
                This sends the request above once to <code>{hostOf(preview.result?.request.url ?? '')}</code> with your key. {costLine(preview)} It is never retried.
              </>
            }
            confirmLabel="Send once"
            onCancel={() => setConfirming(false)}
            onConfirm={() => void send()}
          />,
          document.body,
        )}
    </section>
  );
}

/** The verdict of a sent dry run, in the key test's words plus the refused setting and its fix. */
export function DryRunVerdict({ result: r }: { result: DryRun }) {
  const usage = r.usage ? (
    <div className="small" data-testid="dry-run-usage">
      Used {r.usage.inputTokens.toLocaleString('en-US')} input + {r.usage.outputTokens.toLocaleString('en-US')} output tokens
      {r.usage.reasoningTokens !== undefined && r.usage.reasoningTokens !== null ? ` (${r.usage.reasoningTokens.toLocaleString('en-US')} reasoning)` : ''}
      {r.usage.cost ? ` · ${usd(r.usage.cost)}` : ''}
      {r.usage.costNote ? ` ${r.usage.costNote}` : ''}
    </div>
  ) : null;
  if (r.ok) {
    return (
      <div className="alert alert-ok" role="status" data-testid="dry-run-result" data-code={r.code}>
        <div className="alert-title">
          {r.headline} — answered in {r.latencyMs} ms · HTTP {r.httpStatus}
        </div>
        <div>{r.message}</div>
        {usage ?? <div className="small muted">The provider reported no token usage.</div>}
        {r.reply && <div className="small muted">Reply: “{r.reply}”</div>}
      </div>
    );
  }
  const warn = r.code === 'rate_limit';
  return (
    <div className={warn ? 'alert alert-warn' : 'alert alert-err'} role="alert" data-testid="dry-run-result" data-code={r.code}>
      <ProviderProblem headline={r.headline} httpStatus={r.httpStatus} message={r.message} providerMessage={r.providerMessage} />
      <div className="small dry-run-fix" data-testid="dry-run-fix">
        {r.parameter && <span className="tag tag-warn">{PARAM_LABEL[r.parameter] ?? r.parameter}</span>} <strong>Fix:</strong> {r.hint}
      </div>
      {usage}
    </div>
  );
}
