import type { EnvReport } from '../../api';
import { CodeList } from '../../ui/CodeList';

/**
 * What a .env configures, as Kodus's own blue banner shows it ("configured
 * via environment variables"), plus the masked key: never the key itself.
 */
export function EnvBanner({ report, path }: { report: EnvReport; path?: string }) {
  const inf = report.inferred;
  if (!report.fixedMode) {
    return (
      <div className="alert alert-info" data-testid="env-banner" data-fixed-mode="off">
        <div className="alert-title">Fixed Mode is off{path ? ` in ${path}` : ''}</div>
        <div className="small">{inf.rule}.</div>
      </div>
    );
  }
  const rows: [string, string | undefined][] = [
    ['Model', inf.model],
    ['Provider', inf.providerLabel],
    ['Endpoint', inf.baseURL],
    ['Vertex location', inf.vertexLocation],
    ['Temperature override', inf.temperatureOverride],
    ['Key', report.keyMasked ? `${report.keyMasked} (${report.keyVar})` : undefined],
  ];
  return (
    <div className="alert alert-info stack stack-snug" data-testid="env-banner" data-fixed-mode="on">
      <div className="alert-title">Kodus is using an LLM configured via environment variables{path ? ` (${path})` : ''}.</div>
      <CodeList rows={rows.filter(([, v]) => v)} />
      <div className="small muted">Why: {inf.rule}. The API key is never displayed in full.</div>
    </div>
  );
}

/** A unified diff with added and removed lines marked. */
export function DiffView({ diff }: { diff: string }) {
  return (
    <pre className="code diff" data-testid="env-diff" aria-label="Changes to the file">
      {diff.split('\n').map((l, i) => (
        <span key={i} className={l.startsWith('+') && !l.startsWith('+++') ? 'diff-add' : l.startsWith('-') && !l.startsWith('---') ? 'diff-del' : undefined}>
          {l + '\n'}
        </span>
      ))}
    </pre>
  );
}
