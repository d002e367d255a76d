import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startApp, type RunningApp } from './harness';

// With a keychain that cannot work here (Secret Service without a session
// bus), the app says so up front and saving fails with the backend's own
// explanation: nothing falls back to a weaker store.
let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ KODUS_BYOK_KEYRING: 'secret-service' });
});

afterAll(async () => {
  await app?.stop();
});

describe('unavailable keychain', () => {
  it('shows the problem and refuses to save the key elsewhere', async () => {
    const { page } = app;
    const banner = page.getByTestId('keychain-problem');
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain('secret-service');
    expect(text).toContain('KODUS_BYOK_KEYRING');
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await page.getByRole('button', { name: 'GPT-5.4', exact: true }).click();
    await page.getByLabel('OpenAI API key').fill('sk-proj-FAKEe2e-0000000000000000');
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    const err = page.getByText('Not saved', { exact: true });
    await err.waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Not saved' }).textContent()).toContain('keychain backend unavailable');
    await shot(app, 'keychain-unavailable');
    const list = await app.cli(['profile', 'list', '--json']);
    expect(JSON.parse(list.stdout).profiles).toEqual([]);
  });
});
