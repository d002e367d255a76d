import { render, screen, waitFor, within } from '@testing-library/react';
import { openAdvanced, renderApp } from '../../test/render';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type CatalogModel, type ProfileView } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { ProfilesView } from '../profiles/ProfilesView';
import { SlotEditor } from '../slot-editor/SlotEditor';
import { ToastProvider } from '../../ui/Toasts';

async function renderKimi() {
  const { api, state } = fakeApi();
  const card = catalog.models.find((m) => m.id === 'kimi-k2.6') as CatalogModel;
  const initial = { ...(await api.draft('kimi-k2.6', '')), temperature: 0 };
  const onCancel = vi.fn();
  renderApp(api, <SlotEditor catalog={catalog} card={card} initial={initial} target={{ profile: 'team', slot: 'main', fixed: true }} profiles={[]} onSaved={vi.fn()} onCancel={onCancel} />);
  await openAdvanced(userEvent.setup());
  return { api, state, onCancel };
}

describe('Dry run in the slot editor', () => {
  it('previews the body without sending, asks before sending, and shows the refused setting with its fix', async () => {
    const user = userEvent.setup();
    const { api, state, onCancel } = await renderKimi();
    await user.type(screen.getByLabelText(/API key/), 'sk-FAKEmoonshot0123456789');
    await user.click(screen.getByRole('button', { name: 'Dry run' }));

    const panel = await screen.findByTestId('dry-run');
    const body = await within(panel).findByLabelText('Request body (read-only JSON)');
    expect(JSON.parse(body.textContent ?? '')).toMatchObject({ model: 'kimi-k2.6', temperature: 0, max_tokens: 16384 });
    expect(within(panel).getByTestId('dry-run-url')).toHaveTextContent('POST https://api.moonshot.ai/v1/chat/completions');
    expect(within(panel).getByText('Bearer [redacted]')).toBeInTheDocument();
    expect(within(panel).getByTestId('dry-run-cost')).toHaveTextContent('at most $0.066 if the model used all 16,384 output tokens');
    expect(state.dryRuns.every((r) => r.preview)).toBe(true);
    expect(screen.getByRole('heading', { name: 'Dry run' })).toHaveFocus();

    // Cancel in the confirmation sends nothing.
    await user.click(within(panel).getByRole('button', { name: 'Send once…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Send one billed request?' });
    expect(dialog).toHaveTextContent('api.moonshot.ai');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(state.dryRuns.filter((r) => !r.preview)).toHaveLength(0);
    expect(onCancel).not.toHaveBeenCalled();

    await user.click(within(panel).getByRole('button', { name: 'Send once…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send once' }));
    const verdict = await within(panel).findByTestId('dry-run-result');
    expect(verdict).toHaveAttribute('data-code', 'settings_rejected');
    expect(verdict).toHaveTextContent('Setting rejected: temperature · HTTP 400');
    expect(within(verdict).getByTestId('provider-said')).toHaveTextContent('only 1 is allowed');
    expect(within(verdict).getByTestId('dry-run-fix')).toHaveTextContent('Temperature Fix: Set Temperature to 1');
    const sent = state.dryRuns.filter((r) => !r.preview);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ profile: 'team', slot: 'main', apiKey: 'sk-FAKEmoonshot0123456789', config: { model: 'kimi-k2.6', temperature: 0 } });
    expect(api.saveSlot).not.toHaveBeenCalled();

    // The fix rebuilds the request; sending again is accepted, with the usage.
    const temp = screen.getByLabelText('Temperature');
    await user.clear(temp);
    await user.type(temp, '1');
    await waitFor(() => expect(JSON.parse(screen.getByTestId('dry-run-body').textContent ?? '')).toMatchObject({ temperature: 1 }));
    await user.click(screen.getByRole('button', { name: 'Send once…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send once' }));
    const ok = await screen.findByTestId('dry-run-result');
    expect(ok).toHaveAttribute('data-code', 'ok');
    expect(within(ok).getByTestId('dry-run-usage')).toHaveTextContent('Used 20 input + 85 output tokens (80 reasoning) · $0.00036');
    expect(screen.getByRole('heading', { name: 'Dry run' })).not.toHaveFocus();
  });

  it('marks the key field when sending needs a key, and Esc closes only the panel', async () => {
    const user = userEvent.setup();
    const { onCancel } = await renderKimi();
    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    const panel = await screen.findByTestId('dry-run');
    await within(panel).findByTestId('dry-run-body');
    await user.click(within(panel).getByRole('button', { name: 'Send once…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send once' }));
    expect(await within(panel).findByTestId('dry-run-invalid')).toHaveTextContent('apiKey: is required to send a dry run');
    expect(screen.getByLabelText(/API key/)).toHaveAttribute('aria-invalid', 'true');
    // The cursor goes to the field to fix.
    await waitFor(() => expect(screen.getByLabelText(/API key/)).toHaveFocus());

    within(panel).getByRole('heading', { name: 'Dry run' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('dry-run')).not.toBeInTheDocument();
    expect(onCancel).not.toHaveBeenCalled();
  });
});

describe('Dry run from the profile screen', () => {
  it('runs a saved slot with its stored key', async () => {
    const user = userEvent.setup();
    const kimi = {
      provider: 'openai_compatible',
      providerName: 'Moonshot AI',
      model: 'kimi-k2.6',
      modelName: 'Kimi K2.6',
      recommended: true,
      effectiveBaseURL: 'https://api.moonshot.ai/v1',
      baseURL: 'https://api.moonshot.ai/v1',
      hasKey: true,
      apiKeyMasked: 'sk…def',
      temperature: 1,
      maxOutputTokens: 16384,
      reasoningEffort: 'medium',
    };
    const team: ProfileView = { name: 'team', main: kimi, advice: [], createdAt: '', updatedAt: '' };
    const { api, state } = fakeApi([team]);
    render(
      <ApiContext.Provider value={api}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={[team]} reload={async () => {}} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Dry run team Main' }));
    const panel = await screen.findByTestId('dry-run');
    expect(within(panel).getByRole('heading', { name: 'Dry run · Main' })).toBeInTheDocument();
    await within(panel).findByTestId('dry-run-body');
    await user.click(within(panel).getByRole('button', { name: 'Send once…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Send once' }));
    expect(await within(panel).findByTestId('dry-run-result')).toHaveAttribute('data-code', 'ok');
    expect(state.dryRuns.map((r) => [r.profile, r.slot, r.preview, r.config])).toEqual([
      ['team', 'main', true, undefined],
      ['team', 'main', false, undefined],
    ]);
  });
});
