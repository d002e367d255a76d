import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogModel } from '../../api';
import { catalog, fakeApi, measuredReport } from '../../test/fakeApi';
import { completeInput } from '../../lib/slotForm';
import { openAdvanced, renderApp } from '../../test/render';
import { ProfilesView } from '../profiles/ProfilesView';
import { SlotEditor } from '../slot-editor/SlotEditor';

// The chart loads lazily in the app; loaded once here so no test waits on it.
beforeAll(async () => {
  await import('../../ui/lazy/ConcurrencyChart');
});

/** A saved GLM Coding Plan profile, its concurrency panel opened from the profile page. */
async function renderGLMCodingPlan(concurrency?: number) {
  const { api, state } = fakeApi();
  const input = { ...(await api.draft('glm-5.1', 'coding-plan')), ...(concurrency === undefined ? {} : { maxConcurrentRequests: concurrency }) };
  await api.saveSlot({ profile: 'glm', slot: 'main', config: input, apiKey: 'zai-FAKE0123456789.abcdef' });
  state.saved = [];
  api.slotInput = vi.fn(async () => completeInput(state.saved.at(-1)?.config ?? input));
  const reload = vi.fn(async () => {});
  renderApp(api, <ProfilesView catalog={catalog} profiles={state.profiles} reload={reload} onChooseModel={vi.fn()} onNewProfile={vi.fn()} />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Concurrency of glm Main' }));
  const tuner = await screen.findByTestId('concurrency-tuner');
  await within(tuner).findByTestId('concurrency-prefill');
  return { api, state, tuner, user, reload };
}

describe('Concurrency on the profile page', () => {
  it('shows the suggested value, its tiers, the warnings and the review time', async () => {
    const { tuner, state } = await renderGLMCodingPlan();
    expect(within(tuner).getByRole('heading')).toHaveTextContent('Max concurrent requests — GLM Coding Plan: 1');
    expect(within(tuner).getByTestId('concurrency-prefill')).toHaveTextContent('Suggested: 1, the plan allows up to 30');
    expect(tuner).toHaveTextContent('Max: 1 (up to 30) — Max allows up to 30, but we default to the safe value.');
    const warnings = within(tuner)
      .getAllByTestId('concurrency-warning')
      .map((w) => w.getAttribute('data-code'));
    expect(warnings).toEqual(['tight-unlimited', 'tight-solo']);
    // The chart loads on first show.
    expect(await within(tuner).findByTestId('concurrency-chart')).toHaveAttribute('data-summary', 'Review time of one PR: 3 min 20 s at 1, fastest 3 min 20 s at 1; 429s from 2');
    expect(within(tuner).getByTestId('measure-note')).toHaveTextContent('up to 95 billed requests');
    expect(within(tuner).getByTestId('measure-note')).toHaveTextContent('“Max concurrent requests” is what Kodus uses');
    // The backend is asked about the saved slot.
    await waitFor(() =>
      expect(state.concurrencyRequests.at(-1)).toMatchObject({
        profile: 'glm',
        slot: 'main',
        config: { plan: 'coding-plan', maxConcurrentRequests: 1 },
        max: 32,
      }),
    );
  });

  it('saves a suggested value on the slot, keeping its key', async () => {
    const { tuner, state, user, reload } = await renderGLMCodingPlan(0);
    expect(within(tuner).getByRole('heading')).toHaveTextContent('GLM Coding Plan: no limit');
    await user.click(within(tuner).getByRole('button', { name: 'Set 1' }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({ profile: 'glm', slot: 'main', apiKey: '', config: { maxConcurrentRequests: 1, plan: 'coding-plan' } });
    expect(reload).toHaveBeenCalled();
  });

  it('measures with the stored key after confirmation, shows progress and saves the recommendation', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    await user.click(within(tuner).getByRole('button', { name: 'Measure' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Measuring sends up to 95 billed requests');
    await user.click(within(dialog).getByRole('button', { name: 'Send up to 95 requests' }));

    await waitFor(() => expect(state.measures).toHaveLength(1));
    expect(state.measures[0].req).toMatchObject({ profile: 'glm', slot: 'main', apiKey: '', max: 32, config: { plan: 'coding-plan' } });
    expect(await within(tuner).findByTestId('measure-progress')).toHaveTextContent('Burst 2 (up to 2 at once): 2 sent, 1 accepted, 0 rejected. · 3 of at most 95 sent');

    state.measures[0].finish(measuredReport);
    const result = await within(tuner).findByTestId('measure-result');
    expect(result).toHaveTextContent('Cap: 3 at once — recommended 2');
    expect(result).toHaveTextContent('7 requests in 3 bursts (at most 95).');
    await user.click(within(result).getByRole('button', { name: 'Apply 2' }));
    await waitFor(() => expect(state.saved.at(-1)?.config.maxConcurrentRequests).toBe(2));
    expect(await within(result).findByRole('button', { name: 'Applied' })).toBeDisabled();
  });

  it('cancels a running measurement', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    await user.click(within(tuner).getByRole('button', { name: 'Measure' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: /Send up to/ }));
    await user.click(await within(tuner).findByRole('button', { name: 'Cancel' }));
    expect(state.cancelled).toEqual([state.measures[0].req.id]);
    const result = await within(tuner).findByTestId('measure-result');
    expect(result).toHaveAttribute('data-stopped-by', 'cancelled');
    expect(within(result).queryByRole('button', { name: /Apply/ })).toBeNull();
  });

  it('refuses a ceiling outside 1–256 before anything is sent', async () => {
    const { tuner, state, user } = await renderGLMCodingPlan();
    const max = within(tuner).getByLabelText('Try up to');
    await user.clear(max);
    await user.type(max, '300');
    expect(within(tuner).getByRole('button', { name: 'Measure' })).toBeDisabled();
    expect(within(tuner).getByTestId('measure-note')).toHaveTextContent('a whole number from 1 to 256');
    expect(state.measures).toHaveLength(0);
  });
});

describe('Concurrency in the add form', () => {
  it('is only the number, with what 0 means', async () => {
    const { api } = fakeApi();
    const card = catalog.models.find((m) => m.id === 'glm-5.1') as CatalogModel;
    renderApp(
      api,
      <SlotEditor
        catalog={catalog}
        card={card}
        initial={await api.draft('glm-5.1', 'coding-plan')}
        target={{ profile: 'glm', slot: 'main', fixed: false }}
        profiles={[]}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const user = userEvent.setup();
    await openAdvanced(user);
    expect(screen.queryByTestId('concurrency-tuner')).not.toBeInTheDocument();
    const field = screen.getByLabelText('Max concurrent requests');
    await user.clear(field);
    await user.type(field, '0');
    expect(field).toHaveAccessibleDescription(/0 means no limit in Kodus, not zero requests/);
  });
});
