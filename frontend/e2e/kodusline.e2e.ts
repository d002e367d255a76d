import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nav, shot, startApp, type RunningApp } from './harness';

let app: RunningApp;

// No line saved: the app follows Kodus latest, what a new install runs.
beforeAll(async () => {
  app = await startApp({}, '');
});

afterAll(async () => {
  await app?.stop();
});

const ZAI_KEY = 'FAKE0123456789abcdef0123456789ab.e2eFAKE';

describe('Kodus release line', () => {
  it('shows Kodus latest’s catalog and names the line in the thinking preview', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add a model' }).click();
    await page.getByRole('button', { name: 'GLM 5.2', exact: true }).click();
    await page.getByRole('radio', { name: 'Coding Plan' }).click();
    await expect.poll(() => page.getByTestId('plan-endpoint').textContent()).toBe('https://api.z.ai/api/coding/paas/v4');
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    await expect.poll(() => page.getByTestId('preview-line').first().textContent()).toContain('as Kodus latest sends it');
    await shot(app, 'line-current-glm');
  });

  it('offers to move a slot saved for the mid-2026 Kodus, and moves it keeping the key', async () => {
    const { page } = app;
    const set = await app.cli(['profile', 'set', 'old', '--provider', 'openai_compatible', '--model', 'glm-5.1', '--plan', 'coding-plan', '--key-stdin', '--kodus-line', 'mid-2026'], ZAI_KEY);
    expect(set.code).toBe(0);
    // The window follows the profile database: the profile appears without a reload.
    await nav(page, 'Profiles');
    await page.locator('[data-profile="old"]').waitFor({ timeout: 15_000 });
    const move = page.locator('[data-profile="old"]').getByTestId('slot-move');
    await expect.poll(() => move.textContent()).toContain('GLM 5.2');
    await shot(app, 'line-move-offer');
    await move.getByRole('button', { name: /Move it/ }).click();
    await expect.poll(() => page.locator('[data-profile="old"]').getByTestId('slot-move').count()).toBe(0);
    const show = JSON.parse((await app.cli(['profile', 'show', 'old', '--json'])).stdout);
    expect(show.main).toMatchObject({ provider: 'zai', model: 'glm-5.2', plan: 'coding-plan', apiKeyMasked: 'FA…AKE' });
  });

  it('switches to the mid-2026 line in the System view', async () => {
    const { page } = app;
    await nav(page, 'System');
    await page.getByTestId('kodus-line-mid-2026').locator('input').click();
    await expect.poll(async () => JSON.parse((await app.cli(['kodus', 'line', 'show', '--json'])).stdout).id).toBe('mid-2026');
    await shot(app, 'line-system');
    await nav(page, 'Add a model');
    await page.getByRole('button', { name: 'GLM 5.1', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'GLM 5.2', exact: true }).count()).toBe(0);
  });
});
