import { describe, expect, it } from 'vitest';
import { addOpenAICompatible, shot, withProviderStandin } from './harness';

// A local OpenAI-compatible endpoint that caps concurrency like Z.ai's
// GLM Coding Plan: beyond CAP requests in flight it answers HTTP 429 with
// business code 1302; accepted requests are held a moment so the in-flight
// count is real.
const KEY = 'FAKE0123456789abcdef0123456789ab.FAKEfakeFAKEfake';
const CAP = 3;
const HOLD_MS = 300;

let inFlight = 0;
let maxOpen = 0;
let open = 0;
let total = 0; // chat requests only
const auth = new Set<string>();

const ctx = withProviderStandin((req, res) => {
  req.resume();
  if (req.url === '/v1/chat/completions') total++;
  open++;
  maxOpen = Math.max(maxOpen, open);
  auth.add(req.headers.authorization ?? '');
  const reply = (status: number, body: unknown) => {
    open--;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/v1/models') return reply(200, { object: 'list', data: [{ id: 'glm-local', object: 'model', owned_by: 'local' }] });
  if (req.url !== '/v1/chat/completions') return reply(404, { error: { message: 'not found' } });
  if (inFlight >= CAP) {
    return reply(429, {
      error: { code: '1302', message: 'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits' },
    });
  }
  inFlight++;
  setTimeout(() => {
    inFlight--;
    reply(200, {
      id: 'chatcmpl-e2e',
      object: 'chat.completion',
      choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content: '' } }],
    });
  }, HOLD_MS);
});

describe('concurrency', () => {
  it('measures a saved slot on its profile page, shows progress and saves the recommendation', async () => {
    const { app, baseURL } = ctx;
    const { page } = app;
    await addOpenAICompatible(page, baseURL, 'glm-local', KEY);
    // The add form holds only the number; the tuner is on the profile page.
    await page.getByRole('button', { name: 'Advanced' }).click();
    expect(await page.locator('#adv-maxConcurrentRequests-hint').textContent()).toContain('Empty or 0 = no limit in Kodus');
    expect(await page.getByTestId('concurrency-tuner').count()).toBe(0);
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByText(/^Main model saved/).waitFor();

    await page.getByRole('button', { name: 'Concurrency of default Main' }).click();
    const tuner = page.getByTestId('concurrency-tuner');
    await tuner.getByTestId('concurrency-prefill').waitFor();
    expect(await tuner.textContent()).toContain('Suggested: no limit');
    await tuner.getByTestId('concurrency-chart').waitFor();

    // Before anything is sent, the app says how many requests it may send.
    await tuner.getByLabel('Try up to').fill('8');
    await expect.poll(() => tuner.getByTestId('measure-note').textContent()).toContain('up to 23 billed requests');
    await tuner.getByRole('button', { name: 'Measure' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('never more than 8 at once');
    expect(total).toBe(0);
    await dialog.getByRole('button', { name: 'Send up to 23 requests' }).click();

    // Progress arrives from Go as events while the bursts run.
    const progress = tuner.getByTestId('measure-progress');
    await progress.getByText(/Burst \d/).waitFor();
    await progress.scrollIntoViewIfNeeded();
    expect(await tuner.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    await shot(app, 'concurrency-progress');

    const result = tuner.getByTestId('measure-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-stopped-by')).toBe('rate_limit');
    expect(await result.textContent()).toContain(`Cap: ${CAP} at once — recommended ${CAP}`);
    expect(await result.textContent()).toContain('1302');
    expect(maxOpen).toBeLessThanOrEqual(8);
    // The stored key was used: measuring a saved slot needs no paste.
    expect([...auth].filter((a) => a !== '')).toEqual([`Bearer ${KEY}`]);

    await result.getByRole('button', { name: `Apply ${CAP}` }).click();
    await result.getByRole('button', { name: 'Applied' }).waitFor();
    await expect.poll(async () => JSON.parse((await app.cli(['profile', 'show', 'default', '--json'])).stdout).main.maxConcurrentRequests).toBe(CAP);
    // The chart now models the measured cap: 429s start right above it.
    await expect.poll(() => tuner.getByTestId('concurrency-chart').getAttribute('data-summary')).toContain(`429s from ${CAP + 1}`);
    await tuner.scrollIntoViewIfNeeded();
    await shot(app, 'concurrency-measured');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(app, 'concurrency-measured-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.locator('body').innerText()).not.toContain('FAKE0123456789abcdef');
  });

  it('shows the GLM Coding Plan tiers and warnings for a profile saved from the command line', async () => {
    const { app } = ctx;
    const { page } = app;
    const set = await app.cli(
      ['profile', 'set', 'glm', '--provider', 'openai_compatible', '--model', 'glm-5.1', '--plan', 'coding-plan', '--max-concurrent', '0', '--key-stdin'],
      'zai-e2e-0123456789abcdef.ghij',
    );
    expect(set.code).toBe(0);
    // The open window follows the database: no reload.
    const card = page.locator('[data-profile="glm"]');
    await card.waitFor();
    const advice = await card.getByTestId('advice').allTextContents();
    expect(advice.some((a) => a.includes('no concurrency limit (0 means no limit in Kodus'))).toBe(true);
    // Said once, in the Fallback's place.
    expect(await card.getByTestId('fallback-advice').textContent()).toContain('tight concurrency limit, and there is no Fallback');

    await card.getByRole('button', { name: 'Concurrency of glm Main' }).click();
    const tuner = card.getByTestId('concurrency-tuner');
    await tuner.getByRole('heading', { name: 'Max concurrent requests — GLM Coding Plan: no limit' }).waitFor();
    expect(await tuner.getByTestId('concurrency-prefill').textContent()).toBe('Suggested: 1, the plan allows up to 30');
    expect(await tuner.textContent()).toContain('Max: 1 (up to 30) — Max allows up to 30, but we default to the safe value.');
    const warning = tuner.locator('[data-code="tight-unlimited"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Too much concurrency');
    await tuner.scrollIntoViewIfNeeded();
    await shot(app, 'concurrency-glm-warnings');
    await warning.getByRole('button', { name: 'Set 1' }).click();
    await warning.waitFor({ state: 'detached' });
    await expect.poll(async () => JSON.parse((await app.cli(['profile', 'show', 'glm', '--json'])).stdout).main.maxConcurrentRequests).toBe(1);
    await expect.poll(() => card.textContent()).toContain('1 at a time');
  });
});
