import { startApp, type RunningApp } from './harness';
import { mkdirSync } from 'node:fs';
const out = '/tmp/x17/shots2';
mkdirSync(out, { recursive: true });
let app: RunningApp;
beforeAll(async () => { app = await startApp(); });
afterAll(async () => { await app?.stop(); });
async function snap(name: string, both = false) {
  for (const scheme of both ? (['light', 'dark'] as const) : (['light'] as const)) {
    await app.page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1280, 900], [900, 650]]) {
      await app.page.setViewportSize({ width: w, height: h });
      await app.page.waitForTimeout(200);
      await app.page.screenshot({ path: `${out}/${name}-${w}-${scheme}.png` });
    }
  }
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.emulateMedia({ colorScheme: 'light' });
}
test('explore', async () => {
  const p = app.page;
  await p.getByRole('heading', { name: 'Profiles', exact: true }).waitFor();
  await snap('01-profiles-empty');
  await p.getByRole('button', { name: 'Add a model' }).click();
  await snap('02-catalog');
  await p.getByRole('button', { name: 'GLM 5.1' }).click();
  await p.getByLabel(/API key/).waitFor();
  await snap('03-glm', true);
  await p.getByRole('button', { name: 'Advanced' }).click();
  await p.waitForTimeout(500);
  await snap('03b-glm-adv');
  await p.getByRole('button', { name: /Choose another model/ }).click();
  await p.getByRole('button', { name: 'Kimi K2.6' }).click();
  await p.locator('[data-plan="kimi-code"]').click();
  await p.waitForTimeout(500);
  await snap('05-kimi-code', true);
  await p.getByLabel(/key/).first().fill('sk-ant-api03-E2Efake0FAKEfake1FAKEfake2-k9x');
  await p.getByRole('button', { name: /Test & save/ }).click();
  await p.waitForTimeout(1500);
  await snap('05b-kimi-after');
});
