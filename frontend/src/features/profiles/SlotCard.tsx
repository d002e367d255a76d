import type { SlotName, SlotView } from '../../api';
import { compactJSON } from '../../lib/thinking';

const EFFORT_LABEL: Record<string, string> = { off: 'Off', low: 'Low', medium: 'Medium', high: 'High', custom: 'Custom' };

/** The Thinking row: a Custom slot shows "Custom" and its JSON (Kodus shows nothing). */
function thinkingSummary(v: SlotView): React.ReactNode {
  if (v.reasoningEffort === 'custom' || (!v.reasoningEffort && v.reasoningConfigOverride)) {
    const { short, full } = compactJSON(v.reasoningConfigOverride ?? '');
    return (
      <span data-testid="thinking-summary">
        Custom{' '}
        <code title={full} data-testid="custom-json">
          {short}
        </code>
      </span>
    );
  }
  return <span data-testid="thinking-summary">{EFFORT_LABEL[v.reasoningEffort || 'off'] ?? v.reasoningEffort}</span>;
}

/** The pinned providers as Kodus sends them (a Custom JSON may set its own). */
function pinned(v: SlotView): string | undefined {
  const order = v.routingSent ? v.routingSent.order : v.openrouterProviderOrder;
  const allow = v.routingSent ? v.routingSent.allowFallbacks : v.openrouterAllowFallbacks;
  if (!order?.length && (allow === undefined || allow === null)) return undefined;
  const fb = allow === false ? ' (no other upstream)' : '';
  return `${order?.length ? order.join(', ') : 'none'}${fb}${v.routingSent ? ' — set by the Custom JSON' : ''}`;
}

/**
 * One saved slot as Kodus will use it. A card never shows a value that is
 * not sent: what the followed Kodus reads from Main only (a v1 Fallback's
 * thinking, routing and max input tokens) is left out and, when stored,
 * named as unused.
 */
export function SlotCard({ slot, v }: { slot: SlotName; v: SlotView }) {
  const title = slot === 'main' ? 'Main' : 'Fallback';
  const uses = (f: string) => !(v.mainOnly ?? []).includes(f);
  const rows: [string, React.ReactNode][] = [
    [
      'Key',
      v.keyMissing ? (
        <span className="field-error" data-testid="key-missing">
          key missing from the keychain: edit the slot and paste the key again
        </span>
      ) : v.hasKey ? (
        <code data-testid="masked-key">{v.apiKeyMasked}</code>
      ) : (
        <span className="muted">none (keyless)</span>
      ),
    ],
    ['Base URL', <code>{v.effectiveBaseURL || '—'}</code>],
  ];
  if (v.planLabel) rows.push(['Plan', v.planLabel]);
  if (uses('reasoningEffort')) rows.push(['Thinking', thinkingSummary(v)]);
  if (v.temperature !== undefined && v.temperature !== null) rows.push(['Temperature', String(v.temperature)]);
  if (v.maxOutputTokens) rows.push(['Max output', v.maxOutputTokens.toLocaleString('en-US')]);
  if (uses('maxInputTokens') && v.maxInputTokens) rows.push(['Max input', v.maxInputTokens.toLocaleString('en-US')]);
  rows.push(['Concurrency', v.maxConcurrentRequests ? `${v.maxConcurrentRequests} at a time` : 'no limit']);
  const pins = uses('openrouterProviderOrder') ? pinned(v) : undefined;
  if (pins) rows.push(['Pinned', pins]);
  if (v.vertexLocation) rows.push(['Vertex region', v.vertexLocation]);
  return (
    <div className="stack" data-slot={title.toLowerCase()}>
      <div>
        <div className="muted small">{title}</div>
        <div className="card-title">{v.modelName}</div>
        <div className="muted small">
          {v.providerName} · <code>{v.model}</code>
        </div>
      </div>
      <dl className="kv">
        {rows.map(([k, val]) => (
          <div className="kv-pair" key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      {v.ignored?.length ? (
        <div className="hint" data-testid="slot-ignored">
          Saved but not used on a Fallback (Kodus reads it from Main): {v.ignored.join(', ')}. Edit and save this slot to drop it.
        </div>
      ) : null}
    </div>
  );
}
