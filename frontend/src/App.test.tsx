import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileView } from './api';
import { App } from './App';
import { fakeApi } from './test/fakeApi';
import { renderApp } from './test/render';

const saved: ProfileView = {
  name: 'cli',
  main: {
    provider: 'anthropic',
    providerName: 'Anthropic',
    model: 'claude-sonnet-4-6',
    modelName: 'Claude Sonnet 4.6',
    recommended: true,
    effectiveBaseURL: 'https://api.anthropic.com/v1',
    hasKey: true,
    apiKeyMasked: 'sk…xyz',
  },
  advice: [],
  createdAt: '',
  updatedAt: '',
};

describe('the app', () => {
  it('follows the profile database: a change on disk, or the window getting focus, reloads the list', async () => {
    const { api, state } = fakeApi();
    renderApp(api, <App />);
    expect(await screen.findByRole('heading', { name: 'No profiles yet' })).toBeInTheDocument();
    state.profiles = [saved];
    act(() => state.profileListeners.forEach((cb) => cb()));
    expect(await screen.findByRole('region', { name: 'Profile cli' })).toBeInTheDocument();

    state.profiles = [];
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(await screen.findByRole('heading', { name: 'No profiles yet' })).toBeInTheDocument();
  });

  it('shows a failed load and what to do, and nothing that invites writing over it', async () => {
    const { api } = fakeApi();
    api.profiles = vi.fn(async () => {
      throw new Error('open /data/profiles.db: the profile database is in use by another kodus-byok process');
    });
    renderApp(api, <App />);
    const err = await screen.findByTestId('load-error');
    expect(err).toHaveTextContent('Couldn’t read the saved profiles');
    expect(err).toHaveTextContent('close it and try again');
    expect(screen.queryByText('No profiles yet')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New profile|Choose a model/ })).not.toBeInTheDocument();
  });

  it('asks before a nav item leaves a dirty form, then shows the next step after a save', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi();
    renderApp(api, <App />);
    await user.click(await screen.findByRole('button', { name: 'Add a model' }));
    await user.click(await screen.findByRole('button', { name: 'Claude Sonnet 4.6' }));
    await user.type(await screen.findByLabelText('Anthropic API key'), 'sk-ant-api03-' + 'FAKE0123456789xyz');
    await user.click(screen.getByRole('button', { name: 'Cost' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Anthropic API key')).toHaveValue('sk-ant-api03-' + 'FAKE0123456789xyz');

    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    const next = await screen.findByTestId('next-step');
    expect(next).toHaveTextContent('Saved. Next: put profile default into Kodus');
    expect(next).toHaveTextContent('docker compose up -d');
    expect(within(next).getByRole('button', { name: 'Write the .env…' })).toBeInTheDocument();
    expect(within(next).getByRole('button', { name: 'BYOK config…' })).toBeInTheDocument();
    await user.click(within(next).getByRole('button', { name: 'BYOK config…' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Export' })).toBeInTheDocument());
    expect(screen.getByLabelText('Profile')).toHaveValue('default');
  });
});
