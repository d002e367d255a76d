// An in-memory Api for component tests: the real embedded catalog, and
// save/check rules reduced to what the components under test rely on.
// A real report from the Go estimator (`kodus-byok cost --json`, default assumptions).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Api,
  ConcurrencyProgressEvent,
  ConcurrencyReport,
  ConcurrencyRequest,
  CostReport,
  CostRequest,
  DiscoverRequest,
  DryRunRequest,
  ManualPrice,
  MeasureRequest,
  ProfileView,
  RepoProgress,
  RepoReport,
  RepoScanRequest,
  SaveSlotRequest,
  SlotInput,
  TestSlotRequest,
} from '../api';
import { vi } from 'vitest';
import { exportApi } from './fakeApiExport';
import { catalog, fakeResult, fakeScan, MAIN_ONLY, measuredReport, ollamaFound, view, lineInfo, type PendingMeasure } from './fakeApiFixtures';
import { check, fakeDryRun, fakeVerdict, preview, warn } from './fakeApiRules';

export { catalog, fakeResult, fakeScan, lineInfo, MAIN_ONLY, measuredReport, ollamaFound } from './fakeApiFixtures';

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
    ...exportApi(state),
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
