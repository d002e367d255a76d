import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, configureOpenAICompatible, nav, setProfile, startApp, type RunningApp } from './harness';

// Fake keys, written in two parts so that no line of the source looks like a real key.
const FAKE_KEPT_KEY = 'sk-proj-' + 'FAKE-e2e-kept-0001';

// The guided path from a user's point of view: the first screen of every
// recommended card, and the three ways a user used to lose work.
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

interface Card {
  id: string;
  displayName: string;
  tier: string;
  variants?: { id: string; label: string }[];
}

/**
 * Opens every recommended card of the app's Kodus line, each plan, and
 * checks that its first screen ends with Test & save inside 1280×900, with
 * Advanced closed; a screenshot per card goes to build/e2e/.
 */
async function cardsFit(app: RunningApp, line: string) {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  // The cards come from the backend's catalog: no card is named here.
  const catalog = await page.evaluate(() => (window as unknown as { go: { bindings: { Lines: { Catalog: () => Promise<{ models: Card[] }> } } } }).go.bindings.Lines.Catalog());
  const cards = catalog.models.filter((m) => m.tier === 'recommended');
  expect(cards.length).toBeGreaterThan(0);
  mkdirSync(artifactsDir, { recursive: true });
  for (const card of cards) {
    for (const plan of card.variants?.length ? card.variants : [undefined]) {
      // A plan picked on the previous card counts as an edit: nav discards it.
      await nav(page, 'Add a model');
      await page.getByRole('button', { name: card.displayName, exact: true }).click();
      if (plan) await page.getByRole('radio', { name: plan.label, exact: true }).click();
      const save = page.getByRole('button', { name: /Test & save Main/ });
      await save.waitFor();
      // Let the live checks (what Test sends, the summary) settle before measuring.
      await page.getByTestId('advanced-summary').waitFor();
      await expect.poll(() => page.getByTestId('test-note').textContent()).not.toBe('');
      expect(await page.getByRole('button', { name: 'Advanced', exact: true }).getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('main').evaluate((m) => m.scrollTop)).toBe(0);
      const box = (await save.boundingBox())!;
      const what = `${line}: ${card.id}${plan ? ` (${plan.id})` : ''}`;
      expect(box.y + box.height, `${what}: Test & save ends below the window`).toBeLessThanOrEqual(900);
      await page.screenshot({ path: join(artifactsDir, `card-${line}-${card.id}${plan ? `-${plan.id}` : ''}.png`) });
    }
  }
}

describe('the add flow', () => {
  it('fits every recommended card, each plan, on one 1280×900 screen up to Test & save, Advanced closed (Kodus selfhosted-2.1.x)', () => cardsFit(app, 'mid-2026'));

  it('and on Kodus latest, what a new install follows', async () => {
    const latest = await startApp({}, '');
    try {
      await cardsFit(latest, 'latest');
    } finally {
      await latest.stop();
    }
  });
});

describe('the user never loses work', () => {
  it('Esc in the key field keeps the form; leaving a dirty form asks first', async () => {
    const { page } = app;
    await nav(page, 'Add a model');
    await page.getByRole('button', { name: 'GPT-5.4', exact: true }).click();
    await setProfile(page, 'kept');
    const key = page.getByLabel('OpenAI API key');
    await key.fill(FAKE_KEPT_KEY);
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    await page.getByLabel('Temperature').fill('0.4');
    await key.focus();
    await page.keyboard.press('Escape');

    expect(await key.inputValue()).toBe(FAKE_KEPT_KEY);
    expect(await page.getByLabel('Profile', { exact: true }).inputValue()).toBe('kept');
    expect(await page.getByLabel('Temperature').inputValue()).toBe('0.4');
    expect(await page.getByRole('heading', { name: 'GPT-5.4', level: 1 }).count()).toBe(1);

    // A nav item, Cancel and "Choose another model" ask before throwing it away.
    for (const leave of [
      page.getByRole('button', { name: 'Profiles', exact: true }),
      page.getByRole('button', { name: 'Cancel', exact: true }),
      page.getByRole('button', { name: /Choose another model/ }),
    ]) {
      await leave.click();
      const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
      await ask.waitFor();
      // The safe choice has the focus: Enter keeps the form.
      await page.keyboard.press('Enter');
      await ask.waitFor({ state: 'detached' });
      expect(await key.inputValue()).toBe(FAKE_KEPT_KEY);
    }
    // Discarding is one deliberate step away.
    await page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Profiles', exact: true }).waitFor();
  });

  it('back and forward in the manual wizard keeps every field', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add a model' }).click();
    await configureOpenAICompatible(page, 'http://127.0.0.1:9/v1', 'kept-model');
    await setProfile(page, 'wizard');
    await page.getByLabel('OpenAI-compatible API key').fill('sk-local-FAKEe2eWIZARD0123');
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    await page.getByLabel('Max concurrent requests').fill('4');
    await page.getByLabel('Temperature').fill('0.2');

    await page.getByRole('button', { name: /Back to the model id/ }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.getByLabel('Model ID').inputValue()).toBe('kept-model');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await page.getByLabel('Base URL').inputValue()).toBe('http://127.0.0.1:9/v1');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await page.getByRole('radio', { name: /OpenAI-compatible/ }).getAttribute('aria-checked')).toBe('true');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();

    await page.getByRole('form', { name: 'Model settings' }).waitFor();
    expect(await page.getByTestId('save-target').textContent()).toContain('profile wizard');
    expect(await page.getByLabel('OpenAI-compatible API key').inputValue()).toBe('sk-local-FAKEe2eWIZARD0123');
    expect(await page.getByTestId('advanced-summary').textContent()).toContain('temperature 0.2 · concurrency 4');
    await page.getByRole('button', { name: 'Advanced', exact: true }).click();
    expect(await page.getByLabel('Max concurrent requests').inputValue()).toBe('4');
  });

  it('a profile saved through the command line appears in the open window without a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Profiles', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Profiles', exact: true }).waitFor();
    const before = await page.evaluate(() => performance.timeOrigin);
    const set = await app.cli(['profile', 'set', 'from-cli', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6', '--key-stdin'], 'sk-ant-api03-FAKEe2eCLI0123456789-xyz');
    expect(set.code).toBe(0);
    const card = page.locator('[data-profile="from-cli"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('masked-key').first().textContent()).toBe('sk…xyz');
    // Same page, no navigation: the list followed the database.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(before);

    // And a change from the command line updates what is shown.
    await app.cli(['profile', 'set', 'from-cli', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6', '--max-concurrent', '7']);
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('7 at a time');
  });
});
