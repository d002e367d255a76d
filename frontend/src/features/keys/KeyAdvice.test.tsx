import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type CatalogModel } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { CatalogView } from '../catalog/CatalogView';
import { ProfilesView } from '../profiles/ProfilesView';
import { SlotEditor } from '../slot-editor/SlotEditor';
import { ToastProvider } from '../../ui/Toasts';

const ANTHROPIC = 'sk-ant-api03-FAKEfakeFAKEfake-xyz';
const KIMI_CODE = 'sk-kimi-FAKEfakeFAKEfake0000';

async function renderEditor(modelID: string) {
  const { api, state } = fakeApi();
  const card = catalog.models.find((m) => m.id === modelID) as CatalogModel;
  const onSwitch = vi.fn();
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <SlotEditor
          catalog={catalog}
          card={card}
          initial={await api.draft(modelID, '')}
          target={{ profile: 'team', slot: 'main', fixed: false }}
          profiles={[]}
          onSaved={vi.fn()}
          onCancel={vi.fn()}
          onSwitch={onSwitch}
        />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  return { api, state, onSwitch };
}

function renderCatalog() {
  const { api, state } = fakeApi();
  const onDone = vi.fn();
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <CatalogView catalog={catalog} profiles={[]} target={{ profile: 'default', slot: 'main', fixed: false }} onDone={onDone} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  return { api, state, onDone };
}

