// The one line under "Advanced" that says what is set, so the section can
// stay closed: "Thinking Medium · temperature 0 · concurrency 1".
import type { SlotName } from '../api';
import type { SlotForm } from './slotForm';

const EFFORT: Record<string, string> = { off: 'Off', low: 'Low', medium: 'Medium', high: 'High', custom: 'Custom JSON' };
const n = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s).toLocaleString('en-US') : s.trim());

export function advancedSummary(form: SlotForm, slot: SlotName): string {
  const parts: string[] = [];
  if (slot === 'main') parts.push(`Thinking ${EFFORT[form.reasoningEffort || 'off'] ?? form.reasoningEffort}`);
  if (form.temperature.trim() !== '') parts.push(`temperature ${form.temperature.trim()}`);
  if (form.maxOutputTokens.trim() !== '') parts.push(`max output ${n(form.maxOutputTokens)}`);
  if (slot === 'main' && form.maxInputTokens.trim() !== '') parts.push(`max input ${n(form.maxInputTokens)}`);
  const c = form.maxConcurrentRequests.trim();
  parts.push(c === '' || c === '0' ? 'concurrency: no limit' : `concurrency ${c}`);
  if (slot === 'main' && form.provider === 'open_router' && form.openrouterProviderOrder.trim() !== '') parts.push(`pinned ${form.openrouterProviderOrder.trim().replace(/,\s*$/, '')}`);
  if (form.provider === 'google_vertex' && form.vertexLocation.trim() !== '') parts.push(`region ${form.vertexLocation.trim()}`);
  return parts.join(' · ');
}
