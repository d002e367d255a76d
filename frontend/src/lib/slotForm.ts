// Pure helpers between the slot form (what the user types, as text) and
// the backend's SlotInput. Number fields stay text while typing so that
// "0." or "" are never rewritten under the user's cursor.
import type { FieldError, SlotInput, SlotSettings } from '../api';

/**
 * The slot form: every SlotInput field (the Go type, generated), held as the
 * text typed. openrouterProviderOrder is comma-separated as typed and split
 * only when sent (a trailing comma survives); openrouterAllowFallbacks is
 * unset, 'true' or 'false'.
 */
export type SlotForm = { [K in keyof SlotInput]-?: K extends 'openrouterAllowFallbacks' ? '' | 'true' | 'false' : string };

const num = (v: number | undefined | null) => (v === undefined || v === null ? '' : String(v));

export function formFromInput(i: SlotInput): SlotForm {
  return {
    provider: i.provider ?? '',
    model: i.model ?? '',
    plan: i.plan ?? '',
    baseURL: i.baseURL ?? '',
    temperature: num(i.temperature),
    maxOutputTokens: num(i.maxOutputTokens),
    maxInputTokens: num(i.maxInputTokens),
    maxConcurrentRequests: num(i.maxConcurrentRequests),
    reasoningEffort: i.reasoningEffort ?? '',
    reasoningConfigOverride: i.reasoningConfigOverride ?? '',
    openrouterProviderOrder: (i.openrouterProviderOrder ?? []).join(', '),
    openrouterAllowFallbacks: i.openrouterAllowFallbacks === undefined || i.openrouterAllowFallbacks === null ? '' : i.openrouterAllowFallbacks ? 'true' : 'false',
    vertexLocation: i.vertexLocation ?? '',
    awsRegion: i.awsRegion ?? '',
    awsAuth: i.awsAuth ?? '',
  };
}

/** Settings with every text and list setting unset. */
export function emptyInput(provider = '', model = ''): SlotInput {
  return {
    provider,
    model,
    plan: '',
    baseURL: '',
    reasoningEffort: '',
    reasoningConfigOverride: '',
    openrouterProviderOrder: [],
    vertexLocation: '',
    awsRegion: '',
    awsAuth: '',
  };
}

/** Go leaves empty settings out; the GUI holds each one, '' or [] when unset. */
export function completeInput(s: SlotSettings): SlotInput {
  return { ...emptyInput(), ...s };
}

export function emptyForm(provider = '', model = ''): SlotForm {
  return formFromInput(emptyInput(provider, model));
}

export function parseOrder(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseNumber(field: string, text: string, integer: boolean, errors: FieldError[]): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const ok = integer ? /^-?\d+$/.test(t) : /^-?(\d+\.?\d*|\.\d+)$/.test(t);
  if (!ok) {
    errors.push({ field, rule: integer ? 'must be a whole number ≥ 0' : 'must be a number', value: t });
    return undefined;
  }
  return Number(t);
}

/** Turns the form into a SlotInput; numbers that do not parse become errors. */
export function inputFromForm(f: SlotForm): { input: SlotInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const input: SlotInput = {
    provider: f.provider,
    model: f.model,
    plan: f.plan,
    baseURL: f.baseURL,
    temperature: parseNumber('temperature', f.temperature, false, errors),
    maxOutputTokens: parseNumber('maxOutputTokens', f.maxOutputTokens, true, errors),
    maxInputTokens: parseNumber('maxInputTokens', f.maxInputTokens, true, errors),
    maxConcurrentRequests: parseNumber('maxConcurrentRequests', f.maxConcurrentRequests, true, errors),
    reasoningEffort: f.reasoningEffort,
    reasoningConfigOverride: f.reasoningEffort === 'custom' ? f.reasoningConfigOverride : '',
    openrouterProviderOrder: f.provider === 'open_router' ? parseOrder(f.openrouterProviderOrder) : [],
    openrouterAllowFallbacks: f.provider === 'open_router' && f.openrouterAllowFallbacks !== '' ? f.openrouterAllowFallbacks === 'true' : undefined,
    vertexLocation: f.provider === 'google_vertex' ? f.vertexLocation : '',
    awsRegion: f.provider === 'amazon_bedrock' ? f.awsRegion : '',
    awsAuth: f.provider === 'amazon_bedrock' ? f.awsAuth : '',
  };
  return { input, errors };
}

/** First error per field, for marking inputs. */
export function errorsByField(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (!(e.field in out)) out[e.field] = e.rule;
  }
  return out;
}