describe('key suggestion', () => {
  it('offers the card a pasted key belongs to and hands the key over on switch', async () => {
    const user = userEvent.setup();
    const { api, onSwitch } = await renderEditor('gpt-5.4');
    await user.type(screen.getByLabelText('OpenAI API key'), ANTHROPIC);
    const advice = await screen.findByTestId('key-suggestion');
    expect(advice).toHaveTextContent('This looks like an Anthropic key — switch?');
    expect(advice).toHaveTextContent('Switching keeps the key you pasted');
    // The check ran in the backend with the slot being edited.
    expect(api.checkKey).toHaveBeenLastCalledWith(ANTHROPIC, expect.objectContaining({ provider: 'openai', model: 'gpt-5.4' }));
    // Nothing switched on its own.
    expect(onSwitch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Switch to Claude Sonnet 4.6' }));
    expect(onSwitch).toHaveBeenCalledWith({
      suggestion: expect.objectContaining({ provider: 'anthropic', model: 'claude-sonnet-4-6' }),
      key: ANTHROPIC,
      target: { profile: 'team', slot: 'main', fixed: false },
    });
  });

  it('switches the plan in place when the key belongs to the same card', async () => {
    const user = userEvent.setup();
    const { state, onSwitch } = await renderEditor('kimi-k2.6');
    expect(screen.getByRole('radio', { name: 'Developer API' })).toHaveAttribute('aria-checked', 'true');
    await user.type(screen.getByLabelText('Moonshot AI API key'), KIMI_CODE);
    await user.click(await screen.findByRole('button', { name: 'Switch to Kimi K2.6 · Kimi Code Plan' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Kimi Code Plan' })).toHaveAttribute('aria-checked', 'true'));
    expect(onSwitch).not.toHaveBeenCalled();
    // The key is still there, and the suggestion is gone now that it fits.
    expect(await screen.findByLabelText('Kimi Code Plan key')).toHaveValue(KIMI_CODE);
    await waitFor(() => expect(screen.queryByTestId('key-suggestion')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({
      apiKey: KIMI_CODE,
      config: { plan: 'kimi-code', model: 'kimi-for-coding', baseURL: 'https://api.kimi.com/coding/v1' },
    });
  });

  it('can be dismissed, says only a hint when unsure, and nothing for a short input', async () => {
    const user = userEvent.setup();
    const { api } = await renderEditor('claude-sonnet-4-6');
    const input = screen.getByLabelText('Anthropic API key');
    await user.type(input, 'sk-FAKE01');
    await user.type(input, '6789abcdef');
    const hint = await screen.findByTestId('key-unexpected');
    // The short input was never sent for a check (no sleep needed: the
    // long one was, after it).
    expect(api.checkKey).toHaveBeenCalled();
    expect(vi.mocked(api.checkKey).mock.calls.every(([raw]) => raw.length > 'sk-FAKE01'.length)).toBe(true);
    expect(hint).toHaveTextContent("This doesn't look like an Anthropic key: Anthropic keys start with sk-ant-.");
    expect(screen.queryByRole('button', { name: /Switch to/ })).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'sk-or-v1-FAKEfakeFAKEfake');
    await user.click(await screen.findByRole('button', { name: 'Keep as is' }));
    expect(screen.queryByTestId('key-suggestion')).not.toBeInTheDocument();
  });
});

describe('switching from the catalog', () => {
  it('lands on the Claude card with the key kept', async () => {
    const user = userEvent.setup();
    renderCatalog();
    await user.click(screen.getByRole('button', { name: 'GPT-5.4' }));
    await user.click(await screen.findByRole('button', { name: 'Change the profile or slot' }));
    await user.clear(await screen.findByLabelText('Profile'));
    await user.type(screen.getByLabelText('Profile'), 'team');
    await user.type(screen.getByLabelText('OpenAI API key'), ANTHROPIC);
    await user.click(await screen.findByRole('button', { name: 'Switch to Claude Sonnet 4.6' }));
    expect(await screen.findByRole('heading', { name: 'Claude Sonnet 4.6' })).toBeInTheDocument();
    expect(screen.getByLabelText('Anthropic API key')).toHaveValue(ANTHROPIC);
    expect(screen.getByTestId('save-target')).toHaveTextContent('Saves as profile team, Main model');
    expect(await screen.findByText('Switched to Claude Sonnet 4.6; your key is kept')).toBeInTheDocument();
  });

  it('opens the manual path at the model id for a provider without a card', async () => {
    const user = userEvent.setup();
    const { state } = renderCatalog();
    await user.click(screen.getByRole('button', { name: 'GPT-5.4' }));
    await user.type(await screen.findByLabelText('OpenAI API key'), 'sk-or-v1-FAKEfakeFAKEfake');
    await user.click(await screen.findByRole('button', { name: 'Switch to OpenRouter (manual setup)' }));
    expect(await screen.findByText(/Switched to OpenRouter: enter the model id/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Model ID'), 'anthropic/claude-sonnet-4.6');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByLabelText('OpenRouter API key')).toHaveValue('sk-or-v1-FAKEfakeFAKEfake');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({ apiKey: 'sk-or-v1-FAKEfakeFAKEfake', config: { provider: 'open_router', model: 'anthropic/claude-sonnet-4.6' } });
  });
});

describe('switching while editing a saved slot', () => {
  it('moves the slot to the suggested card and saves it with the pasted key', async () => {
    const user = userEvent.setup();
    const { api, state } = fakeApi();
    await api.saveSlot({ profile: 'team', slot: 'main', config: await api.draft('gpt-5.4', ''), apiKey: 'sk-FAKE0123456789abcdef' });
    state.saved = [];
    api.slotInput = vi.fn(async () => api.draft('gpt-5.4', ''));
    render(
      <ApiContext.Provider value={api}>
        <ToastProvider>
          <ProfilesView catalog={catalog} profiles={state.profiles} reload={vi.fn(async () => {})} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />
        </ToastProvider>
      </ApiContext.Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Edit team Main' }));
    await user.type(await screen.findByLabelText('OpenAI API key'), ANTHROPIC);
    await user.click(await screen.findByRole('button', { name: 'Switch to Claude Sonnet 4.6' }));
    expect(await screen.findByLabelText('Anthropic API key')).toHaveValue(ANTHROPIC);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Edit team · Main: Claude Sonnet 4.6');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({ profile: 'team', slot: 'main', apiKey: ANTHROPIC, config: { provider: 'anthropic', model: 'claude-sonnet-4-6' } });
  });
});
