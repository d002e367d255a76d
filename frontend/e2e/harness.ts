// Starts the real app for a browser test: the `dev`-tagged kodus-byok
// binary serves this UI and its bound Go methods over HTTP/WebSocket
// (-devserver/-assetdir); Playwright drives Debian's Chromium against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHTTPServer, type RequestListener, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = resolve(__dirname, '..', '..');
export const devBinary = process.env.KODUS_BYOK_DEV_BIN ?? join(root, 'build', 'bin', 'kodus-byok-dev');
const assetDir = join(root, 'frontend', 'dist');
export const artifactsDir = join(root, 'build', 'e2e');
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

export interface RunningApp {
  url: string;
  home: string;
  page: Page;
  browser: Browser;
  logs: () => string;
  stop: () => Promise<void>;
  /** Runs the same binary's command line against this app's data dir. */
  cli: (args: string[], stdin?: string) => Promise<{ code: number; stdout: string; stderr: string }>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

async function waitForHTTP(url: string, proc: ChildProcess, logs: () => string, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (proc.exitCode !== null) throw new Error(`app exited with ${proc.exitCode}:\n${logs()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`app did not serve ${url} within ${timeoutMs} ms:\n${logs()}`);
}

export function appEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KODUS_BYOK_HOME: join(home, 'data'),
    KODUS_BYOK_KEYRING: 'file',
    KODUS_BYOK_KEYRING_PASSPHRASE: 'e2e-passphrase',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_DATA_HOME: join(home, 'share'),
    DBUS_SESSION_BUS_ADDRESS: 'disabled:',
    NO_AT_BRIDGE: '1',
  };
}

/**
 * Starts the app on a fresh data dir. kodusLine is the Kodus release the
 * data dir follows: the tests written for the mid-2026 catalog pin it, as a
 * user who chose it in the System view; '' leaves the default (Kodus latest).
 */
export async function startApp(extraEnv: NodeJS.ProcessEnv = {}, kodusLine = 'mid-2026'): Promise<RunningApp> {
  if (!existsSync(devBinary)) throw new Error(`${devBinary} is missing: run make e2e (it builds it)`);
  if (!process.env.DISPLAY) throw new Error('DISPLAY is not set: run the e2e tests under xvfb-run (make e2e does)');
  const home = mkdtempSync(join(tmpdir(), 'kodus-byok-e2e-'));
  if (kodusLine) {
    mkdirSync(join(home, 'data'), { recursive: true, mode: 0o700 });
    writeFileSync(join(home, 'data', 'kodus-line.json'), JSON.stringify({ line: kodusLine, setAt: new Date().toISOString() }));
  }
  const port = await freePort();
  const env = { ...appEnv(home), ...extraEnv };
  let out = '';
  const proc = spawn(devBinary, ['-devserver', `127.0.0.1:${port}`, '-assetdir', assetDir, '-loglevel', 'Warning'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}/`;
  await waitForHTTP(url, proc, () => out);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => (out += `\n[pageerror] ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (window as unknown as { go?: { bindings?: { Setup?: object } } }).go?.bindings?.Setup === 'object', null, { timeout: 30_000 });

  const cli = (args: string[], stdin = '') =>
    new Promise<{ code: number; stdout: string; stderr: string }>((res) => {
      const p = spawn(devBinary, args, { env });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => res({ code: code ?? -1, stdout, stderr }));
      p.stdin.end(stdin);
    });

  return {
    url,
    home,
    page,
    browser,
    logs: () => out,
    cli,
    stop: async () => {
      await browser.close().catch(() => {});
      proc.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

/** Saves a screenshot under build/e2e for CI artifacts and failure triage. */
export async function shot(app: RunningApp, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await app.page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Every file under dir, for "the key is nowhere in plain text" checks. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

export function readAll(dir: string): string {
  return filesUnder(dir)
    .map((f) => readFileSync(f, 'latin1'))
    .join('\n');
}

/**
 * Walks the manual wizard from the catalog to its last step for an
 * OpenAI-compatible server (provider → base URL → model id), where the key
 * and advanced settings are.
 */
export async function configureOpenAICompatible(page: Page, baseURL: string, model: string) {
  await page.getByRole('button', { name: 'Configure manually' }).click();
  await page.getByRole('radio', { name: /OpenAI-compatible/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Base URL').fill(baseURL);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Model ID').fill(model);
  await page.getByRole('button', { name: 'Next' }).click();
}

/**
 * Sets where the editor saves: the profile name (the target line opens its
 * fields when asked).
 */
export async function setProfile(page: Page, name: string) {
  await page.getByRole('form', { name: 'Model settings' }).waitFor();
  const change = page.getByRole('button', { name: 'Change the profile or slot' });
  if (await change.count()) await change.click();
  await page.getByLabel('Profile', { exact: true }).fill(name);
}

/** Goes to a view from the nav; a form left dirty is discarded. */
export async function nav(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label, exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  if (await ask.count()) await ask.getByRole('button', { name: 'Discard' }).click();
}

export interface ProviderStandin {
  /** The app, started after the stand-in. */
  app: RunningApp;
  /** The stand-in's OpenAI-compatible base URL (http://127.0.0.1:PORT/v1). */
  baseURL: string;
  server: Server;
}

/**
 * For one test file: a stand-in LLM provider (an HTTP server on 127.0.0.1
 * answering with handler) and the app, started before the file's tests and
 * stopped after them. Read the fields inside the tests.
 */
export function withProviderStandin(handler: RequestListener): ProviderStandin {
  const ctx = {} as ProviderStandin;
  beforeAll(async () => {
    ctx.server = createHTTPServer(handler);
    await new Promise<void>((r) => ctx.server.listen(0, '127.0.0.1', r));
    ctx.baseURL = `http://127.0.0.1:${(ctx.server.address() as AddressInfo).port}/v1`;
    ctx.app = await startApp();
  });
  afterAll(async () => {
    await ctx.app?.stop();
    await new Promise((r) => ctx.server?.close(r));
  });
  return ctx;
}

/** From an empty profile list: the manual path to an OpenAI-compatible server, with its key typed. */
export async function addOpenAICompatible(page: Page, baseURL: string, model: string, key: string) {
  await page.getByRole('button', { name: 'Choose a model' }).click();
  await configureOpenAICompatible(page, baseURL, model);
  await page.getByLabel('OpenAI-compatible API key').fill(key);
}
