// An in-memory Api for component tests: the real embedded catalog, and
// save/check rules reduced to what the components under test rely on.
import catalogJSON from '../../../backend/catalog/catalog.json';
import type { Api, Catalog, FieldError, KeyTestResult, ProfileView, SaveSlotRequest, SlotInput, SlotView, TestSlotRequest } from '../api';
import { vi } from 'vitest';

export const catalog = catalogJSON as unknown as Catalog;

/** A key test verdict by the key's text: "bad" → auth, "slow" → rate limit, else ok. */
export function fakeResult(slot: string, key: string): KeyTestResult {
  const base = { slot, latencyMs: 42, endpoint: 'http://127.0.0.1:9/v1/models', probe: 'metadata' };
  if (key.includes('bad')) {
    return { ...base, ok: false, code: 'auth', httpStatus: 401, message: 'The provider rejected this API key.', headline: 'Invalid API key', providerMessage: 'Incorrect API key provided: [redacted]', hint: 'Invalid API key: copy the key again.' };
  }
  if (key.includes('slow')) {
    return { ...base, ok: true, code: 'rate_limit', httpStatus: 429, message: 'Throttled, but the key works.', headline: 'Rate limited — the key works', hint: 'Lower Max concurrent requests.' };
  }
  return { ...base, ok: true, code: 'ok', httpStatus: 200, modelFound: true, message: 'The provider accepted the key.', headline: 'Connection OK', hint: '' };
}

function view(input: SlotInput, masked = 'sk…xyz'): SlotView {
  const m = catalog.models.find((x) => x.id === input.model);
  const p = catalog.providers.find((x) => x.id === input.provider);
  return {
    ...input,
    providerName: m?.providerDisplayName ?? p?.displayName ?? input.provider,
    modelName: m?.displayName ?? input.model,
    recommended: m?.tier === 'recommended',
    effectiveBaseURL: input.baseURL || p?.defaultBaseURL || '',
    hasKey: true,
    apiKeyMasked: masked,
  };
}

export function fakeApi(profiles: ProfileView[] = []) {
  const state = { profiles: [...profiles], saved: [] as SaveSlotRequest[], tested: [] as TestSlotRequest[] };
  const check = (input: SlotInput): FieldError[] => {
    const errs: FieldError[] = [];
    if (!input.model) errs.push({ field: 'model', rule: 'is required' });
    if (input.temperature !== undefined && (input.temperature < 0 || input.temperature > 2)) errs.push({ field: 'temperature', rule: 'must be between 0 and 2' });
    if (input.provider === 'openai_compatible' && !input.baseURL) errs.push({ field: 'baseURL', rule: 'is required for OpenAI-compatible' });
    return errs;
  };
  const api: Api = {
    environment: vi.fn(async () => ({ version: 'test', dataDir: '/tmp/x', keychainBackend: 'file', keychainDescription: 'encrypted files', needsPassphrase: false })),
    unlockKeychain: vi.fn(async () => {}),
    doctor: vi.fn(async () => ({ version: 'test', gui: true, dataDir: '/tmp/x', keychainBackend: 'file', checks: [], ok: true })),
    catalog: vi.fn(async () => catalog),
    draft: vi.fn(async (modelID: string, plan: string) => {
      const m = catalog.models.find((x) => x.id === modelID)!;
      const v = m.variants?.find((x) => x.id === (plan || m.defaultVariantId));
      return {
        provider: m.provider,
        model: v?.model || m.id,
        plan: v?.id ?? '',
        baseURL: v?.baseURL ?? m.defaults.baseURL ?? '',
        temperature: m.defaults.temperature,
        maxOutputTokens: m.defaults.maxOutputTokens,
        reasoningEffort: m.defaults.reasoningEffort ?? '',
        reasoningConfigOverride: '',
        maxConcurrentRequests: v?.maxConcurrentRequests,
        openrouterProviderOrder: [],
        vertexLocation: '',
      };
    }),
    checkSlot: vi.fn(async (_p: string, _s: string, input: SlotInput) => ({ fieldErrors: check(input), notices: [], keyRequired: true })),
    previewKey: vi.fn(async (raw: string) => {
      const k = raw.trim().replace(/^"|"$/g, '');
      return k.includes(' ') ? { masked: '', notes: [], error: 'the key has a space or line break inside it' } : { masked: `${k.slice(0, 2)}…${k.slice(-3)}`, notes: raw !== k ? ['removed surrounding quotes'] : [] };
    }),
    profiles: vi.fn(async () => state.profiles),
    profile: vi.fn(async (name: string) => state.profiles.find((p) => p.name === name)!),
    slotInput: vi.fn(async () => {
      throw new Error('not used');
    }),
    saveSlot: vi.fn(async (req: SaveSlotRequest) => {
      state.saved.push(req);
      const errs = check(req.config);
      if (!req.apiKey) errs.push({ field: 'apiKey', rule: 'is required' });
      if (errs.length) return { saved: false, notices: [], fieldErrors: errs };
      const p: ProfileView = { name: req.profile, main: view(req.config), advice: [], createdAt: '', updatedAt: '' };
      state.profiles = [...state.profiles.filter((x) => x.name !== p.name), p];
      return { saved: true, profile: p, notices: [], fieldErrors: [] };
    }),
    deleteProfile: vi.fn(async () => []),
    deleteFallback: vi.fn(async () => ({ profile: state.profiles[0], notices: [] })),
    openURL: vi.fn(async () => {}),
    testSlotSettings: vi.fn(async (req: TestSlotRequest) => {
      state.tested.push(req);
      const errs = check(req.config);
      if (!req.apiKey) errs.push({ field: 'apiKey', rule: 'is required to test' });
      if (errs.length) return { fieldErrors: errs, notices: [] };
      return { result: fakeResult(req.slot, req.apiKey), fieldErrors: [], notices: [] };
    }),
    testProfileSlot: vi.fn(async (name: string, slot: string) => fakeResult(slot, name)),
    describeKeyTest: vi.fn(async (input: SlotInput) =>
      input.model.startsWith('glm')
        ? { kind: 'inference', requests: ['POST https://api.z.ai/api/paas/v4/chat/completions'], note: 'Z.ai has no way to check a key without inference: Test sends one request of at most 1 output token.' }
        : { kind: 'metadata', requests: ['GET https://api.example/v1/models'] },
    ),
  };
  return { api, state };
}
