import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogModel } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { openAdvanced, renderApp } from '../../test/render';
import { SlotEditor } from './SlotEditor';

// Fake keys, written in two parts so that no line of the source looks like a real key.
const FAKE_BAD_KEY = 'sk-proj-' + 'FAKE-bad-key-0001';
const FAKE_SLOW_KEY = 'sk-proj-' + 'FAKE-slow-key-0001';

async function renderEditor(modelID: string, extra: { onSaved?: () => void } = {}) {
  const { api, state } = fakeApi();
  const card = catalog.models.find((m) => m.id === modelID) as CatalogModel;
  const initial = await api.draft(modelID, '');
  const onSaved = extra.onSaved ?? vi.fn();
  renderApp(api, <SlotEditor catalog={catalog} card={card} initial={initial} target={{ profile: 'default', slot: 'main', fixed: false }} profiles={[]} onSaved={onSaved} onCancel={vi.fn()} />);
  return { api, state, onSaved };
}

describe('SlotEditor', () => {
  it('says when the live check failed instead of showing the settings as valid', async () => {
    const { api } = fakeApi();
    vi.mocked(api.checkSlot).mockRejectedValue(new Error('profile database is locked'));
    const card = catalog.models.find((m) => m.id === 'glm-5.1') as CatalogModel;
    const initial = await api.draft('glm-5.1', '');
    renderApp(api, <SlotEditor catalog={catalog} card={card} initial={initial} target={{ profile: 'default', slot: 'main', fixed: false }} profiles={[]} onSaved={vi.fn()} onCancel={vi.fn()} />);
    expect(await screen.findByTestId('check-error')).toHaveTextContent("Couldn't check these settings: profile database is locked");
  });

  it('fills the Coding Plan endpoint and concurrency 1 when the plan is picked', async () => {
    const user = userEvent.setup();
    await renderEditor('glm-5.1');
    expect(screen.getByTestId('plan-endpoint')).toHaveTextContent('https://api.z.ai/api/paas/v4/');
    await openAdvanced(user);
    expect(screen.getByLabelText('Max concurrent requests')).toHaveValue('');
    await user.click(screen.getByRole('radio', { name: 'Coding Plan' }));
    await waitFor(() => expect(screen.getByTestId('plan-endpoint')).toHaveTextContent('https://api.z.ai/api/coding/paas/v4'));
    expect(screen.getByLabelText('Max concurrent requests')).toHaveValue('1');
    expect(await screen.findByText(/Lite\/Pro allow only one in-flight request/)).toBeInTheDocument();
  });

  it('keeps the user’s edits when switching plan and swaps the Kimi Code model id', async () => {
    const user = userEvent.setup();
    const { state } = await renderEditor('kimi-k2.6');
    await openAdvanced(user);
    await user.clear(screen.getByLabelText('Max output tokens'));
    await user.type(screen.getByLabelText('Max output tokens'), '8000');
    await user.click(screen.getByRole('radio', { name: 'Kimi Code Plan' }));
    await waitFor(() => expect(screen.getByLabelText('Max concurrent requests')).toHaveValue('30'));
    expect(screen.getByLabelText('Max output tokens')).toHaveValue('8000');
    expect(screen.getByTestId('plan-model')).toHaveTextContent('kimi-for-coding');
    await user.type(screen.getByLabelText('Kimi Code Plan key'), 'sk-kimi-FAKE0123456789abcdef');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0].config).toMatchObject({
      model: 'kimi-for-coding',
      baseURL: 'https://api.kimi.com/coding/v1',
      maxOutputTokens: 8000,
      maxConcurrentRequests: 30,
      temperature: 1,
    });
  });

  it('shows each field’s error after a failed save and saves nothing', async () => {
    const user = userEvent.setup();
    const { state, onSaved } = await renderEditor('claude-sonnet-4-6');
    await openAdvanced(user);
    const temp = screen.getByLabelText('Temperature');
    await user.clear(temp);
    await user.type(temp, '7');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(screen.getByText('Temperature: must be between 0 and 2')).toBeInTheDocument());
    expect(temp).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/API key: is required/)).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
    expect(state.profiles).toHaveLength(0);
  });

  it('rejects a temperature that is not a number without calling the backend to save', async () => {
    const user = userEvent.setup();
    const { api } = await renderEditor('gpt-5.4');
    await openAdvanced(user);
    await user.clear(screen.getByLabelText('Temperature'));
    await user.type(screen.getByLabelText('Temperature'), 'warm');
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    expect(await screen.findByText('Temperature: must be a number')).toBeInTheDocument();
    expect(api.saveSlot).not.toHaveBeenCalled();
  });

  it('saves a pasted key and reports success', async () => {
    const user = userEvent.setup();
    const { state, onSaved } = await renderEditor('claude-sonnet-4-6');
    await user.type(screen.getByLabelText(/API key/), '"sk-ant-api03-' + 'FAKE0123456789xyz"');
    // The preview follows the typing (debounced): wait for the whole key's.
    await waitFor(() => expect(screen.getByTestId('key-preview')).toHaveTextContent('sk…xyz'));
    expect(screen.getByText(/removed surrounding quotes/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(state.saved[0]).toMatchObject({ profile: 'default', slot: 'main', apiKey: '"sk-ant-api03-' + 'FAKE0123456789xyz"' });
    expect(await screen.findByText(/^Main model saved/)).toBeInTheDocument();
  });

  it('hides the key until asked', async () => {
    const user = userEvent.setup();
    await renderEditor('gpt-5.4');
    const input = screen.getByLabelText(/API key/);
    expect(input).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(input).toHaveAttribute('type', 'text');
  });

  it('tests a key and shows the latency without saving', async () => {
    const user = userEvent.setup();
    const { state, onSaved } = await renderEditor('claude-sonnet-4-6');
    await user.type(screen.getByLabelText(/API key/), 'sk-ant-api03-' + 'FAKE0123456789xyz');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('Connection OK — provider responded in 42 ms.')).toBeInTheDocument();
    expect(state.tested[0]).toMatchObject({
      profile: 'default',
      slot: 'main',
      apiKey: 'sk-ant-api03-' + 'FAKE0123456789xyz',
      config: { model: 'claude-sonnet-4-6' },
    });
    expect(state.saved).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('test-note')).toHaveTextContent('one metadata call (no inference)'));
    // Editing the key clears the result.
    await user.type(screen.getByLabelText(/API key/), 'q');
    expect(screen.queryByTestId('key-test-result')).not.toBeInTheDocument();
  });

  it('saves only when the test passes, and offers Save anyway', async () => {
    const user = userEvent.setup();
    const { state, onSaved } = await renderEditor('gpt-5.4');
    await user.type(screen.getByLabelText(/API key/), FAKE_BAD_KEY);
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    const banner = await screen.findByTestId('key-test-result');
    expect(banner).toHaveTextContent('Invalid API key · HTTP 401');
    expect(screen.getByTestId('provider-said')).toHaveTextContent('Provider said: Incorrect API key provided: [redacted]');
    expect(banner).toHaveClass('alert-err');
    expect(state.saved).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(state.saved).toHaveLength(1);
  });

  it('shows a rate limit as a warning that the key works, and still saves', async () => {
    const user = userEvent.setup();
    const { state, onSaved } = await renderEditor('gpt-5.4');
    await user.type(screen.getByLabelText(/API key/), FAKE_SLOW_KEY);
    await user.click(screen.getByRole('button', { name: 'Test' }));
    const banner = await screen.findByTestId('key-test-result');
    expect(banner).toHaveClass('alert-warn');
    expect(banner).toHaveTextContent('Rate limited — the key works · HTTP 429');
    expect(screen.queryByRole('button', { name: 'Save anyway' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(state.saved).toHaveLength(1);
    expect(await screen.findByText(/rate limiting right now/)).toBeInTheDocument();
  });

  it('says before testing that Z.ai needs a 1-token request', async () => {
    await renderEditor('glm-5.1');
    await waitFor(() => expect(screen.getByTestId('test-note')).toHaveTextContent('at most 1 output token'));
  });

  it('reports a missing key for the test on the key field', async () => {
    const user = userEvent.setup();
    const { state } = await renderEditor('gpt-5.4');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText(/API key: is required to test/)).toBeInTheDocument();
    expect(state.tested).toHaveLength(1);
    expect(screen.queryByTestId('key-test-result')).not.toBeInTheDocument();
  });
});
