// Fixtures for the fake Api: the real embedded catalog and canned backend answers.
import catalogJSON from '../../../backend/kodusline/data/mid-2026/catalog.json';
import type { Catalog, ConcurrencyReport, DiscoverResult, KeyTestResult, LineInfo, MeasureRequest, RepoScan, SlotSettings, SlotView } from '../api';

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

export function view(input: SlotSettings, masked = 'sk…xyz'): SlotView {
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
export interface PendingMeasure {
  req: MeasureRequest;
  finish: (r: ConcurrencyReport) => void;
}
