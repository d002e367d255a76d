// The one line under "Advanced" that says what is set, so the section can
// stay closed: "Thinking Medium · temperature 0 · concurrency 1".
import type { SlotForm } from './slotForm';

const EFFORT: Record<string, string> = { off: 'Off', low: 'Low', medium: 'Medium', high: 'High', custom: 'Custom JSON' };
const n = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s).toLocaleString('en-US') : s.trim());

/** mainOnly: fields the slot does not use (a v1 Kodus's Fallback), left out. */
export function advancedSummary(form: SlotForm, mainOnly: string[]): string {
  const uses = (f: string) => !mainOnly.includes(f);
  const parts: string[] = [];
  if (uses('reasoningEffort')) parts.push(`Thinking ${EFFORT[form.reasoningEffort || 'off'] ?? form.reasoningEffort}`);
  if (form.temperature.trim() !== '') parts.push(`temperature ${form.temperature.trim()}`);
  if (form.maxOutputTokens.trim() !== '') parts.push(`max output ${n(form.maxOutputTokens)}`);
  if (uses('maxInputTokens') && form.maxInputTokens.trim() !== '') parts.push(`max input ${n(form.maxInputTokens)}`);
  const c = form.maxConcurrentRequests.trim();
  parts.push(c === '' || c === '0' ? 'concurrency: no limit' : `concurrency ${c}`);
  if (uses('openrouterProviderOrder') && form.provider === 'open_router' && form.openrouterProviderOrder.trim() !== '')
    parts.push(`pinned ${form.openrouterProviderOrder.trim().replace(/,\s*$/, '')}`);
  if (form.provider === 'google_vertex' && form.vertexLocation.trim() !== '') parts.push(`region ${form.vertexLocation.trim()}`);
  return parts.join(' · ');
}
