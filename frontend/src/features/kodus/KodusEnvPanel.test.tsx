import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileView } from '../../api';
import { KodusApiContext, type KodusApi, type KodusEnvPlan, type KodusEnvResult, type KodusInstall } from '../../kodusApi';
import { KodusEnvPanel } from './KodusEnvPanel';

const profiles = [{ name: 'team', main: { provider: 'anthropic', model: 'claude-sonnet-4-6', hasKey: true }, advice: [] }] as unknown as ProfileView[];

const install = {
  dir: '/home/me/kodus-installer',
  composeFile: '/home/me/kodus-installer/docker-compose.yml',
  envFile: '/home/me/kodus-installer/.env',
  services: ['api', 'worker'],
  llmServices: ['api', 'worker'],
  optionalLLMServices: [],
  apiService: 'api',
  imageTag: '',
  foundBy: ['home'],
  running: [],
} as KodusInstall;

const plan = {
  install,
  merge: {
    path: install.envFile,
    diff: '+API_LLM_PROVIDER_MODEL=claude-sonnet-4-6\n',
    changes: [],
    digest: 'd1',
    noChange: false,
    mode: '0644',
    modeWarning: `${install.envFile} is readable by other users on this machine (mode 0644): the key written into it will be too; tighten it to 0600 so only its owner can read it`,
  },
  services: ['api', 'worker'],
  restartCommand: 'cd /home/me/kodus-installer && docker compose up -d api worker',
  notes: [],
} as unknown as KodusEnvPlan;

function fake(): KodusApi {
  const unused = async () => {
    throw new Error('not used');
  };
  return {
    session: vi.fn(unused),
    login: vi.fn(unused),
    logout: vi.fn(unused),
    status: vi.fn(unused),
    find: vi.fn(async () => ({ installs: [install], searched: [install.dir], dockerNote: '' })),
    inspectDir: vi.fn(async () => install),
    pickFolder: vi.fn(async () => ''),
    planEnv: vi.fn(async () => plan),
    applyEnv: vi.fn(
      async () =>
        ({
          plan,
          written: { path: install.envFile, backup: `${install.envFile}.bak`, fillIns: [], problems: [], generated: [], changes: [], notes: [] },
          restart: { requested: false, ran: false, ok: false, services: [], command: plan.restartCommand },
        }) as unknown as KodusEnvResult,
    ),
    planApply: vi.fn(unused),
    apply: vi.fn(unused),
    onComposeLine: () => () => {},
  };
}

describe('KodusEnvPanel', () => {
  beforeAll(() => {
    // jsdom lays nothing out: the Compose log's scroll is a no-op here.
    Element.prototype.scrollTo = () => {};
  });

  it('warns that others can read the .env and tightens it to owner-only when asked', async () => {
    const user = userEvent.setup();
    const api = fake();
    render(
      <KodusApiContext.Provider value={api}>
        <KodusEnvPanel profiles={profiles} signedIn={false} onApplied={() => {}} />
      </KodusApiContext.Provider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Preview the merge' }));
    const warning = await screen.findByTestId('kodus-env-mode-warning');
    expect(warning).toHaveTextContent('readable by other users on this machine (mode 0644)');
    const box = within(warning).getByRole('checkbox');
    expect(box).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Write and recreate…' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Other users can read it (mode 0644)');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Write and recreate…' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Its mode goes from 0644 to owner-only.');
    await user.click(screen.getByRole('button', { name: 'Write and recreate' }));
    await screen.findByTestId('kodus-env-result');
    expect(api.applyEnv).toHaveBeenCalledWith(expect.objectContaining({ dir: install.dir, digest: 'd1', chmod600: true }));
  });
});
