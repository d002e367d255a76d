import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { artifactsDir, shot, startApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const sonnet = () => app.page.locator('[data-testid="cost-table"] tr[data-model="claude-sonnet-4-6"]');
const ticks = () => app.page.locator('[data-testid="cost-chart"] .recharts-cartesian-axis-tick-value').allTextContents();

describe('cost', () => {
  it('prices the recommended models from the Go estimator and draws both charts', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Cost' }).click();
    await sonnet().waitFor();
    // Two dates, each said for what it is.
    expect(await page.getByTestId('priced-at').textContent()).toContain('Prices date from 2026-07-24 (the oldest price compared here) to 2026-11-27 (when the bundled table was compiled)');
    expect(await page.getByTestId('price-status-legend').textContent()).toContain('Disputed: the sources disagree on this price');
    expect(await sonnet().getByTestId('per-month').textContent()).toBe('$124.20');
    expect(await page.locator('tr[data-model="glm-5.1"][data-plan="coding-plan"]').textContent()).toContain('Plan quota');
    // Both charts are real SVG drawn by recharts (loaded when first shown): bars per model and a line per model.
    await page.getByTestId('cost-chart').waitFor();
    await page.getByTestId('level-chart').waitFor();
    expect(await page.locator('[data-testid="cost-chart"] .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6 * 3);
    expect(await page.locator('[data-testid="level-chart"] .recharts-line').count()).toBe(6);
    await shot(app, 'cost');
    // The view scrolls inside .main, so the charts get their own picture.
    await page.locator('.charts').screenshot({ path: join(artifactsDir, 'cost-charts.png') });
    await page.getByTestId('cost-table').screenshot({ path: join(artifactsDir, 'cost-table.png') });
  });

  it('updates the table and the chart as PRs per month change', async () => {
    const { page } = app;
    const before = await ticks();
    expect(await page.getByTestId('cost-chart').getAttribute('data-summary')).toContain('Claude Sonnet 4.6 $124.20');
    await page.getByLabel('PRs per month').fill('400');
    await expect.poll(() => sonnet().getByTestId('per-month').textContent()).toBe('$248.40');
    expect(await sonnet().getByTestId('per-pr').textContent()).toBe('$0.6210');
    await expect.poll(() => page.getByTestId('cost-chart').getAttribute('data-summary')).toContain('Claude Sonnet 4.6 $248.40');
    // The axis doubles with the amounts.
    await expect.poll(ticks).not.toEqual(before);
    // The CLI, on the same data dir, agrees to the cent.
    const cli = await app.cli(['cost', '--model', 'claude-sonnet-4-6', '--prs', '400', '--json']);
    expect(JSON.parse(cli.stdout).rows[0].perMonth).toBe('248.40');

    // A broken value is marked and the last good estimate stays.
    await page.getByLabel('PRs per month').fill('4oo');
    await page.getByText('PRs per month: must be a whole number').waitFor();
    expect(await sonnet().getByTestId('per-month').textContent()).toBe('$248.40');
    await page.getByLabel('PRs per month').fill('200');
    await expect.poll(() => sonnet().getByTestId('per-month').textContent()).toBe('$124.20');
  });

  it('asks for a price for an unpriced profile model and uses the one typed', async () => {
    const { page } = app;
    const set = await app.cli(['profile', 'set', 'local', '--provider', 'openai_compatible', '--model', 'llama3.1:8b', '--base-url', 'http://localhost:11434/v1']);
    expect(set.code).toBe(0);
    await page.getByRole('button', { name: 'Profiles' }).click();
    await page.getByRole('button', { name: 'Cost' }).click();
    await page.getByRole('radio', { name: 'A profile (Main + Fallback)' }).click();
    await page.getByText('Some models have no price yet').waitFor();
    await page.getByRole('button', { name: 'Set a price for llama3.1:8b' }).click();
    await page.getByLabel('Input', { exact: true }).fill('0.10');
    await page.getByLabel('Output', { exact: true }).fill('0.20');
    await page.getByRole('button', { name: 'Save price' }).click();
    // 88k × 0.10 + 23.8k × 0.20 = 0.01356 a PR, 2.712 a month.
    await expect.poll(() => page.getByTestId('profile-total').textContent()).toContain('$2.71 a month');
    await shot(app, 'cost-profile');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Recommended models' }).click();
    await sonnet().waitFor();
    await shot(app, 'cost-dark');
    await page.locator('.charts').screenshot({ path: join(artifactsDir, 'cost-charts-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
