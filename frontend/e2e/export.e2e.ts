import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nav, shot, startApp, type RunningApp } from './harness';

let app: RunningApp;
const KEY = 'zai-E2Esecret-0123456789abcdef.ghij';
const fixture = resolve(__dirname, '..', '..', 'backend', 'envfile', 'testdata', 'kodus-env-layout.env');

beforeAll(async () => {
  app = await startApp();
  // Profiles come from the same backend's command line.
  expect((await app.cli(['profile', 'set', 'glm', '--provider', 'openai_compatible', '--model', 'glm-5.1', '--plan', 'coding-plan', '--key-stdin'], KEY)).code).toBe(0);
  expect(
    (await app.cli(['profile', 'set', 'glm', '--slot', 'fallback', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6', '--key-stdin'], 'sk-ant-' + 'FAKEE2Efallback-0123456789-xyz')).code,
  ).toBe(0);
  expect((await app.cli(['profile', 'set', 'local', '--provider', 'openai_compatible', '--model', 'llama3.1:8b', '--base-url', 'http://localhost:11434/v1'])).code).toBe(0);
  await app.page.reload({ waitUntil: 'load' });
  await app.page.waitForFunction(() => typeof (window as unknown as { go?: { bindings?: { Setup?: object } } }).go?.bindings?.Setup === 'object');
});

afterAll(async () => {
  await app?.stop();
});

describe('export', () => {
  it('shows the block masked, the routing check, the warnings and what is not carried', async () => {
    const { page } = app;
    await nav(page, 'Export');
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    await page.getByLabel('Profile', { exact: true }).selectOption('glm');
    await expect.poll(() => page.getByTestId('routing-check').textContent()).toContain('OpenAI-compatible at https://api.z.ai/api/coding/paas/v4');
    expect(await page.getByTestId('env-key-masked').textContent()).toBe('za…hij');
    expect(await page.getByTestId('env-preview').textContent()).toContain('API_LLM_PROVIDER_MODEL=glm-5.1');
    const notCarried = await page.getByTestId('not-carried').textContent();
    expect(notCarried).toContain('Fallback model');
    expect(notCarried).toContain('429');
    expect(await page.content()).not.toContain('E2Esecret');
    await shot(app, 'export-glm');
  });

  it('merges into the installer layout after showing the diff, and the file on disk has the block', async () => {
    const { page } = app;
    const path = join(app.home, 'kodus.env');
    copyFileSync(fixture, path);
    const before = readFileSync(path, 'utf8');
    await page.getByLabel('.env file').fill(path);
    await page.getByRole('button', { name: 'Preview merge into this .env' }).click();
    await page.getByTestId('env-diff').waitFor();
    expect(await page.getByTestId('env-diff').textContent()).toContain('+API_LLM_PROVIDER_MODEL=glm-5.1');
    expect(await page.getByTestId('env-banner').getAttribute('data-fixed-mode')).toBe('off');
    expect(await page.content()).not.toContain('E2Esecret');
    await page.getByTestId('merge-plan').scrollIntoViewIfNeeded();
    await shot(app, 'export-merge-diff');
    await page.getByRole('button', { name: 'Write changes…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Write changes', exact: true }).click();
    await page.getByTestId('env-write-result').waitFor();
    expect(await page.getByTestId('env-write-result').textContent()).toContain('Backup:');

    const after = readFileSync(path, 'utf8');
    expect(after).toContain(`API_OPEN_AI_API_KEY=${KEY}\n`);
    expect(after).toContain('API_OPENAI_FORCE_BASE_URL=https://api.z.ai/api/coding/paas/v4\n');
    expect(after).toContain('API_LLM_PROVIDER_MODEL=glm-5.1\n');
    // Only the LLM lines changed.
    const changed = before.split('\n').filter((l, i) => after.split('\n')[i] !== l);
    expect(changed).toEqual(['API_OPEN_AI_API_KEY=', 'API_OPENAI_FORCE_BASE_URL=', 'API_LLM_PROVIDER_MODEL=auto']);
    const backups = readdirSync(app.home).filter((n) => n.startsWith('kodus.env.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(app.home, backups[0]), 'utf8')).toBe(before);
    await page.getByTestId('env-write-result').scrollIntoViewIfNeeded();
    await shot(app, 'export-merged');
  });

  it('saving over a Fixed Mode .env asks first, and inspect shows the blue banner with the key masked', async () => {
    const { page } = app;
    const path = join(app.home, 'kodus.env');
    await page.getByRole('button', { name: 'Preview merge into this .env' }).click();
    await page.getByText('The file already holds this block').waitFor();
    await page.getByLabel('.env to inspect').fill(path);
    await page.getByRole('button', { name: 'Inspect', exact: true }).click();
    const banner = page.locator('[data-testid="env-banner"][data-fixed-mode="on"]').last();
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain('Kodus is using an LLM configured via environment variables');
    expect(text).toContain('glm-5.1');
    expect(text).toContain('za…hij');
    expect(await page.content()).not.toContain('E2Esecret');
    await banner.scrollIntoViewIfNeeded();
    await shot(app, 'export-inspect');
  });

  it('writes a new block file with mode 0600, and fixes a localhost endpoint', async () => {
    const { page } = app;
    const path = join(app.home, 'llm.env');
    await page.getByLabel('.env file').fill(path);
    await page.getByRole('button', { name: 'Write the block as a new file' }).click();
    await page.getByTestId('env-write-result').waitFor();
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toContain(`API_OPEN_AI_API_KEY=${KEY}`);

    // A second write asks to replace the file (the GUI names no command-line flag).
    await page.getByRole('button', { name: 'Write the block as a new file' }).click();
    const ask = page.getByRole('alertdialog', { name: `Replace ${path}?` });
    await ask.waitFor();
    expect(await page.locator('body').innerText()).not.toContain('--force');
    await ask.getByRole('button', { name: 'Replace it' }).click();
    await expect.poll(() => page.getByTestId('env-write-result').textContent()).toContain('Backup:');
    expect((await page.getByTestId('env-write-result').innerText()).match(/llm\.env\.bak-/g)).toHaveLength(1);

    // The BYOK config too: saved once, then replaced on request.
    const byok = join(app.home, 'byok.json');
    for (const replace of [false, true]) {
      await page.getByLabel('Save to a new file').fill(byok);
      await page.getByRole('button', { name: 'Save BYOK JSON' }).click();
      if (replace)
        await page
          .getByRole('alertdialog', { name: `Replace ${byok}?` })
          .getByRole('button', { name: 'Replace it' })
          .click();
      await page.getByText(`BYOK config written to ${byok}`).first().waitFor();
    }
    await expect.poll(() => readdirSync(app.home).filter((n) => n.startsWith('byok.json.bak-')).length).toBe(1);

    await page.getByLabel('Profile', { exact: true }).selectOption('local');
    await page.getByTestId('localhost-warning').waitFor();
    await page.getByRole('button', { name: 'Use host.docker.internal' }).click();
    await expect.poll(() => page.getByTestId('env-preview').textContent()).toContain('API_OPENAI_FORCE_BASE_URL=http://host.docker.internal:11434/v1');
    expect(await page.getByTestId('env-preview').textContent()).toContain('API_OPEN_AI_API_KEY=no-key-needed');
    expect(await page.getByTestId('routing-check').textContent()).toContain('Kodus will route this the way the profile means');
    await page.getByTestId('localhost-warning').scrollIntoViewIfNeeded();
    await shot(app, 'export-localhost');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(app, 'export-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
