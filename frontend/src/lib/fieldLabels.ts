// How the editor names its fields, for messages such as "Not saved: fix
// Temperature", and where each field lives.
import type { SlotForm } from './slotForm';

/**
 * The editor's fields in the order they appear on screen, with the name a
 * message uses and whether the field sits under "Advanced" (a failed save
 * opens it to show them). The one list the lookups below derive from.
 */
const FIELDS: { field: string; label: string; advanced?: true }[] = [
  { field: 'name', label: 'Profile' },
  { field: 'plan', label: 'Plan' },
  { field: 'apiKey', label: 'API key' },
  { field: 'reasoningEffort', label: 'Thinking', advanced: true },
  { field: 'reasoningConfigOverride', label: 'Custom JSON', advanced: true },
  { field: 'openrouterProviderOrder', label: 'Pin providers', advanced: true },
  { field: 'openrouterAllowFallbacks', label: 'Allow fallbacks', advanced: true },
  { field: 'temperature', label: 'Temperature', advanced: true },
  { field: 'maxOutputTokens', label: 'Max output tokens', advanced: true },
  { field: 'maxInputTokens', label: 'Max input tokens', advanced: true },
  { field: 'maxConcurrentRequests', label: 'Max concurrent requests', advanced: true },
  { field: 'baseURL', label: 'Base URL', advanced: true },
  { field: 'vertexLocation', label: 'Vertex region', advanced: true },
  { field: 'provider', label: 'Provider' },
  { field: 'model', label: 'Model ID' },
];

export const FIELD_LABEL: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.field, f.label]));

/** The editor's fields in the order they appear on screen. */
export const FIELD_ORDER = FIELDS.map((f) => f.field);

/** Fields under "Advanced": a failed save opens it to show them. */
export const ADVANCED_FIELDS = new Set(FIELDS.filter((f) => f.advanced).map((f) => f.field));

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
