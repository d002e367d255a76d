import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogModel, ProfileView, SlotInput, SlotName } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { openAdvanced, renderApp } from '../../test/render';
import { SlotEditor } from './SlotEditor';

// Fake keys, written in two parts so that no line of the source looks like a real key.
const FAKE_OPENAI_KEY = 'sk-proj-' + 'FAKE-test-key-0004';

interface Opts {
  slot?: SlotName;
  profiles?: ProfileView[];
  initial?: SlotInput;
  noCard?: boolean;
}

async function renderEditor(modelID: string, o: Opts = {}) {
  const { api, state } = fakeApi(o.profiles);
  const card = o.noCard ? undefined : (catalog.models.find((m) => m.id === modelID) as CatalogModel);
  const initial = o.initial ?? (await api.draft(modelID, ''));
  const onCancel = vi.fn();
  const onSaved = vi.fn();
  renderApp(
    api,
    <SlotEditor
      catalog={catalog}
      card={card}
      initial={initial}
      target={{ profile: 'team', slot: o.slot ?? 'main', fixed: Boolean(o.slot) }}
      profiles={o.profiles ?? []}
      onSaved={onSaved}
      onCancel={onCancel}
      onBack={vi.fn()}
    />,
  );
  return { api, state, onCancel, onSaved };
}

