import type { KeyTestResult } from '../../api';
import { ProviderProblem } from './ProviderProblem';

interface KeyTestBannerProps {
  result: KeyTestResult;
  /** Offered when the key belongs to the other plan (GLM, Kimi). */
  onSwitchPlan?: (plan: string, baseURL: string) => void;
  /** Offered when the server lacks the model: fills the model id with one it serves. */
  onUseModel?: (id: string) => void;
  compact?: boolean;
}

/**
 * A key test result as Kodus users know it: "Connection OK — provider
 * responded in N ms", or a headline with the HTTP status, what happened,
 * "Provider said: …" and the fix. A rate limit is a warning: the key works,
 * but reviews will be throttled (Kodus shows it as plain success).
 */
export function KeyTestBanner({ result: r, onSwitchPlan, onUseModel, compact }: KeyTestBannerProps) {
  if (r.code === 'ok') {
    return (
      <div className="alert alert-ok" role="status" data-testid="key-test-result" data-code={r.code}>
        <div className="alert-title">Connection OK — provider responded in {r.latencyMs} ms.</div>
        <div className="small">{r.message}</div>
        {!compact && r.endpoint && (
          <div className="small muted">
            Tested <code>{r.endpoint}</code>
            {r.probe === 'inference' ? ' (one request of at most 1 output token)' : ''}
          </div>
        )}
      </div>
    );
  }
  const warn = r.code === 'rate_limit';
  return (
    <div className={warn ? 'alert alert-warn' : 'alert alert-err'} role={warn ? 'status' : 'alert'} data-testid="key-test-result" data-code={r.code}>
      <ProviderProblem headline={r.headline} httpStatus={r.httpStatus} message={r.message} providerMessage={r.providerMessage} />
      {onUseModel && r.availableModels?.length ? (
        <div className="stack stack-tight key-models" data-testid="available-models">
          <div className="small">Use one of the models it serves:</div>
          <div className="row key-model-ids">
            {r.availableModels.map((id) => (
              <button key={id} type="button" className="btn btn-sm mono" onClick={() => onUseModel(id)}>
                {id}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="small key-test-hint">{r.hint}</div>
      )}
      {!compact && r.endpoint && (
        <div className="small muted">
          Tested <code>{r.endpoint}</code>
          {r.latencyMs ? ` · ${r.latencyMs} ms` : ''}
        </div>
      )}
      {r.code === 'wrong_plan' && r.suggestedPlan && onSwitchPlan && (
        <div className="key-test-more">
          <button type="button" className="btn btn-sm" onClick={() => onSwitchPlan(r.suggestedPlan!, r.suggestedBaseURL ?? '')}>
            Switch to {r.suggestedPlanLabel || r.suggestedPlan}
          </button>
        </div>
      )}
    </div>
  );
}
