import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nav, readAll, shot, startApp, type RunningApp } from './harness';
import { fakeDocker, kodusLayout, startStandin, type FakeDocker, type Standin } from './kodus';

// The Kodus view against the Kodus API stand-in and a stand-in docker: sign
// in, read what Kodus uses, apply a profile to the install's .env and
// recreate the services, with Compose's output and the proof.
const KEY = 'sk-ant-FAKEe2eKodus-0123456789-abcdef-xyz';
let app: RunningApp;
let kodus: Standin;
let docker: FakeDocker;
let installDir = '';

beforeAll(async () => {
  const scratch = join(process.env.TMPDIR ?? '/tmp', `kodus-e2e-${process.pid}`);
  docker = fakeDocker(scratch);
  kodus = await startStandin({ behindWeb: true, containerEnv: docker.containerEnv('api') });
  await kodus.seed({
    version: 2,
    credentials: [{ id: 'cred-existing', provider: 'openai', apiKey: 'sk-FAKE-existing-0123456789-abc' }],
    models: [{ id: 'model-existing', credentialId: 'cred-existing', model: 'gpt-5.4', reasoningEffort: 'medium' }],
    routing: { defaultModelId: 'model-existing' },
  });
  app = await startApp({ KODUS_BYOK_DOCKER: docker.bin }, 'current');
  installDir = kodusLayout(join(app.home, 'kodus-installer'));
  expect((await app.cli(['profile', 'set', 'team', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6', '--key-stdin'], KEY)).code).toBe(0);
  await app.page.reload({ waitUntil: 'load' });
  await app.page.waitForFunction(() => typeof (window as unknown as { go?: { bindings?: { Setup?: object } } }).go?.bindings?.Setup === 'object');
});

afterAll(async () => {
  await app?.stop();
  kodus?.stop();
});

describe('Kodus view', () => {
  it('signs in through the web app URL and shows what Kodus uses', async () => {
    const { page } = app;
    // A profile card's Apply to Kodus says to sign in first, and leads there.
    await page.getByRole('button', { name: 'Apply to Kodus: profile team' }).click();
    await page.getByTestId('kodus-apply-signed-out').waitFor();
    await page.getByRole('button', { name: 'Go to Kodus' }).click();
    await page.getByRole('heading', { name: 'Sign in to Kodus' }).waitFor();
    await page.getByLabel('Kodus URL').fill(kodus.url);
    await page.getByLabel('Email').fill('admin@example.com');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('kodus-signin-error').textContent()).toContain('api.users.unauthorized');
    await page.getByLabel('Password').fill('FAKE-kodus-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('kodus-status').waitFor();
    expect(await page.getByTestId('kodus-signed-in').textContent()).toContain('/api/proxy/api');
    expect(await page.getByTestId('kodus-source').textContent()).toBe('BYOK config');
    const models = await page.getByTestId('kodus-models').textContent();
    expect(models).toContain('gpt-5.4');
    expect(models).toContain('sk...abc');
    expect(await page.content()).not.toContain('FAKE-existing');
    expect(await page.content()).not.toContain('FAKE-access');
    await shot(app, 'kodus-status');
  });

  it('applies a profile to Kodus: the difference, Kodus’s Test and its status after', async () => {
    const { page } = app;
    await page.getByLabel('Profile to apply').selectOption('team');
    await page.getByRole('button', { name: 'Show the difference' }).click();
    await page.getByTestId('kodus-apply-plan').waitFor();
    expect(await page.getByTestId('kodus-uses-now').textContent()).toBe('default: gpt-5.4 (OpenAI)');
    expect(await page.getByTestId('kodus-uses-after').textContent()).toBe('default: claude-sonnet-4-6 (Anthropic)');
    const diff = await page.getByTestId('kodus-apply-diff').textContent();
    expect(diff).toContain('default model: gpt-5.4 (OpenAI) → claude-sonnet-4-6 (Anthropic)');
    expect(diff).toContain('model model-existing: gpt-5.4 (OpenAI) · key sk...abc · thinking medium (kept)');
    expect(diff).toContain('key sk...xyz (new)');
    expect(await page.content()).not.toContain('FAKEe2eKodus');
    await page.getByTestId('kodus-apply-plan').scrollIntoViewIfNeeded();
    await shot(app, 'kodus-apply-diff');
    await page.getByRole('button', { name: 'Apply to Kodus…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Apply to Kodus', exact: true }).click();
    await page.getByTestId('kodus-apply-result').waitFor();
    const test = page.getByTestId('kodus-test-result').first();
    expect(await test.getAttribute('data-code')).toBe('ok');
    expect(await test.textContent()).toContain('a real call');
    expect(await page.getByTestId('kodus-status-after').textContent()).toContain('claude-sonnet-4-6');
    await expect.poll(() => page.getByTestId('kodus-source').textContent()).toBe('BYOK config');
    // One save: the new key once, the existing credential re-sent with apiKey "".
    const saves = (await kodus.saves()) as { credentials: { id: string; apiKey?: string }[]; routing: { defaultModelId: string } }[];
    expect(saves).toHaveLength(1);
    expect(JSON.stringify(saves[0]).split(KEY).length - 1).toBe(1);
    expect(saves[0].credentials.find((c) => c.id === 'cred-existing')?.apiKey).toBe('');
    expect(saves[0].routing.defaultModelId).toBe('team-main');
    expect(await page.content()).not.toContain('FAKEe2eKodus');
    await page.getByTestId('kodus-apply-result').scrollIntoViewIfNeeded();
    await shot(app, 'kodus-apply-result');
  });

  it('merges the profile into the install .env, recreates the API and workers, and verifies', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('kodus-install').textContent()).toContain('api, worker');
    await page.getByLabel('Profile', { exact: true }).selectOption('team');
    await page.getByRole('button', { name: 'Preview the merge' }).click();
    await page.getByTestId('kodus-env-diff').waitFor();
    expect(await page.getByTestId('kodus-env-diff').textContent()).toContain('+API_LLM_PROVIDER_MODEL=claude-sonnet-4-6');
    expect(await page.getByTestId('kodus-env-plan').textContent()).toContain('takes precedence over the .env');
    expect(await page.content()).not.toContain('FAKEe2eKodus');
    await page.getByTestId('kodus-env-plan').scrollIntoViewIfNeeded();
    await shot(app, 'kodus-env-diff');
    await page.getByRole('button', { name: 'Write and recreate…' }).click();
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: 'Write and recreate', exact: true }).click();
    await page.getByTestId('kodus-env-result').waitFor();
    await expect.poll(() => page.getByTestId('kodus-restart-ok').textContent()).toContain('Recreated api, worker');
    expect(await page.getByTestId('kodus-compose-log').textContent()).toContain('Container kodus-api  Started');
    const verify = page.getByTestId('kodus-verify');
    expect(await verify.getAttribute('data-method')).toBe('kodus-status');
    expect(await verify.textContent()).toContain('claude-sonnet-4-6');
    expect(await verify.textContent()).toContain('takes precedence over the .env');
    expect(docker.calls()).toContain(`${installDir}\tcompose up -d api worker`);
    expect(readFileSync(join(installDir, '.env'), 'utf8')).toContain(`API_OPEN_AI_API_KEY=${KEY}\n`);
    expect(readdirSync(installDir).filter((n) => n.startsWith('.env.bak-'))).toHaveLength(1);
    expect(await page.content()).not.toContain('FAKEe2eKodus');
    // The session is in the keychain, never in the profile database.
    expect(readFileSync(join(app.home, 'data', 'profiles.db'), 'latin1')).not.toContain('FAKE-access');
    expect(readAll(join(app.home, 'data'))).not.toContain('FAKE-refresh');
    await page.getByTestId('kodus-env-result').scrollIntoViewIfNeeded();
    await shot(app, 'kodus-env-applied');
  });

  it('applies a profile from its card on the Profiles page, as the Kodus view does', async () => {
    const { page } = app;
    await nav(page, 'Profiles');
    await page.getByRole('button', { name: 'Apply to Kodus: profile team' }).click();
    const panel = page.getByRole('region', { name: 'Apply profile team to Kodus (BYOK)' });
    await panel.getByRole('button', { name: 'Show the difference' }).click();
    expect(await panel.getByTestId('kodus-uses-after').textContent()).toBe('default: claude-sonnet-4-6 (Anthropic)');
    await panel.getByRole('button', { name: 'Apply to Kodus…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Apply to Kodus', exact: true }).click();
    await panel.getByTestId('kodus-apply-result').waitFor();
    expect(await panel.getByTestId('kodus-status-after').textContent()).toContain('claude-sonnet-4-6');
    expect(await kodus.saves()).toHaveLength(2);
    expect(await page.content()).not.toContain('FAKEe2eKodus');
    await shot(app, 'kodus-apply-from-profile');
  });
});