const team: ProfileView = {
  name: 'team',
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

describe('the first screen of a card', () => {
  it('holds plan, key and Test & save; Advanced is closed with a summary of what is set', async () => {
    const user = userEvent.setup();
    await renderEditor('glm-5.1');
    expect(screen.getByRole('button', { name: 'Advanced' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByLabelText('Temperature')).not.toBeInTheDocument();
    expect(screen.queryByTestId('thinking-preview')).not.toBeInTheDocument();
    expect(screen.getByTestId('save-target')).toHaveTextContent('Saves as profile team, Main model');
    await user.click(screen.getByRole('radio', { name: 'Coding Plan' }));
    await waitFor(() => expect(screen.getByTestId('advanced-summary')).toHaveTextContent('Thinking Medium · temperature 0 · max output 16,384 · concurrency 1'));
  });

  it('names the key after the plan whose site issues it, and shows the model id it saves', async () => {
    const user = userEvent.setup();
    await renderEditor('kimi-k2.6');
    expect(screen.getByLabelText('Moonshot AI API key')).toBeInTheDocument();
    expect(screen.getByTestId('plan-model')).toHaveTextContent('kimi-k2.6');
    await user.click(screen.getByRole('radio', { name: 'Kimi Code Plan' }));
    expect(await screen.findByLabelText('Kimi Code Plan key')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('plan-model')).toHaveTextContent('kimi-for-coding'));
  });
});

describe('the form is never lost', () => {
  it('keeps everything on Esc in the key field', async () => {
    const user = userEvent.setup();
    const { onCancel } = await renderEditor('gpt-5.4');
    const key = screen.getByLabelText('OpenAI API key');
    await user.type(key, FAKE_OPENAI_KEY);
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
    expect(key).toHaveValue(FAKE_OPENAI_KEY);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('asks before Cancel throws a dirty form away, and keeps it on "Keep editing"', async () => {
    const user = userEvent.setup();
    const { onCancel } = await renderEditor('gpt-5.4');
    await user.type(screen.getByLabelText('OpenAI API key'), FAKE_OPENAI_KEY);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    // The safe choice has the focus: a stray Enter changes nothing.
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    expect(within(dialog).getByTestId('confirm-shortcut')).toHaveTextContent('Ctrl+Enter: Discard');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getByLabelText('OpenAI API key')).toHaveValue(FAKE_OPENAI_KEY);
    // The default action is reachable from the keyboard.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('leaves a clean form without asking', async () => {
    const user = userEvent.setup();
    const { onCancel } = await renderEditor('gpt-5.4');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});

describe('a failed save', () => {
  it('names the field, opens its section and puts the cursor in it', async () => {
    const user = userEvent.setup();
    const { api } = await renderEditor('claude-sonnet-4-6');
    await user.type(screen.getByLabelText('Anthropic API key'), 'sk-ant-api03-' + 'FAKE0123456789xyz');
    await openAdvanced(user);
    await user.clear(screen.getByLabelText('Temperature'));
    await user.type(screen.getByLabelText('Temperature'), 'warm');
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.queryByLabelText('Temperature')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Not saved: fix Temperature.');
    await waitFor(() => expect(screen.getByLabelText('Temperature')).toHaveFocus());
    expect(api.saveSlot).not.toHaveBeenCalled();
  });

  it('puts the cursor in the key field when the key is missing', async () => {
    const user = userEvent.setup();
    await renderEditor('gpt-5.4');
    await user.click(screen.getByRole('button', { name: 'Cancel' })); // clean: no dialog, focus moves away
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    expect(await screen.findByTestId('form-errors')).toHaveTextContent('Not saved: fix API key.');
    await waitFor(() => expect(screen.getByLabelText('OpenAI API key')).toHaveFocus());
  });
});

describe('token limits', () => {
  it('warns with the model’s figure, also when Advanced is closed', async () => {
    const user = userEvent.setup();
    await renderEditor('gpt-5.4');
    await openAdvanced(user);
    await user.clear(screen.getByLabelText('Max output tokens'));
    await user.type(screen.getByLabelText('Max output tokens'), '2000000');
    expect(await screen.findByText(/more than the 128,000 output tokens GPT-5.4 can write/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.getByTestId('advanced-summary')).toHaveTextContent('one setting needs a look');
  });
});

describe('a Fallback', () => {
  it('shows only what a v1 Kodus uses there and saves nothing else', async () => {
    const user = userEvent.setup();
    const { state } = await renderEditor('gpt-5.4', { slot: 'fallback', profiles: [team] });
    await openAdvanced(user);
    // The backend's check says what this Kodus reads from Main only.
    expect(await screen.findByTestId('fallback-ignores')).toHaveTextContent('come from Main only');
    expect(screen.queryByRole('radiogroup', { name: 'Thinking' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Max input tokens')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Max output tokens')).toBeInTheDocument();
    await user.type(screen.getByLabelText('OpenAI API key'), FAKE_OPENAI_KEY);
    await user.click(screen.getByRole('button', { name: /Test & save Fallback/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0].config).toMatchObject({ reasoningEffort: '', reasoningConfigOverride: '', maxOutputTokens: 16384 });
    expect(state.saved[0].config.maxInputTokens).toBeUndefined();
  });
});

describe('a Fallback on a Kodus that gives every model its own settings', () => {
  it('offers thinking and max input tokens like Main', async () => {
    const user = userEvent.setup();
    const { api } = fakeApi([team]);
    api.checkSlot = vi.fn(async () => ({ fieldErrors: [], fieldWarnings: [], notices: [], keyRequired: true, mainOnly: [] }));
    const card = catalog.models.find((m) => m.id === 'gpt-5.4') as CatalogModel;
    renderApp(
      api,
      <SlotEditor
        catalog={catalog}
        card={card}
        initial={await api.draft('gpt-5.4', '')}
        target={{ profile: 'team', slot: 'fallback', fixed: true }}
        profiles={[team]}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    await openAdvanced(user);
    expect(await screen.findByRole('radio', { name: 'Medium' })).toBeInTheDocument();
    expect(screen.getByLabelText('Max input tokens')).toBeInTheDocument();
    expect(screen.queryByTestId('fallback-ignores')).not.toBeInTheDocument();
  });
});

describe('model not found', () => {
  it('offers the server’s model ids as buttons that fill the model', async () => {
    const user = userEvent.setup();
    const initial: SlotInput = {
      provider: 'openai_compatible',
      model: 'llama3',
      plan: '',
      baseURL: 'http://localhost:11434/v1',
      reasoningEffort: '',
      reasoningConfigOverride: '',
      openrouterProviderOrder: [],
      vertexLocation: '',
      awsRegion: '',
      awsAuth: '',
    };
    const { api } = await renderEditor('', { noCard: true, initial });
    api.testSlotSettings = vi.fn(async () => ({
      fieldErrors: [],
      notices: [],
      result: {
        slot: 'main',
        ok: false,
        code: 'model_not_found',
        httpStatus: 200,
        latencyMs: 3,
        modelFound: false,
        message: 'The server answered, but model "llama3" is not among the 2 it serves.',
        hint: 'Use one of the model ids it serves (available: llama3.1:8b, qwen2.5-coder:7b).',
        headline: 'Model not found',
        probe: 'metadata',
        availableModels: ['llama3.1:8b', 'qwen2.5-coder:7b'],
      },
    }));
    await user.click(screen.getByRole('button', { name: 'Test' }));
    const list = await screen.findByTestId('available-models');
    expect(screen.queryByText(/available: llama3.1:8b/)).not.toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'qwen2.5-coder:7b' }));
    expect(screen.getByTestId('editor-model')).toHaveTextContent('qwen2.5-coder:7b');
    expect(screen.queryByTestId('key-test-result')).not.toBeInTheDocument();
  });
});
