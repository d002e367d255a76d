import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../api';
import { fakeApi } from '../../test/fakeApi';
import { CostView } from './CostView';

function renderCost() {
  const fake = fakeApi();
  render(
    <ApiContext.Provider value={fake.api}>
      <CostView profiles={[]} />
    </ApiContext.Provider>,
  );
  return fake;
}

// The charts are not this file's subject (the browser tests draw them):
// stubs keep every keystroke's re-render cheap on a loaded machine.
vi.mock('../../ui/lazy/LazyCharts', () => ({ StackedCostChart: () => null, LevelChart: () => null, SizeHistogram: () => null }));

describe('CostView', () => {
  it('shows why the profiles and the repository defaults could not be loaded', async () => {
    const fake = fakeApi();
    vi.mocked(fake.api.profiles).mockRejectedValue(new Error('profile database is locked'));
    vi.mocked(fake.api.repoDefaults).mockRejectedValue(new Error('no home directory'));
    render(
      <ApiContext.Provider value={fake.api}>
        <CostView profiles={[]} />
      </ApiContext.Provider>,
    );
    expect(await screen.findByTestId('cost-profiles-error')).toHaveTextContent("Couldn't load the profiles: profile database is locked.");
    expect(await screen.findByTestId('cost-repo-defaults-error')).toHaveTextContent("Couldn't load the repository scan defaults: no home directory.");
  });

  it('shows the Go estimate: date, rows sorted by month, plan quota, sources', async () => {
    renderCost();
    const table = await screen.findByTestId('cost-table');
    expect(screen.getByTestId('priced-at')).toHaveTextContent(
      'Prices date from 2026-07-24 (the oldest price compared here) to 2026-11-27 (when the bundled table was compiled); each row shows its own date.',
    );
    expect(screen.getByTestId('price-status-legend')).toHaveTextContent('Disputed: the sources disagree');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-model'))).toEqual([
      'kimi-k2.6',
      'glm-5.1',
      'gemini-3.1-pro-preview-customtools',
      'gpt-5.4',
      'claude-sonnet-4-6',
      'claude-opus-4-7',
      'glm-5.1',
      'kimi-for-coding',
    ]);
    const sonnet = rows[4];
    expect(within(sonnet).getByTestId('per-month')).toHaveTextContent('$124.20');
    expect(within(sonnet).getByTestId('per-pr')).toHaveTextContent('$0.6210');
    expect(sonnet).toHaveTextContent('as of 2026-07-24');
    expect(sonnet).toHaveTextContent('Disputed');
    expect(rows[6]).toHaveTextContent('Plan quota');
    expect(rows[6]).toHaveTextContent('GLM Coding Plan');
  });

  it('sends every edit to the backend and marks a broken field without a request', async () => {
    const user = userEvent.setup();
    const { api, state } = renderCost();
    await screen.findByTestId('cost-table');
    const prs = screen.getByLabelText('PRs per month');
    await user.clear(prs);
    await user.type(prs, '400');
    await waitFor(() => expect(state.costRequests.at(-1)?.assumptions.prsPerMonth).toBe(400));
    expect(state.costRequests.at(-1)).toMatchObject({ all: false, profile: '', levels: true });
    const before = (api.estimateCost as unknown as { mock: { calls: unknown[] } }).mock.calls.length;
    await user.type(prs, 'x');
    expect(await screen.findByText(/PRs per month: must be a whole number/)).toBeInTheDocument();
    expect(prs).toHaveAttribute('aria-invalid', 'true');
    expect((api.estimateCost as unknown as { mock: { calls: unknown[] } }).mock.calls.length).toBe(before);

    await user.type(prs, '{Backspace}');
    await user.click(screen.getByRole('radio', { name: 'High' }));
    await waitFor(() => expect(state.costRequests.at(-1)?.assumptions.thinking).toBe('high'));
  });

  it('asks for a price for a model without one, never $0', async () => {
    const user = userEvent.setup();
    const { api, state } = renderCost();
    await screen.findByTestId('cost-table');
    // The fake adds an unpriced model when asked to compare "all".
    api.estimateCost = (async (req) => {
      const res = await fakeApi().api.estimateCost({ ...req, models: [{ model: 'llama3.1:8b' }] });
      return state.prices.length ? { ...res, report: { ...res.report!, rows: res.report!.rows.slice(0, -1), missingPrices: [] } } : res;
    }) as typeof api.estimateCost;
    await user.click(screen.getByRole('radio', { name: 'All models' }));
    expect(await screen.findByText('Some models have no price yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set a price for llama3.1:8b' }));
    const form = screen.getByRole('form', { name: 'Price for llama3.1:8b' });
    await user.click(within(form).getByRole('button', { name: 'Save price' }));
    expect(await within(form).findByText(/Input: is required/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Input'), '0');
    await user.type(within(form).getByLabelText('Output'), '0');
    await user.click(within(form).getByRole('button', { name: 'Save price' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Price for llama3.1:8b' })).not.toBeInTheDocument());
    expect(state.prices[0]).toMatchObject({ model: 'llama3.1:8b', input: '0', output: '0' });
  });
});
