// An in-memory Api for component tests: the real embedded catalog, and
// save/check rules reduced to what the components under test rely on.
import catalogJSON from '../../../backend/kodusline/data/mid-2026/catalog.json';
// A real report from the Go estimator (`kodus-byok cost --json`, default assumptions).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Api,
  Catalog,
  LineInfo,
  ConcurrencyProgressEvent,
  ConcurrencyReport,
  ConcurrencyRequest,
  CostReport,
  CostRequest,
  DiscoverRequest,
  DiscoverResult,
  DryRunRequest,
  DryRunResult,
  EnvExportView,
  EnvOptions,
  FieldError,
  KeyTestResult,
  KeyVerdict,
  ManualPrice,
  MeasureRequest,
  ProfileView,
  RepoProgress,
  RepoReport,
  RepoScan,
  RepoScanRequest,
  SaveSlotRequest,
  SlotInput,
  SlotSettings,
  SlotView,
  TestSlotRequest,
  ThinkingPreview,
} from '../api';
import { vi } from 'vitest';

export const catalog = catalogJSON as unknown as Catalog;

/** What a v1 Kodus reads from Main only (the backend's studio.FallbackIgnores). */
export const MAIN_ONLY = ['reasoningEffort', 'reasoningConfigOverride', 'openrouterProviderOrder', 'openrouterAllowFallbacks', 'maxInputTokens'];

/** A key test verdict by the key's text: "bad" → auth, "slow" → rate limit, else ok. */
export function fakeResult(slot: string, key: string): KeyTestResult {
  const base = { slot, latencyMs: 42, endpoint: 'http://127.0.0.1:9/v1/models', probe: 'metadata' };
  if (key.includes('bad')) {
    return {
      ...base,
      ok: false,
      code: 'auth',
      httpStatus: 401,
      message: 'The provider rejected this API key.',
      headline: 'Invalid API key',
      providerMessage: 'Incorrect API key provided: [redacted]',
      hint: 'Invalid API key: copy the key again.',
    };
  }
  if (key.includes('slow')) {
    return {
      ...base,
      ok: true,
      code: 'rate_limit',
      httpStatus: 429,
      message: 'Throttled, but the key works.',
      headline: 'Rate limited — the key works',
      hint: 'Lower Max concurrent requests.',
    };
  }
  return { ...base, ok: true, code: 'ok', httpStatus: 200, modelFound: true, message: 'The provider accepted the key.', headline: 'Connection OK', hint: '' };
}

