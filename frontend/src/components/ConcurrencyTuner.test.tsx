import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext, type CatalogModel } from '../api';
import { catalog, fakeApi, measuredReport } from '../test/fakeApi';
import { SlotEditor } from './SlotEditor';
import { ToastProvider } from './Toasts';

async function renderGLMCodingPlan() {
  const { api, state } = fakeApi();
  const card = catalog.models.find((m) => m.id === 'glm-5.1') as CatalogModel;
  const initial = await api.draft('glm-5.1', 'coding-plan');
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <SlotEditor catalog={catalog} card={card} initial={initial} target={{ profile: 'glm', slot: 'main', fixed: false }} profiles={[]} onSaved={vi.fn()} onCancel={vi.fn()} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  const tuner = await screen.findByTestId('concurrency-tuner');
  await within(tuner).findByTestId('concurrency-prefill');
  return { api, state, tuner, user: userEvent.setup() };
}

describe('ConcurrencyTuner', () => {
  it('shows the pre-fill, its tiers, the warnings and the review time', async () => {
    const { tuner, state } = await renderGLMCodingPlan();
    expect(within(tuner).getByRole('heading')).toHaveTextContent('Concurrency — GLM Coding Plan');
    expect(within(tuner).getByTestId('concurrency-prefill')).toHaveTextContent('Pre-fill: 1, up to 30 by hand');
    expect(tuner).toHaveTextContent('Max: 1 (up to 30) — Max allows up to 30, but we default to the safe value.');
    const warnings = within(tuner).getAllByTestId('concurrency-warning').map((w) => w.getAttribute('data-code'));
    expect(warnings).toEqual(['tight-unlimited', 'tight-solo']);
    expect(within(tuner).getByTestId('concurrency-chart')).toHaveAttribute('data-summary', 'Review time of one PR: 3 min 20 s at 1, fastest 3 min 20 s at 1; 429s from 2');
    expect(within(tuner).getByTestId('measure-note')).toHaveTextContent('up to 95 billed requests');
    // The backend is asked about the settings as edited, for this profile and slot.
    await waitFor(() => expect(state.concurrencyRequests.at(-1)).toMatchObject({ profile: 'glm', slot: 'main', config: { plan: 'coding-plan', maxConcurrentRequests: 1 }, max: 32 }));
  });

  it('says what 0 means and applies a suggested value', async () => {
    const { tuner, user } = await renderGLMCodingPlan();
    const field = screen.getByLabelText('Max concurrent requests');
    await user.clear(field);
    await user.type(field, '0');
    expect(field).toHaveAccessibleDescription(/0 means no limit in Kodus, not zero requests/);
    await user.click(within(tuner).getByRole('button', { name: 'Set 1' }));
    expect(field).toHaveValue('1');
  });

  it('measures after confirmation, shows progress and applies the recommendation', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    await user.type(screen.getByLabelText(/API key/), 'zai-0123456789abcdef.ghij');
    await user.click(within(tuner).getByRole('button', { name: 'Measure' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Measuring sends up to 95 billed requests');
    await user.click(within(dialog).getByRole('button', { name: 'Send up to 95 requests' }));

    await waitFor(() => expect(state.measures).toHaveLength(1));
    const req = state.measures[0].req;
    expect(req).toMatchObject({ profile: 'glm', slot: 'main', apiKey: 'zai-0123456789abcdef.ghij', max: 32, config: { plan: 'coding-plan' } });
    expect(await within(tuner).findByTestId('measure-progress')).toHaveTextContent('Burst 2 (up to 2 at once): 2 sent, 1 accepted, 0 rejected. · 3 of at most 95 sent');
    expect(within(tuner).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();

    state.measures[0].finish(measuredReport);
    const result = await within(tuner).findByTestId('measure-result');
    expect(result).toHaveTextContent('Cap: 3 at once — recommended 2');
    expect(result).toHaveTextContent('7 requests in 3 bursts (at most 95).');
    await user.click(within(result).getByRole('button', { name: 'Apply 2' }));
    expect(screen.getByLabelText('Max concurrent requests')).toHaveValue('2');
    expect(within(result).getByRole('button', { name: 'Applied' })).toBeDisabled();
  });

  it('cancels a running measurement', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    await user.click(within(tuner).getByRole('button', { name: 'Measure' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: /Send up to/ }));
    await user.click(await within(tuner).findByRole('button', { name: 'Cancel' }));
    expect(state.cancelled).toEqual([state.measures[0].req.id]);
    const result = await within(tuner).findByTestId('measure-result');
    expect(result).toHaveAttribute('data-stopped-by', 'cancelled');
    expect(result).toHaveTextContent('Measurement cancelled');
    expect(within(result).queryByRole('button', { name: /Apply/ })).toBeNull();
  });

  it('refuses a ceiling outside 1–256 before anything is sent', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    const max = within(tuner).getByLabelText('Max at once');
    await user.clear(max);
    await user.type(max, '300');
    expect(within(tuner).getByRole('button', { name: 'Measure' })).toBeDisabled();
    expect(within(tuner).getByTestId('measure-note')).toHaveTextContent('a whole number from 1 to 256');
    expect(state.measures).toHaveLength(0);
  });
});
