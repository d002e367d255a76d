import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type ProfileView } from '../../api';
import { ToastProvider } from '../../ui/Toasts';
import { fakeApi } from '../../test/fakeApi';
import { ExportView } from './ExportView';

const slot = (model: string, baseURL: string, extra: Partial<ProfileView['main']> = {}): ProfileView['main'] => ({
  provider: 'openai_compatible',
  providerName: 'Z.ai',
  model,
  modelName: model,
  recommended: true,
  baseURL,
  effectiveBaseURL: baseURL,
  hasKey: true,
  apiKeyMasked: 'za…hij',
  ...extra,
});
const profiles: ProfileView[] = [
  { name: 'glm', main: slot('glm-5.1', 'https://api.z.ai/api/coding/paas/v4', { maxConcurrentRequests: 1 }), advice: [], createdAt: '', updatedAt: '' },
  {
    name: 'local',
    main: slot('llama3.1:8b', 'http://localhost:11434/v1', { apiKeyMasked: undefined, hasKey: false }),
    advice: [],
    createdAt: '',
    updatedAt: '',
  },
];

function renderExport() {
  const { api } = fakeApi(profiles);
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <ExportView profiles={profiles} reload={vi.fn(async () => {})} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  return api;
}

describe('ExportView', () => {
  it('shows the masked block, the routing check and what Fixed Mode cannot carry', async () => {
    renderExport();
    expect(await screen.findByTestId('routing-check')).toHaveTextContent('Kodus will route this the way the profile means');
    expect(screen.getByTestId('env-key-masked')).toHaveTextContent('za…hij');
    expect(screen.getByTestId('env-preview')).toHaveTextContent('API_LLM_PROVIDER_MODEL=glm-5.1');
    expect(within(screen.getByTestId('not-carried')).getByText(/no concurrency cap/)).toBeInTheDocument();
  });

  it('offers host.docker.internal and the LAN address for a localhost endpoint', async () => {
    const user = userEvent.setup();
    const api = renderExport();
    await user.selectOptions(await screen.findByLabelText('Profile'), 'local');
    expect(await screen.findByTestId('localhost-warning')).toHaveTextContent('Unreachable from Kodus’s containers');
    await user.click(screen.getByRole('button', { name: 'Use 192.168.1.20' }));
    expect(api.exportEnv).toHaveBeenLastCalledWith('local', { trustJSONSchema: false, replaceLocalhost: '192.168.1.20' });
    expect(await screen.findByText(/Writing/)).toHaveTextContent('192.168.1.20');
    expect(screen.getByTestId('env-preview')).toHaveTextContent('http://192.168.1.20:11434/v1');
  });

  it('previews a merge over a Fixed Mode .env and asks before replacing it', async () => {
    const user = userEvent.setup();
    const api = renderExport();
    await screen.findByTestId('routing-check');
    await user.type(screen.getByLabelText('.env file'), '/srv/kodus/.env');
    await user.click(screen.getByRole('button', { name: 'Preview merge into this .env' }));
    const plan = await screen.findByTestId('merge-plan');
    expect(within(plan).getByTestId('env-banner')).toHaveTextContent('Kodus is using an LLM configured via environment variables');
    expect(within(plan).getByTestId('env-banner')).toHaveTextContent('sk…old');
    expect(within(plan).getByTestId('env-diff')).toHaveTextContent('+API_LLM_PROVIDER_MODEL=glm-5.1');
    await user.click(screen.getByRole('button', { name: 'Write changes…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Replace the LLM configured in this .env?');
    expect(dialog).toHaveTextContent('backed up');
    await user.keyboard('{Escape}');
    expect(api.applyEnvMerge).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Write changes…' }));
    await user.click(screen.getByRole('button', { name: 'Write changes' }));
    expect(api.applyEnvMerge).toHaveBeenCalledWith(expect.objectContaining({ path: '/srv/kodus/.env', digest: 'd1', profile: 'glm' }));
    expect(await screen.findByTestId('env-write-result')).toHaveTextContent('Backup: /srv/kodus/.env.bak-1');
  });

  it('warns when others can read the .env and tightens it only when asked', async () => {
    const user = userEvent.setup();
    const api = renderExport();
    vi.mocked(api.planEnvMerge).mockImplementation(async (req) => ({
      ...(await fakeApi(profiles).api.planEnvMerge(req)),
      mode: '0644',
      modeWarning: `${req.path} is readable by other users on this machine (mode 0644): the key written into it will be too; tighten it to 0600 so only its owner can read it`,
    }));
    await screen.findByTestId('routing-check');
    await user.type(screen.getByLabelText('.env file'), '/srv/kodus/.env');
    await user.click(screen.getByRole('button', { name: 'Preview merge into this .env' }));
    const warning = await screen.findByTestId('merge-mode-warning');
    expect(warning).toHaveTextContent('readable by other users on this machine (mode 0644)');
    await user.click(screen.getByRole('button', { name: 'Write changes…' }));
    expect(screen.getByTestId('confirm-mode-warning')).toHaveTextContent('Other users can read this file (mode 0644)');
    await user.keyboard('{Escape}');
    await user.click(within(warning).getByRole('checkbox', { name: /Tighten it to owner-only/ }));
    await user.click(screen.getByRole('button', { name: 'Write changes…' }));
    expect(screen.getByTestId('confirm-mode-warning')).toHaveTextContent('Its mode goes from 0644 to owner-only');
    await user.click(screen.getByRole('button', { name: 'Write changes' }));
    expect(api.applyEnvMerge).toHaveBeenCalledWith(expect.objectContaining({ path: '/srv/kodus/.env', chmod600: true }));
  });

  it('shows a file it cannot read as an error, not as "not configured"', async () => {
    const user = userEvent.setup();
    renderExport();
    await user.type(screen.getByLabelText('.env to inspect'), '/nope/.env{Enter}');
    expect(await screen.findByText('Couldn’t read the file')).toBeInTheDocument();
    expect(screen.queryByText(/Fixed Mode is off/)).not.toBeInTheDocument();
  });

  it('asks before writing the BYOK JSON with keys', async () => {
    const user = userEvent.setup();
    const api = renderExport();
    expect(await screen.findByTestId('byok-json')).toHaveTextContent('"main"');
    await user.type(screen.getByLabelText('Save to a new file'), '/tmp/byok.json');
    await user.click(screen.getByLabelText('Include the API keys (in plain text)'));
    await user.click(screen.getByRole('button', { name: 'Save BYOK JSON' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Write the API keys in plain text?');
    await user.click(screen.getByRole('button', { name: 'Write with keys' }));
    expect(api.writeBYOKFile).toHaveBeenCalledWith('glm', '/tmp/byok.json', true, false);
  });

  it('asks to replace an existing file instead of failing, for the .env and the BYOK config', async () => {
    const user = userEvent.setup();
    const api = renderExport();
    const exists = { fillIns: [], problems: [], generated: [], changes: [], notes: [], exists: true };
    api.writeEnv = vi.fn(async (req) =>
      req.force
        ? {
            path: '/opt/kodus/llm.env',
            backup: '/opt/kodus/llm.env.bak-1',
            fillIns: [],
            problems: [],
            generated: [],
            changes: [],
            notes: ['written with mode 0600: it holds your key', 'the old file is backed up as /opt/kodus/llm.env.bak-1'],
          }
        : { ...exists, path: '/opt/kodus/llm.env' },
    );
    await user.type(await screen.findByLabelText('.env file'), '/opt/kodus/llm.env');
    await user.click(screen.getByRole('button', { name: 'Write the block as a new file' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Replace /opt/kodus/llm.env?' });
    expect(screen.queryByText(/--force/)).not.toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Replace it' }));
    const result = await screen.findByTestId('env-write-result');
    // The backup path is said once.
    expect(within(result).getAllByText(/llm.env.bak-1/)).toHaveLength(1);
    expect(api.writeEnv).toHaveBeenLastCalledWith(expect.objectContaining({ force: true }));

    api.writeBYOKFile = vi.fn(async (_p: string, path: string, _k: boolean, force: boolean) =>
      force ? { path, backup: path + '.bak', fillIns: [], problems: [], generated: [], changes: [], notes: [] } : { ...exists, path },
    );
    await user.type(screen.getByLabelText('Save to a new file'), '/tmp/byok.json');
    await user.click(screen.getByRole('button', { name: 'Save BYOK JSON' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Replace /tmp/byok.json?' })).getByRole('button', { name: 'Replace it' }));
    expect(await screen.findByText(/BYOK config written to \/tmp\/byok.json \(the old file is kept as \/tmp\/byok.json.bak\)/)).toBeInTheDocument();
  });
});
