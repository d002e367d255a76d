import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { configureOpenAICompatible, shot, withProviderStandin } from './harness';

// A local OpenAI-compatible server (like vLLM started with --api-key) on
// 127.0.0.1: GET /v1/models answers 200 for the right key and OpenAI's 401
// (echoing the key, as OpenAI does) for any other.
const GOOD = 'sk-FAKElocal-e2e-0123456789abcdef';
const WRONG = 'sk-FAKElocal-WRONG-0123456789abcdef';

const seen: { url: string; auth: string }[] = [];

function answer(req: IncomingMessage): { status: number; body: unknown } {
  const auth = req.headers.authorization ?? '';
  seen.push({ url: req.url ?? '', auth });
  if (req.url !== '/v1/models') return { status: 404, body: { error: { message: 'not found' } } };
  if (auth !== `Bearer ${GOOD}`) {
    const got = auth.replace(/^Bearer /, '');
    return {
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${got}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
    };
  }
  return { status: 200, body: { object: 'list', data: [{ id: 'coder-7b', object: 'model', owned_by: 'local' }] } };
}

const ctx = withProviderStandin((req, res) => {
  const { status, body } = answer(req);
  // A little latency, so the reported figure is a real measurement.
  setTimeout(() => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }, 25);
});

describe('key test', () => {
  it('tests a key from the GUI against a local server and shows the latency', async () => {
    const { app, baseURL } = ctx;
    const { page } = app;
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await configureOpenAICompatible(page, baseURL, 'coder-7b');

    const keyField = page.getByLabel('OpenAI-compatible API key');
    await keyField.fill(WRONG);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const result = page.getByTestId('key-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-code')).toBe('auth');
    expect(await result.textContent()).toContain('Invalid API key · HTTP 401');
    const said = await page.getByTestId('provider-said').textContent();
    expect(said).toContain('Provider said: Incorrect API key provided: [redacted].');
    // The key is only in the user's own field, never in what the app shows.
    expect(await page.locator('body').innerText()).not.toContain('WRONG-0123');
    await shot(app, 'keytest-invalid');

    // Editing the key clears the result; the right key passes.
    await keyField.fill(GOOD);
    await expect.poll(() => result.count()).toBe(0);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await result.waitFor();
    const ok = (await result.textContent()) ?? '';
    const ms = Number(/provider responded in (\d+) ms/.exec(ok)?.[1]);
    expect(ms).toBeGreaterThanOrEqual(20);
    expect(ok).toContain('serves model coder-7b');
    await expect.poll(() => page.getByTestId('test-note').textContent()).toContain('no inference');
    await shot(app, 'keytest-ok');

    // Test & save: saved, and the key went only to the fake server, in a header.
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByText(/^Main model saved/).waitFor();
    expect(seen.every((r) => r.url === '/v1/models')).toBe(true);
    expect(seen.filter((r) => r.auth === `Bearer ${GOOD}`).length).toBe(2);
  });

  it('tests a saved profile from the profile screen, like the command line', async () => {
    const { app } = ctx;
    const { page } = app;
    const card = page.locator('[data-profile="default"]');
    await card.waitFor();
    await card.getByRole('button', { name: 'Test profile default' }).click();
    const main = card.getByTestId('slot-test-main');
    await main.getByText(/Connection OK — provider responded in \d+ ms/).waitFor();
    await shot(app, 'keytest-profile');

    const cli = await app.cli(['test', 'default', '--json']);
    expect(cli.code).toBe(0);
    const line = JSON.parse(cli.stdout.trim());
    expect(line).toMatchObject({ slot: 'main', ok: true, code: 'ok', httpStatus: 200, modelFound: true });
    expect(line.message).toBe('The server accepted the key and serves model coder-7b.');
    expect(await main.textContent()).toContain(line.message);
  });

  it('shows a stopped server as unreachable', async () => {
    const { app } = ctx;
    const { page } = app;
    ctx.server.closeAllConnections();
    await new Promise((r) => ctx.server.close(r));
    const card = page.locator('[data-profile="default"]');
    await card.getByRole('button', { name: 'Test profile default' }).click();
    const main = card.getByTestId('slot-test-main');
    await main.getByText("Couldn't reach the provider").waitFor();
    expect(await main.textContent()).toContain('connection refused');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(app, 'keytest-unreachable-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
