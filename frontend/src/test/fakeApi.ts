// An in-memory Api for component tests: the real embedded catalog, and
// save/check rules reduced to what the components under test rely on.
import catalogJSON from '../../../backend/catalog/catalog.json';
import type { Api, Catalog, FieldError, ProfileView, SaveSlotRequest, SlotInput, SlotView, ThinkingPreview } from '../api';
import { vi } from 'vitest';

export const catalog = catalogJSON as unknown as Catalog;

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

const NAMESPACE: Record<string, string> = { anthropic: 'anthropic', google_gemini: 'google', google_vertex: 'google', openai: 'openai', open_router: 'openrouter', openai_compatible: 'openaiCompatible', novita: 'openaiCompatible' };

// A stand-in for backend/thinking, reduced to what the components show:
// the real rules are tested in Go and in the browser test.
function preview(input: SlotInput): ThinkingPreview {
  const ns = NAMESPACE[input.provider] ?? '';
  const base = { notes: [] as string[], problems: [] as ThinkingPreview['problems'], example: '{\n  "thinking": { "type": "enabled" }\n}' };
  const effort = input.reasoningEffort || 'off';
  if (effort === 'off') return { ...base, providerOptions: {}, notes: ["Off: no reasoning options: the model's default applies"] };
  if (effort !== 'custom') return { ...base, providerOptions: { [ns]: { level: effort } }, notes: [`${input.provider}: level ${effort}`] };
  const text = input.reasoningConfigOverride;
  try {
    const v = JSON.parse(text);
    return { ...base, providerOptions: { [ns]: v }, notes: [`wrapped under "${ns}"`, 'warning: this model does not accept it'] };
  } catch {
    const comma = /,\s*[}\]]/.exec(text);
    const at = comma ? comma.index : 0;
    const before = text.slice(0, at).split('\n');
    return { ...base, providerOptions: {}, problems: [{ line: before.length, column: before[before.length - 1].length + 1, message: 'trailing comma: JSON allows no \',\' after the last field; remove it' }] };
  }
}

export function fakeApi(profiles: ProfileView[] = []) {
  const state = { profiles: [...profiles], saved: [] as SaveSlotRequest[] };
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
    previewThinking: vi.fn(async (_slot: string, input: SlotInput) => preview(input)),
  };
  return { api, state };
}
