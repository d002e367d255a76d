import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type KeyTestResult, type ProfileView } from '../../api';
import { ToastProvider } from '../../ui/Toasts';
import { catalog, fakeApi, fakeResult } from '../../test/fakeApi';
import { ProfilesView } from './ProfilesView';

const slot = (provider: string, model: string) => ({
  provider,
  providerName: provider,
  model,
  modelName: model,
  recommended: false,
  effectiveBaseURL: 'https://api.example/v1',
  hasKey: true,
  apiKeyMasked: 'sk…xyz',
  reasoningEffort: '',
  reasoningConfigOverride: '',
  plan: '',
  baseURL: '',
  vertexLocation: '',
  openrouterProviderOrder: [],
});

const team: ProfileView = {
  name: 'team',
  main: slot('openai', 'gpt-5.4'),
  fallback: slot('anthropic', 'claude-sonnet-4-6'),
  advice: [],
  createdAt: '',
  updatedAt: '',
};

describe('ProfilesView key test', () => {
  it('tests Main and Fallback at once and shows each result as it arrives', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi([team]);
    const pending: Record<string, (r: KeyTestResult) => void> = {};
    api.testProfileSlot = vi.fn((_name: string, s: string) => new Promise<KeyTestResult>((res) => (pending[s] = res)));
    render(
      <ApiContext.Provider value={api}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={[team]} reload={async () => {}} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Test profile team' }));
    expect(api.testProfileSlot).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('slot-test-main')).toHaveTextContent('Testing Main…');
    expect(screen.getByTestId('slot-test-fallback')).toHaveTextContent('Testing Fallback…');
    expect(screen.getByRole('button', { name: 'Test profile team' })).toBeDisabled();

    pending.fallback(fakeResult('fallback', 'bad'));
    expect(await within(screen.getByTestId('slot-test-fallback')).findByText('Invalid API key · HTTP 401')).toBeInTheDocument();
    expect(screen.getByTestId('slot-test-main')).toHaveTextContent('Testing Main…');

    pending.main(fakeResult('main', 'good'));
    expect(await within(screen.getByTestId('slot-test-main')).findByText('Connection OK — provider responded in 42 ms.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Test profile team' })).toBeEnabled();
  });

  it('shows why a slot could not be tested', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi([team]);
    api.testProfileSlot = vi.fn(async () => {
      throw new Error('keychain: the passphrase is wrong');
    });
    render(
      <ApiContext.Provider value={api}>
        <ProfilesView catalog={catalog} profiles={[{ ...team, fallback: undefined }]} reload={async () => {}} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Test profile team' }));
    expect(await screen.findByText('keychain: the passphrase is wrong')).toBeInTheDocument();
    expect(api.testProfileSlot).toHaveBeenCalledTimes(1);
  });
});
