// The fake Api's export side: the .env, BYOK JSON and import methods.
import type { Api, EnvExportView, EnvOptions, ProfileView } from '../api';
import { vi } from 'vitest';

type ExportMethods = 'exportEnv' | 'copyEnvBlock' | 'writeEnv' | 'planEnvMerge' | 'applyEnvMerge' | 'inspectEnv' | 'importEnv' | 'byokJSON' | 'writeBYOKFile';

/** The export methods over the fake's profiles (read at call time). */
export function exportApi(state: { profiles: ProfileView[] }): Pick<Api, ExportMethods> {
  return {
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
  };
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
