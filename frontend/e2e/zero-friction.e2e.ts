import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAll, setProfile, shot, startApp, type RunningApp } from './harness';

// A fake Ollama on 127.0.0.1 answering as docs.ollama.com/api documents;
// the app probes it instead of the real default ports
// (KODUS_BYOK_DISCOVER_URLS), so what else runs on this machine is irrelevant.
function fakeOllama(): Promise<Server> {
  const routes: Record<string, string> = {
    '/api/version': '{"version":"0.12.6"}',
    '/api/tags':
      '{"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","modified_at":"2026-10-02T10:15:04Z","size":4920753328,"digest":"46e0c10c039e","details":{"format":"gguf","family":"llama","families":["llama"],"parameter_size":"8.0B","quantization_level":"Q4_K_M"}},{"name":"qwen2.5-coder:7b","model":"qwen2.5-coder:7b","modified_at":"2026-09-12T08:01:00Z","size":4683087332,"digest":"2b0496514337","details":{"format":"gguf","family":"qwen2","families":["qwen2"],"parameter_size":"7.6B","quantization_level":"Q4_K_M"}}]}',
    '/v1/models':
      '{"object":"list","data":[{"id":"llama3.1:8b","object":"model","created":1759400104,"owned_by":"library"},{"id":"qwen2.5-coder:7b","object":"model","created":1757664060,"owned_by":"library"}]}',
  };
  const srv = createServer((req, res) => {
    const body = routes[req.url ?? ''];
    if (req.method !== 'GET' || body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}

let app: RunningApp;
let ollama: Server;
let ollamaURL: string;

beforeAll(async () => {
  ollama = await fakeOllama();
  ollamaURL = `http://127.0.0.1:${(ollama.address() as AddressInfo).port}/v1`;
  // The closed port stands for a default port where nothing runs.
  app = await startApp({ KODUS_BYOK_DISCOVER_URLS: `${ollamaURL} http://127.0.0.1:9/v1` });
});

afterAll(async () => {
  await app?.stop();
  await new Promise((r) => ollama?.close(r));
});

const ANTHROPIC = 'sk-ant-api03-E2Efake0FAKEfake1FAKEfake2-k9x';

describe('zero-friction setup', () => {
  it('spots an Anthropic key pasted into the GPT-5.4 card and switches to Claude with the key kept', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await page.getByRole('button', { name: 'GPT-5.4', exact: true }).click();
    await setProfile(page, 'team');
    await page.getByLabel('OpenAI API key').fill(`"${ANTHROPIC}"`);
    const advice = page.getByTestId('key-suggestion');
    await advice.waitFor();
    expect(await advice.textContent()).toContain('This looks like an Anthropic key — switch?');
    // Still on GPT-5.4 until the user decides.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('GPT-5.4');
    await shot(app, 'key-suggestion');

    await page.getByRole('button', { name: 'Switch to Claude Sonnet 4.6' }).click();
    await page.getByRole('heading', { name: 'Claude Sonnet 4.6', level: 1 }).waitFor();
    expect(await page.getByLabel('Anthropic API key').inputValue()).toBe(`"${ANTHROPIC}"`);
    expect(await page.getByTestId('save-target').textContent()).toContain('profile team');
    await expect.poll(() => page.getByTestId('key-preview').textContent()).toBe('sk…k9x');
    expect(await page.getByTestId('key-suggestion').count()).toBe(0);
    await shot(app, 'key-switched');

    // No provider is reachable from the tests: the key test fails, Save anyway saves.
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.locator('[data-profile="team"]').waitFor();
    const show = await app.cli(['profile', 'show', 'team', '--json']);
    expect(JSON.parse(show.stdout).main).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-6', apiKeyMasked: 'sk…k9x' });
    expect(await page.content()).not.toContain('E2Efake0');
    expect(app.logs()).not.toContain('E2Efake0');
    expect(readAll(join(app.home, 'data'))).not.toContain('E2Efake0');
  });

  it('finds the local Ollama and saves a keyless slot from it in one click', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add a model' }).click();
    await page.getByRole('button', { name: 'Find local servers' }).click();
    const server = page.getByRole('article', { name: `Ollama at ${ollamaURL}` });
    await server.waitFor();
    const text = await server.textContent();
    expect(text).toContain('0.12.6');
    expect(text).toContain('8.0B · Q4_K_M');
    expect(await server.getByTestId('container-url').textContent()).toBe(ollamaURL.replace('127.0.0.1', 'host.docker.internal'));
    expect(await page.getByTestId('docker-reminder').textContent()).toContain('localhost is not this machine');
    await page.getByTestId('docker-reminder').scrollIntoViewIfNeeded();
    await shot(app, 'local-servers');

    await server.getByRole('button', { name: 'Use qwen2.5-coder:7b from Ollama' }).click();
    await setProfile(page, 'local');
    // The fake Ollama lists the model, so the key test passes and saves.
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.locator('[data-profile="local"]').waitFor();
    const show = await app.cli(['profile', 'show', 'local', '--json']);
    expect(JSON.parse(show.stdout).main).toMatchObject({ provider: 'openai_compatible', model: 'qwen2.5-coder:7b', baseURL: ollamaURL, hasKey: false });

    // The command line finds the same server.
    const found = await app.cli(['discover', '--json']);
    expect(found.code).toBe(0);
    const res = JSON.parse(found.stdout);
    expect(res.servers.map((s: { kind: string; baseURL: string }) => [s.kind, s.baseURL])).toEqual([['ollama', ollamaURL]]);
    expect(res.unreachable[0].reason).toContain('connection refused');
  });

  it('looks right in dark mode too', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: 'Add a model' }).click();
    await page.getByRole('button', { name: 'GPT-5.4', exact: true }).click();
    await page.getByLabel('OpenAI API key').fill('sk-kimi-E2Efake0FAKEfake1FAKEfake2');
    await page.getByTestId('key-suggestion').waitFor();
    await shot(app, 'key-suggestion-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
