import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalog, fakeApi } from '../../test/fakeApi';
import { openAdvanced, renderApp } from '../../test/render';
import { ManualWizard } from './ManualWizard';

function renderWizard() {
  const { api, state } = fakeApi();
  const onCancel = vi.fn();
  renderApp(api, <ManualWizard catalog={catalog} profiles={[]} target={{ profile: 'default', slot: 'main', fixed: false }} onCancel={onCancel} onSaved={vi.fn()} />);
  return { api, state, onCancel, user: userEvent.setup() };
}

async function toLastStep(user: ReturnType<typeof userEvent.setup>, model = 'llama3.1:8b') {
  await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('Base URL'), 'http://127.0.0.1:11434/v1');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  const id = await screen.findByLabelText('Model ID');
  await user.clear(id);
  await user.type(id, model);
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByRole('form', { name: 'Model settings' });
}

describe('the manual wizard', () => {
  it('keeps every field through Back and Next: profile name, key, settings', async () => {
    const { user, state } = renderWizard();
    await toLastStep(user);
    await user.click(screen.getByRole('button', { name: 'Change the profile or slot' }));
    await user.clear(screen.getByLabelText('Profile'));
    await user.type(screen.getByLabelText('Profile'), 'local');
    await user.type(screen.getByLabelText('OpenAI-compatible API key'), 'sk-local-FAKE0123456789');
    await openAdvanced(user);
    await user.type(screen.getByLabelText('Max concurrent requests'), '3');

    // Back to the model id, back to the base URL, and forward again.
    await user.click(screen.getByRole('button', { name: /Back to the model id/ }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Model ID')).toHaveValue('llama3.1:8b');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Base URL')).toHaveValue('http://127.0.0.1:11434/v1');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Next' }));

    await screen.findByRole('form', { name: 'Model settings' });
    expect(screen.getByTestId('save-target')).toHaveTextContent('Saves as profile local, Main model');
    expect(screen.getByLabelText('OpenAI-compatible API key')).toHaveValue('sk-local-FAKE0123456789');
    expect(screen.getByTestId('advanced-summary')).toHaveTextContent('concurrency 3');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({ profile: 'local', apiKey: 'sk-local-FAKE0123456789', config: { model: 'llama3.1:8b', maxConcurrentRequests: 3 } });
  });

  it('asks before Cancel drops what was typed', async () => {
    const { user, onCancel } = renderWizard();
    await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('alertdialog', { name: 'Discard your changes?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('offers provider choices as plain radios', () => {
    renderWizard();
    for (const r of screen.getAllByRole('radio')) expect(r).not.toHaveAttribute('aria-pressed');
  });
});
