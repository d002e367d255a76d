// The backend's rules, reduced to what the components under test rely on.
import type { DryRunRequest, DryRunResult, FieldError, KeyVerdict, SlotInput, SlotSettings, ThinkingPreview } from '../api';
import { catalog } from './fakeApiFixtures';

export const check = (input: SlotSettings): FieldError[] => {
  const errs: FieldError[] = [];
  if (!input.model) errs.push({ field: 'model', rule: 'is required' });
  if (input.temperature !== undefined && (input.temperature < 0 || input.temperature > 2)) errs.push({ field: 'temperature', rule: 'must be between 0 and 2' });
  if (input.provider === 'openai_compatible' && !input.baseURL) errs.push({ field: 'baseURL', rule: 'is required for OpenAI-compatible' });
  return errs;
};
// The backend's token check, reduced to one model's figure.
export const warn = (input: SlotSettings): FieldError[] =>
  input.model === 'gpt-5.4' && (input.maxOutputTokens ?? 0) > 128000
    ? [
        {
          field: 'maxOutputTokens',
          rule: 'is more than the 128,000 output tokens GPT-5.4 can write: the provider rejects or cuts such calls; use 128,000 or less',
          value: String(input.maxOutputTokens),
        },
      ]
    : [];

/** Key shapes reduced to the three the component tests use. */
export function fakeVerdict(raw: string, input: SlotSettings): KeyVerdict {
  const key = raw.trim().replace(/^"|"$/g, '');
  const ok: KeyVerdict = { guess: { confidence: 'none', reason: 'no known key shape' }, fit: 'ok' };
  if (key.startsWith('sk-ant-') && input.provider !== 'anthropic') {
    return {
      guess: { brand: 'anthropic', name: 'Anthropic', confidence: 'high', shape: 'sk-ant-…', reason: 'Anthropic keys start with sk-ant-' },
      fit: 'mismatch',
      message: 'This looks like an Anthropic key — switch?',
      suggestion: { brand: 'anthropic', provider: 'anthropic', providerName: 'Anthropic', model: 'claude-sonnet-4-6', modelName: 'Claude Sonnet 4.6' },
    };
  }
  if (key.startsWith('sk-kimi-') && input.plan !== 'kimi-code') {
    return {
      guess: { brand: 'kimi-code', name: 'Kimi Code Plan', confidence: 'high', shape: 'sk-kimi-…', reason: 'keys from kimi.com/code start with sk-kimi-' },
      fit: 'mismatch',
      message: 'This looks like a Kimi Code Plan key — switch?',
      suggestion: {
        brand: 'kimi-code',
        provider: 'openai_compatible',
        providerName: 'Kimi Code Plan',
        model: 'kimi-k2.6',
        modelName: 'Kimi K2.6',
        plan: 'kimi-code',
        planLabel: 'Kimi Code Plan',
      },
    };
  }
  if (key.startsWith('sk-or-v1-') && input.provider !== 'open_router') {
    return {
      guess: { brand: 'openrouter', name: 'OpenRouter', confidence: 'high', shape: 'sk-or-v1-…', reason: 'OpenRouter keys start with sk-or-v1-' },
      fit: 'mismatch',
      message: 'This looks like an OpenRouter key — switch?',
      suggestion: { brand: 'openrouter', provider: 'open_router', providerName: 'OpenRouter' },
    };
  }
  if (/^sk-(FAKE)?[0-9a-f]+$/.test(key) && input.provider === 'anthropic') {
    return {
      guess: { confidence: 'low', shape: 'sk-…', reason: 'several providers', candidates: ['OpenAI'] },
      fit: 'unexpected',
      message: "This doesn't look like an Anthropic key: Anthropic keys start with sk-ant-.",
    };
  }
  return ok;
}

const NAMESPACE: Record<string, string> = {
  anthropic: 'anthropic',
  google_gemini: 'google',
  google_vertex: 'google',
  openai: 'openai',
  open_router: 'openrouter',
  openai_compatible: 'openaiCompatible',
  novita: 'openaiCompatible',
};