function view(input: SlotSettings, masked = 'sk…xyz'): SlotView {
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

/** The line info the Go backend returns (`kodus line show --json`). */
export function lineInfo(id: string, source: string): LineInfo {
  const lines = [
    { id: 'current', name: 'Kodus latest', release: 'latest', description: 'What IMAGE_TAG=latest runs.' },
    { id: 'mid-2026', name: 'Kodus selfhosted-2.1.x', release: 'selfhosted-2.1.x', description: 'Kodus as of mid-2026.' },
  ];
  const l = lines.find((x) => x.id === id)!;
  return { ...l, source, saved: source === 'saved' ? id : '', lines };
}

/** A discovery that found Ollama with two models and nothing on vLLM's port. */
export const ollamaFound: DiscoverResult = {
  servers: [
    {
      kind: 'ollama',
      name: 'Ollama',
      baseURL: 'http://127.0.0.1:11434/v1',
      version: '0.12.6',
      latencyMs: 3,
      containerBaseURL: 'http://host.docker.internal:11434/v1',
      models: [
        { id: 'llama3.1:8b', parameterSize: '8.0B', quantization: 'Q4_K_M', sizeBytes: 4920753328 },
        { id: 'qwen2.5-coder:7b', parameterSize: '7.6B', quantization: 'Q4_K_M', sizeBytes: 4683087332 },
      ],
      notes: ['Ollama listens only on 127.0.0.1 by default: start it with OLLAMA_HOST=0.0.0.0 so Kodus’s containers can reach it.'],
    },
  ],
  unreachable: [{ baseURL: 'http://127.0.0.1:8000/v1', reason: 'nothing listening (connection refused)' }],
  elapsedMs: 4,
};

/** Key shapes reduced to the three the component tests use. */
function fakeVerdict(raw: string, input: SlotSettings): KeyVerdict {
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
function preview(input: SlotSettings): ThinkingPreview {
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
/** A scan as Go reports it: 42 merges over 90 days. */
export const fakeScan: RepoScan = {
  path: '/src/shop',
  branch: 'main',
  head: 'f00dfeed',
  unit: 'merge',
  since: '90d',
  from: '2026-08-22',
  to: '2026-11-20',
  days: 90,
  commits: 57,
  directCommits: 15,
  notReviewed: 1,
  changes: 42,
  perMonth: 14.2,
  medianTokens: 1840,
  p90Tokens: 9100,
  maxTokens: 48200,
  totalTokens: 161000,
  medianFiles: 4,
  files: 190,
  skipped: { ignored: 12, binary: 2 },
  ignore: ['yarn.lock'],
  contextLines: 3,
  tokenizer: 'o200k_base',
  elapsedMs: 820,
  histogram: [
    { from: 500, to: 1000, count: 9 },
    { from: 1000, to: 2000, count: 14 },
    { from: 2000, to: 5000, count: 11 },
    { from: 5000, to: 10000, count: 5 },
    { from: 10000, to: 20000, count: 2 },
    { from: 20000, to: 50000, count: 1 },
  ],
};

/** A probe's report as the Go probe writes it for a cap of 3 on the GLM Coding Plan. */
export const measuredReport: ConcurrencyReport = {
  cap: 3,
  recommended: 2,
  requests: 7,
  rounds: 3,
  stoppedBy: 'rate_limit',
  exact: true,
  ceiling: 32,
  maxRequests: 95,
  maxAccepted: 3,
  accepted: 6,
  rejected: 1,
  late: 0,
  why: "GLM Coding Plan accepted 3 requests at once and rejected one more (HTTP 429, 1302: High concurrency usage of this API). The GLM Coding Plan's limit moves with load (and is documented by one source at best), so 2 leaves headroom for busy hours. Recommended: 2.",
  history: [],
  elapsedMs: 900,
};

/** A pending measurement: the test finishes or cancels it. */
interface PendingMeasure {
  req: MeasureRequest;
  finish: (r: ConcurrencyReport) => void;
}

export function fakeApi(profiles: ProfileView[] = []) {
  const state = {
    profiles: [...profiles],
    saved: [] as SaveSlotRequest[],
    tested: [] as TestSlotRequest[],
    dryRuns: [] as DryRunRequest[],
    discovery: ollamaFound,
    discoverRequests: [] as DiscoverRequest[],
    costRequests: [] as CostRequest[],
    prices: [] as ManualPrice[],
    scans: [] as RepoScanRequest[],
    ignoreSaved: [] as string[][],
    concurrencyRequests: [] as ConcurrencyRequest[],
    measures: [] as PendingMeasure[],
    cancelled: [] as string[],
    progressListeners: new Set<(e: ConcurrencyProgressEvent) => void>(),
    profileListeners: new Set<() => void>(),
  };
  let progress: ((p: RepoProgress) => void) | null = null;
  let stop: (() => void) | null = null;
  // The Go backend's answer for a GLM Coding Plan profile (`concurrency advise --json`).
  const advise = JSON.parse(readFileSync(join(__dirname, '../../../backend/cli/testdata/concurrency-advise.json.golden'), 'utf8'));
  const costReport = JSON.parse(readFileSync(join(__dirname, '../../../backend/cli/testdata/cost.json.golden'), 'utf8')) as CostReport;
  const check = (input: SlotSettings): FieldError[] => {
    const errs: FieldError[] = [];
    if (!input.model) errs.push({ field: 'model', rule: 'is required' });
    if (input.temperature !== undefined && (input.temperature < 0 || input.temperature > 2)) errs.push({ field: 'temperature', rule: 'must be between 0 and 2' });
    if (input.provider === 'openai_compatible' && !input.baseURL) errs.push({ field: 'baseURL', rule: 'is required for OpenAI-compatible' });
    return errs;
  };
  // The backend's token check, reduced to one model's figure.
  const warn = (input: SlotSettings): FieldError[] =>
    input.model === 'gpt-5.4' && (input.maxOutputTokens ?? 0) > 128000
      ? [
          {
            field: 'maxOutputTokens',
            rule: 'is more than the 128,000 output tokens GPT-5.4 can write: the provider rejects or cuts such calls; use 128,000 or less',
            value: String(input.maxOutputTokens),
          },
        ]
      : [];
  const api: Api = {
    environment: vi.fn(async () => ({
      version: 'test',
      dataDir: '/tmp/x',
      keychainBackend: 'file',
      keychainDescription: 'encrypted files',
      needsPassphrase: false,
    })),
    unlockKeychain: vi.fn(async () => {}),
    doctor: vi.fn(async () => ({
      version: 'test',
      commit: 'abc1234',
      buildDate: '2026-12-04',
      gui: true,
      dataDir: '/tmp/x',
      keychainBackend: 'file',
      checks: [],
      ok: true,
    })),
    catalog: vi.fn(async () => catalog),
    kodusLine: vi.fn(async () => lineInfo('mid-2026', 'saved')),
    setKodusLine: vi.fn(async (id: string) => lineInfo(id, 'saved')),
    slotMoves: vi.fn(async () => []),
    moveSlot: vi.fn(async () => {
      throw new Error('nothing to move');
    }),
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
        awsRegion: '',
        awsAuth: '',
      };
    }),
    // A Kodus with the v1 BYOK shape: its Fallback reads thinking, routing and max input from Main.
    checkSlot: vi.fn(async (_p: string, s: string, input: SlotInput) => ({
      fieldErrors: check(input),
      fieldWarnings: warn(input),
      notices: [],
      // As the backend: a provider that needs a key, or a catalog model (a local server needs none).
      keyRequired: catalog.providers.find((p) => p.id === input.provider)?.requiresKey !== false || catalog.models.some((m) => m.id === input.model),
      mainOnly: s === 'fallback' ? MAIN_ONLY : [],
    })),
    previewKey: vi.fn(async (raw: string) => {
      const k = raw.trim().replace(/^"|"$/g, '');
      return k.includes(' ')
        ? { masked: '', notes: [], error: 'the key has a space or line break inside it' }
        : { masked: `${k.slice(0, 2)}…${k.slice(-3)}`, notes: raw !== k ? ['removed surrounding quotes'] : [] };
    }),
    profiles: vi.fn(async () => state.profiles),
    profile: vi.fn(async (name: string) => state.profiles.find((p) => p.name === name)!),
    slotInput: vi.fn(async () => {
      throw new Error('not used');
    }),
    saveSlot: vi.fn(async (req: SaveSlotRequest) => {
      state.saved.push(req);
      const errs = check(req.config);
      // Local OpenAI-compatible servers may be keyless, as in the backend.
      if (!req.apiKey && req.config.provider !== 'openai_compatible') errs.push({ field: 'apiKey', rule: 'is required' });
      if (errs.length) return { saved: false, notices: [], fieldErrors: errs };
      const p: ProfileView = { name: req.profile, main: view(req.config), advice: [], createdAt: '', updatedAt: '' };
      state.profiles = [...state.profiles.filter((x) => x.name !== p.name), p];
      return { saved: true, profile: p, notices: [], fieldErrors: [] };
    }),
    deleteProfile: vi.fn(async () => []),
    deleteFallback: vi.fn(async () => ({ profile: state.profiles[0], notices: [] })),
    openURL: vi.fn(async () => {}),
    checkKey: vi.fn(async (raw: string, input: SlotInput) => fakeVerdict(raw, input)),
    discoverServers: vi.fn(async (req: DiscoverRequest) => {
      state.discoverRequests.push(req);
      return state.discovery;
    }),
    costDefaults: vi.fn(async () => ({ ...costReport.assumptions })),
    // The arithmetic lives in Go; the fake returns the Go report with the
    // request's assumptions and a model without a price when asked for one.
    estimateCost: vi.fn(async (req: CostRequest) => {
      state.costRequests.push(req);
      if (req.assumptions.prsPerMonth < 1) return { fieldErrors: [{ field: 'prsPerMonth', rule: 'must be a whole number from 1 to 1000000', value: String(req.assumptions.prsPerMonth) }] };
      const rows = [...costReport.rows];
      if (req.models?.some((m) => m.model === 'llama3.1:8b') && !state.prices.some((p) => p.model === 'llama3.1:8b')) {
        rows.push({
          model: 'llama3.1:8b',
          name: 'llama3.1:8b',
          status: 'no-price',
          inputTokens: 88000,
          cachedInputTokens: 0,
          cacheWriteTokens: 0,
          outputTokens: 8800,
          reasoningTokens: 15000,
          tier: '',
          source: '',
          pricedAt: '',
          thinking: 'medium',
          notes: ['no price for llama3.1:8b'],
        });
      }
      const report = { ...costReport, assumptions: req.assumptions, rows, missingPrices: rows.filter((r) => r.status === 'no-price').map((r) => r.model) };
      if (!req.repo) return { report, fieldErrors: [] };
      const repo: RepoReport = {
        scan: fakeScan,
        calls: req.repo.calls,
        tokenizerNote: 'Token counts use OpenAI’s o200k_base tokenizer.',
        biggest: [
          {
            hash: 'abcdef0123',
            subject: 'Merge pull request #7 from shop/checkout',
            when: '2026-10-02',
            files: 31,
            tokens: 48200,
            share: 0.299,
            costs: rows.map((r) => ({ model: r.model, plan: r.plan, cost: r.status === 'priced' ? '0.3125' : undefined })),
          },
        ],
      };
      return { report, fieldErrors: [], repo };
    }),
    setPrice: vi.fn(async (p: ManualPrice) => {
      if (!p.input) return { saved: false, fieldErrors: [{ field: 'input', rule: 'is required (USD per 1M tokens; 0 for a free local model)' }] };
      state.prices.push(p);
      return { saved: true, fieldErrors: [] };
    }),
    unsetPrice: vi.fn(async () => {}),
    testSlotSettings: vi.fn(async (req: TestSlotRequest) => {
      state.tested.push(req);
      const errs = check(req.config);
      if (!req.apiKey && req.config.provider !== 'openai_compatible') errs.push({ field: 'apiKey', rule: 'is required to test' });
      if (errs.length) return { fieldErrors: errs, notices: [] };
      return { result: fakeResult(req.slot, req.apiKey), fieldErrors: [], notices: [] };
    }),
    testProfileSlot: vi.fn(async (name: string, slot: string) => fakeResult(slot, name)),
    describeKeyTest: vi.fn(async (input: SlotInput) =>
      input.model.startsWith('glm')
        ? {
            kind: 'inference',
            requests: ['POST https://api.z.ai/api/paas/v4/chat/completions'],
            note: 'Z.ai has no way to check a key without inference: Test sends one request of at most 1 output token.',
          }
        : { kind: 'metadata', requests: ['GET https://api.example/v1/models'] },
    ),
    exportEnv: vi.fn(async (name: string, opts: EnvOptions) =>
      exportView(
        state.profiles.find((p) => p.name === name)!,
        opts,
      ),
    ),
    copyEnvBlock: vi.fn(async () => {}),
    writeEnv: vi.fn(async (req) => ({
      path: req.path,
      fillIns: [],
      problems: [],
      generated: [],
      changes: [],
      notes: ['written with mode 0600: it holds your key'],
    })),
    planEnvMerge: vi.fn(async (req) => ({
      path: req.path,
      diff: '--- .env\n+++ .env (merged)\n-API_LLM_PROVIDER_MODEL=kimi-k2.6\n+API_LLM_PROVIDER_MODEL=glm-5.1\n',
      changes: [{ var: 'API_LLM_PROVIDER_MODEL', action: 'set', line: 3 }],
      current: {
        fixedMode: true,
        inferred: {
          configured: true,
          provider: 'openai_compatible',
          providerLabel: 'OpenAI-compatible',
          model: 'kimi-k2.6',
          baseURL: 'https://api.moonshot.ai/v1',
          rule: 'r',
        },
        keyVar: 'API_OPEN_AI_API_KEY',
        keyMasked: 'sk…old',
        warnings: [],
        problems: [],
      },
      inferred: { configured: true, provider: 'openai_compatible', providerLabel: 'OpenAI-compatible', model: 'glm-5.1', rule: 'r' },
      digest: 'd1',
      noChange: false,
    })),
    applyEnvMerge: vi.fn(async (req) => ({
      path: req.path,
      backup: req.path + '.bak-1',
      fillIns: [],
      problems: [],
      generated: [],
      changes: [],
      notes: ['the old file is backed up'],
    })),
    inspectEnv: vi.fn(async (path: string) => {
      throw new Error(`read ${path}: open ${path}: no such file or directory`);
    }),
    repoDefaults: vi.fn(async () => ({
      sinceDays: 90,
      last: 200,
      contextLines: 3,
      calls: { filePromptTokens: 4500, chunkTokens: 38400 },
      ignore: { lines: ['# lock files', 'yarn.lock', 'vendor/'], default: true },
      tokenizer: 'o200k_base',
      tokenizerNote: 'Token counts use OpenAI’s o200k_base tokenizer (GPT-4o, GPT-5).',
    })),
    pickRepoFolder: vi.fn(async () => '/src/picked'),
    // "/not-a-repo" fails like Go does; "/slow" runs until cancelled.
    scanRepo: vi.fn(async (req: RepoScanRequest) => {
      state.scans.push(req);
      progress?.({ phase: 'history', commits: 57, measured: 0, total: 0 });
      if (req.dir === '/not-a-repo') throw new Error('not a git repository: no .git in /not-a-repo or any folder above it');
      if (req.dir === '/slow') {
        progress?.({ phase: 'measure', commits: 57, measured: 10, total: 42 });
        await new Promise<void>((resolve) => (stop = resolve));
        throw new Error('the scan was stopped');
      }
      return { id: 'scan-1', scan: fakeScan, fieldErrors: [] };
    }),
    cancelRepoScan: vi.fn(async () => stop?.()),
    saveRepoIgnore: vi.fn(async (lines: string[]) => {
      if (lines.some((l) => l.includes('**') && !l.includes('/**'))) return [{ field: 'ignore', rule: 'line 1: ** must be a whole path segment (a/**/b)' }];
      state.ignoreSaved.push(lines);
      return [];
    }),
    onRepoProgress: (cb) => {
      progress = cb;
      return () => (progress = null);
    },
    importEnv: vi.fn(async () => {
      throw new Error('not used');
    }),
    byokJSON: vi.fn(async () => ({
      json: '{\n  "main": {}\n}\n',
      notes: ['keys are left out'],
      warnings: [],
      says: 'as Kodus selfhosted-2.1.x saves it',
      shape: 'Kodus selfhosted-2.1.x saves {main, fallback}.',
    })),
    writeBYOKFile: vi.fn(async (_p: string, path: string) => ({ path, fillIns: [], problems: [], generated: [], changes: [], notes: [] })),
    previewThinking: vi.fn(async (_slot: string, input: SlotInput) => preview(input)),
    dryRunSlot: vi.fn(async (req: DryRunRequest) => {
      state.dryRuns.push(req);
      const p = state.profiles.find((x) => x.name === req.profile);
      const input = req.config ?? (req.slot === 'fallback' ? p?.fallback : p?.main);
      if (!input) throw new Error(`profile "${req.profile}" not found`);
      return fakeDryRun(req, input);
    }),
    // The golden view of the Go backend; only the setting follows the form.
    concurrencyInfo: vi.fn(async (req: ConcurrencyRequest) => {
      state.concurrencyRequests.push(req);
      const slot = advise.slots[0];
      return {
        profile: req.profile,
        slot: req.slot,
        plan: slot.plan,
        preFill: slot.preFill,
        setting: req.config?.maxConcurrentRequests,
        advice: advise.advice,
        calculator: slot.calculator,
        measure: slot.measure,
        fieldErrors: [],
      };
    }),
    measureConcurrency: vi.fn(
      (req: MeasureRequest) =>
        new Promise<ConcurrencyReport>((finish) => {
          state.measures.push({ req, finish });
          const progress = {
            round: 2,
            target: 2,
            sent: 2,
            accepted: 1,
            rejected: 0,
            inFlight: 1,
            requests: 3,
            maxRequests: 95,
            good: 2,
            bad: 0,
            phase: 'sending' as const,
            message: 'Burst 2 (up to 2 at once): 2 sent, 1 accepted, 0 rejected.',
          };
          state.progressListeners.forEach((cb) => cb({ id: req.id, progress }));
        }),
    ),
    cancelConcurrencyMeasure: vi.fn(async (id: string) => {
      state.cancelled.push(id);
      const m = state.measures.find((x) => x.req.id === id);
      m?.finish({
        ...measuredReport,
        cap: 2,
        recommended: 0,
        requests: 4,
        stoppedBy: 'cancelled',
        exact: false,
        why: 'Cancelled after 4 requests. Up to 2 at once had worked before it.',
      });
    }),
    onConcurrencyProgress: (cb) => {
      state.progressListeners.add(cb);
      return () => state.progressListeners.delete(cb);
    },
    onProfilesChanged: (cb) => {
      state.profileListeners.add(cb);
      return () => state.profileListeners.delete(cb);
    },
  };
  return { api, state };
}

