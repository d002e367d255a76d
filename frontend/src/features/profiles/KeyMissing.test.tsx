import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type ProfileView } from '../../api';
import { ToastProvider } from '../../ui/Toasts';
import { catalog, fakeApi } from '../../test/fakeApi';
import { ProfilesView } from './ProfilesView';

const slot = (provider: string, model: string, extra: Partial<ProfileView['main']> = {}): ProfileView['main'] => ({
  provider,
  providerName: provider,
  model,
  modelName: model,
  recommended: false,
  effectiveBaseURL: 'https://api.example/v1',
  hasKey: true,
  apiKeyMasked: 'sk…xyz',
  ...extra,
});

// A key deleted from the keychain behind the app's back is shown as missing,
// never with the masked value of a key that is gone.
describe('a key missing from the keychain', () => {
  it('is shown as missing on the profile, next to a slot whose key is there', async () => {
    const team: ProfileView = {
      name: 'team',
      main: slot('openai', 'gpt-5.4', { hasKey: false, apiKeyMasked: undefined, keyMissing: true }),
      fallback: slot('anthropic', 'claude-sonnet-4-6'),
      advice: [],
      createdAt: '',
      updatedAt: '',
    };
    const { api } = fakeApi([team]);
    render(
      <ApiContext.Provider value={api}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={[team]} reload={async () => {}} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    const main = document.querySelector('[data-slot="main"]') as HTMLElement;
    const fallback = document.querySelector('[data-slot="fallback"]') as HTMLElement;
    expect(within(main).getByTestId('key-missing')).toHaveTextContent('key missing from the keychain');
    expect(within(main).queryByTestId('masked-key')).not.toBeInTheDocument();
    expect(within(main).queryByText('none (keyless)')).not.toBeInTheDocument();
    expect(within(fallback).getByTestId('masked-key')).toHaveTextContent('sk…xyz');
    expect(screen.getAllByTestId('key-missing')).toHaveLength(1);
  });
});
