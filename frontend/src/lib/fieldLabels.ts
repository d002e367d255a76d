// How the editor names its fields, for messages such as "Not saved: fix
// Temperature", and where each field lives.
import type { SlotForm } from './slotForm';

export const FIELD_LABEL: Record<string, string> = {
  name: 'Profile',
  plan: 'Plan',
  apiKey: 'API key',
  reasoningEffort: 'Thinking',
  reasoningConfigOverride: 'Custom JSON',
  openrouterProviderOrder: 'Pin providers',
  openrouterAllowFallbacks: 'Allow fallbacks',
  temperature: 'Temperature',
  maxOutputTokens: 'Max output tokens',
  maxInputTokens: 'Max input tokens',
  maxConcurrentRequests: 'Max concurrent requests',
  baseURL: 'Base URL',
  vertexLocation: 'Vertex region',
  provider: 'Provider',
  model: 'Model ID',
};

/** The editor's fields in the order they appear on screen. */
export const FIELD_ORDER = [
  'name',
  'plan',
  'apiKey',
  'reasoningEffort',
  'reasoningConfigOverride',
  'openrouterProviderOrder',
  'openrouterAllowFallbacks',
  'temperature',
  'maxOutputTokens',
  'maxInputTokens',
  'maxConcurrentRequests',
  'baseURL',
  'vertexLocation',
  'provider',
  'model',
];

/** Fields under "Advanced": a failed save opens it to show them. */
export const ADVANCED_FIELDS = new Set([
  'reasoningEffort',
  'reasoningConfigOverride',
  'openrouterProviderOrder',
  'openrouterAllowFallbacks',
  'temperature',
  'maxOutputTokens',
  'maxInputTokens',
  'maxConcurrentRequests',
  'baseURL',
  'vertexLocation',
]);

export function labelOf(field: string): string {
  return FIELD_LABEL[field] ?? field;
}

/** The first field in screen order among those given. */
export function firstField(fields: string[]): string | undefined {
  const set = new Set(fields);
  return FIELD_ORDER.find((f) => set.has(f)) ?? fields[0];
}

/** "Temperature", "Temperature and API key", "Temperature, Max output tokens and 2 more". */
export function namesOf(fields: string[]): string {
  const ordered = [...new Set(fields)].sort((a, b) => rank(a) - rank(b)).map(labelOf);
  if (ordered.length <= 2) return ordered.join(' and ');
  return `${ordered.slice(0, 2).join(', ')} and ${ordered.length - 2} more`;
}

function rank(f: string) {
  const i = FIELD_ORDER.indexOf(f);
  return i < 0 ? FIELD_ORDER.length : i;
}

/** The form as the slot is saved: without the fields the followed Kodus does not read there (a v1 Fallback's thinking…). */
export function forSlot(form: SlotForm, mainOnly: string[]): SlotForm {
  if (mainOnly.length === 0) return form;
  const out: SlotForm = { ...form };
  for (const f of mainOnly) if (f in out) (out as unknown as Record<string, string>)[f] = '';
  return out;
}