/** The export of a profile as the backend describes it, for Export view tests. */
function exportView(p: ProfileView, opts: EnvOptions): EnvExportView {
  const base = opts.replaceLocalhost ? p.main.effectiveBaseURL.replace('localhost', opts.replaceLocalhost) : p.main.effectiveBaseURL;
  const local = base.includes('localhost');
  return {
    profile: p.name,
    vars: [
      { name: 'API_OPEN_AI_API_KEY', value: p.main.apiKeyMasked ?? 'no-key-needed', secret: true },
      { name: 'API_OPENAI_FORCE_BASE_URL', value: base, secret: false },
      { name: 'API_LLM_PROVIDER_MODEL', value: p.main.model, secret: false },
    ],
    preview: `API_OPEN_AI_API_KEY=${p.main.apiKeyMasked}\nAPI_OPENAI_FORCE_BASE_URL=${base}\nAPI_LLM_PROVIDER_MODEL=${p.main.model}\n`,
    inferred: {
      configured: true,
      provider: 'openai_compatible',
      providerLabel: 'OpenAI-compatible',
      model: p.main.model,
      baseURL: base,
      rule: 'any other model goes to the OpenAI-compatible client',
    },
    expected: { provider: 'openai_compatible', baseURL: base },
    routingOK: true,
    warnings: local ? [{ code: 'localhost', message: `${base} points at localhost`, fix: 'Use host.docker.internal' }] : [],
    notCarried: p.main.maxConcurrentRequests ? [{ setting: 'Max concurrent requests', value: String(p.main.maxConcurrentRequests), consequence: 'Fixed Mode applies no concurrency cap' }] : [],
    localEndpoint: local,
    lanAddresses: ['192.168.1.20'],
    canTrustSchema: true,
  };
}

/**
 * A dry run reduced to one rule the components show: Moonshot's Kimi
 * refuses any temperature but 1. The real translation is tested in Go and
 * in the browser test.
 */
function fakeDryRun(req: DryRunRequest, input: Pick<SlotInput, 'provider' | 'model' | 'temperature' | 'maxOutputTokens'> & { baseURL?: string }): DryRunResult {
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