// A stand-in for backend/thinking, reduced to what the components show:
// the real rules are tested in Go and in the browser test.
export function preview(input: SlotSettings): ThinkingPreview {
  const ns = NAMESPACE[input.provider] ?? '';
  const base = {
    notes: [] as string[],
    problems: [] as ThinkingPreview['problems'],
    example: '{\n  "thinking": { "type": "enabled" }\n}',
    says: 'as Kodus selfhosted-2.1.x sends it',
    levels: ['off', 'low', 'medium', 'high', 'custom'],
    issues: [],
  };
  const effort = input.reasoningEffort || 'off';
  if (effort === 'off') return { ...base, providerOptions: {}, notes: ["Off: no reasoning options: the model's default applies"] };
  if (effort !== 'custom') return { ...base, providerOptions: { [ns]: { level: effort } }, notes: [`${input.provider}: level ${effort}`] };
  const text = input.reasoningConfigOverride ?? '';
  try {
    const v = JSON.parse(text);
    return { ...base, providerOptions: { [ns]: v }, notes: [`wrapped under "${ns}"`, 'warning: this model does not accept it'] };
  } catch {
    const comma = /,\s*[}\]]/.exec(text);
    const at = comma ? comma.index : 0;
    const before = text.slice(0, at).split('\n');
    return {
      ...base,
      providerOptions: {},
      problems: [{ line: before.length, column: before[before.length - 1].length + 1, message: "trailing comma: JSON allows no ',' after the last field; remove it" }],
    };
  }
}

/**
 * A dry run reduced to one rule the components show: Moonshot's Kimi
 * refuses any temperature but 1. The real translation is tested in Go and
 * in the browser test.
 */
export function fakeDryRun(req: DryRunRequest, input: Pick<SlotInput, 'provider' | 'model' | 'temperature' | 'maxOutputTokens'> & { baseURL?: string }): DryRunResult {
  const base = input.baseURL || catalog.providers.find((p) => p.id === input.provider)?.defaultBaseURL || '';
  const request = {
    method: 'POST',
    url: `${base.replace(/\/$/, '')}/chat/completions`,
    headers: { Authorization: 'Bearer [redacted]', 'Content-Type': 'application/json' },
    body: {
      model: input.model,
      max_tokens: input.maxOutputTokens,
      temperature: input.temperature,
      messages: [{ role: 'user', content: 'Settings check from Kodus BYOK Studio: reply with the single word OK.' }],
    },
    api: 'chat-completions',
    sdk: '@ai-sdk/openai-compatible (name "openai-compatible")',
    maxOutputTokens: input.maxOutputTokens,
    notes: [] as string[],
  };
  const out: DryRunResult = { fieldErrors: [], notices: [], worstCase: '0.065593', worstCaseTokens: input.maxOutputTokens ?? 0 };
  if (req.preview) {
    return {
      ...out,
      result: {
        ok: true,
        code: 'preview',
        httpStatus: 0,
        latencyMs: 0,
        request,
        message: 'Nothing was sent.',
        hint: 'Send it once.',
        headline: 'Preview — not sent',
        sent: false,
        notes: [],
      },
    };
  }
  if (!req.apiKey && req.config) return { ...out, fieldErrors: [{ field: 'apiKey', rule: 'is required to send a dry run to Moonshot AI (Preview needs none)' }] };
  if (input.model.startsWith('kimi') && input.temperature !== 1) {
    return {
      ...out,
      result: {
        ok: false,
        code: 'settings_rejected',
        httpStatus: 400,
        latencyMs: 180,
        request,
        sent: true,
        parameter: 'temperature',
        headline: 'Setting rejected: temperature',
        message: 'Moonshot refused the request because of the temperature Kodus sends.',
        providerMessage: 'invalid temperature: only 1 is allowed for this model',
        hint: 'Set Temperature to 1 (Advanced settings).',
        notes: [],
      },
    };
  }
  return {
    ...out,
    result: {
      ok: true,
      code: 'ok',
      httpStatus: 200,
      latencyMs: 320,
      request,
      sent: true,
      headline: 'Settings accepted',
      message: 'Moonshot accepted the request.',
      hint: '',
      usage: { inputTokens: 20, outputTokens: 85, reasoningTokens: 80, cost: '0.000359', costNote: "at Kimi K2.6's price as of 2026-07-24" },
      reply: 'OK',
      notes: [],
    },
  };
}
