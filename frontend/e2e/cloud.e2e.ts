import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readAll, shot, startApp, type RunningApp } from './harness';

// Local stand-ins for the two cloud providers, on 127.0.0.1: Amazon Bedrock
// (STS, the control plane and the runtime on one origin, taking requests
// signed for the right access key, service and region; the Go tests check
// the signatures themselves) and an Azure OpenAI resource (api-key header,
// deployment URLs).
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AZURE_KEY = '9f2c7e1b4a6d48e0b3c5a7f1e2d4c6b8';

let app: RunningApp;
let bedrock: Server;
let azure: Server;
let bedrockURL = '';
let azureURL = '';
const bedrockSeen: string[] = [];
const azureSeen: { url: string; apiKey: string; auth: string }[] = [];

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/xml' : 'application/json', ...headers });
  res.end(text);
}

const awsError = (res: ServerResponse, status: number, type: string, message: string) =>
  send(res, status, { message }, { 'x-amzn-ErrorType': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/` });

const profiles: Record<string, string> = {
  'us.anthropic.claude-sonnet-4-6': 'anthropic.claude-sonnet-4-6',
  'us.anthropic.claude-opus-4-7': 'anthropic.claude-opus-4-7',
};
const enabled: Record<string, boolean> = { 'anthropic.claude-sonnet-4-6': true, 'anthropic.claude-opus-4-7': false };

function serveBedrock(req: IncomingMessage, res: ServerResponse) {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '');
  const path = decodeURIComponent((req.url ?? '').split('?')[0]);
  bedrockSeen.push(`${req.method} ${path} ${m ? `${m[3]}@${m[2]}` : 'unsigned'}`);
  if (!m || m[1] !== ACCESS_KEY) return awsError(res, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (req.method === 'POST' && path === '/') {
    return send(res, 200, '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/kodus-e2e</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>');
  }
  const [, kind, id] = /^\/([^/]+)\/(.+)$/.exec(path) ?? [];
  if (kind === 'inference-profiles' && profiles[id])
    return send(res, 200, { inferenceProfileId: id, status: 'ACTIVE', models: [{ modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${profiles[id]}` }] });
  if (kind === 'foundation-models' && id in enabled) return send(res, 200, { modelDetails: { modelId: id, inferenceTypesSupported: ['INFERENCE_PROFILE'], modelLifecycle: { status: 'ACTIVE' } } });
  if (kind === 'foundation-model-availability' && id in enabled) {
    const a = enabled[id] ? 'AVAILABLE' : 'NOT_AVAILABLE';
    return send(res, 200, {
      modelId: id,
      agreementAvailability: { status: a },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: a,
      regionAvailability: 'AVAILABLE',
    });
  }
  if (req.method === 'POST' && kind === 'model' && id.endsWith('/converse')) {
    return send(res, 200, {
      output: { message: { role: 'assistant', content: [{ text: 'OK' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 8, outputTokens: 1, totalTokens: 9 },
    });
  }
  return awsError(res, 404, 'ResourceNotFoundException', 'Could not resolve the foundation model from the provided model identifier.');
}

function serveAzure(req: IncomingMessage, res: ServerResponse) {
  azureSeen.push({ url: req.url ?? '', apiKey: String(req.headers['api-key'] ?? ''), auth: req.headers.authorization ?? '' });
  if (req.headers['api-key'] !== AZURE_KEY) return send(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
  const path = (req.url ?? '').split('?')[0];
  if (req.method === 'GET' && path === '/openai/models') return send(res, 200, { object: 'list', data: [{ id: 'gpt-5.4', object: 'model' }] });
  const d = /^\/openai\/deployments\/([^/]+)\/responses$/.exec(path);
  if (req.method === 'POST' && d && d[1] === 'gpt-5-4-review') {
    return send(res, 200, {
      id: 'resp_1',
      object: 'response',
      status: 'completed',
      output: [{ type: 'message', content: [{ type: 'output_text', text: 'OK' }] }],
      usage: { input_tokens: 9, output_tokens: 16 },
    });
  }
  return send(res, 404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' } });
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<[Server, string]> {
  const s = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return [s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`];
}

beforeAll(async () => {
  [bedrock, bedrockURL] = await listen(serveBedrock);
  [azure, azureURL] = await listen(serveAzure);
  app = await startApp({}, '');
});

afterAll(async () => {
  await app?.stop();
  await new Promise((r) => bedrock?.close(r));
  await new Promise((r) => azure?.close(r));
});

describe('cloud providers on the manual path', () => {
  it('configures Amazon Bedrock with IAM keys, tests it read-only then with the call Kodus makes, and saves', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await page.getByRole('button', { name: 'Configure manually' }).click();
    await page.getByRole('radio', { name: /Amazon Bedrock/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Endpoint override (optional)').fill(bedrockURL);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Model or inference profile id').fill('us.anthropic.claude-opus-4-7');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Region').fill('us-east-1');
    await page.getByRole('radio', { name: 'IAM access keys' }).click();
    await page.getByLabel('Access key id').fill('akia-typo');
    await page.getByText(/Access key id: starts with AKIA/).waitFor();
    await page.getByLabel('Access key id').fill(ACCESS_KEY);
    await page.getByLabel('Secret access key').fill(SECRET_KEY);
    await shot(app, 'bedrock-iam-fields');

    // Model access not granted: its own verdict, and no billed call sent.
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const result = page.getByTestId('key-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-code')).toBe('model_not_enabled');
    expect(await result.textContent()).toContain('Model access not granted');
    expect(bedrockSeen.some((s) => s.startsWith('POST /model/'))).toBe(false);
    expect(bedrockSeen).toContain('POST / sts@us-east-1');
    await shot(app, 'bedrock-model-not-enabled');

    await page.getByRole('button', { name: /Back to the model id/ }).click();
    await page.getByLabel('Model or inference profile id').fill('us.anthropic.claude-sonnet-4-6');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Region').fill('us-east-1');
    await page.getByRole('radio', { name: 'IAM access keys' }).click();
    await page.getByLabel('Access key id').fill(ACCESS_KEY);
    await page.getByLabel('Secret access key').fill(SECRET_KEY);
    await page.getByRole('button', { name: /Test & save Main/ }).click();
    await page.getByText(/^Main model saved/).waitFor();
    expect(bedrockSeen).toContain('POST /model/us.anthropic.claude-sonnet-4-6/converse bedrock@us-east-1');
    expect(bedrockSeen).toContain('GET /foundation-model-availability/anthropic.claude-sonnet-4-6 bedrock@us-east-1');

    // The profile carries the region and auth; the secrets are only in the keychain.
    const shown = await app.cli(['profile', 'show', 'default', '--json']);
    expect(shown.stdout).toContain('"awsAuth": "iam"');
    expect(shown.stdout).toContain('"awsRegion": "us-east-1"');
    const all = readAll(join(app.home, 'data'));
    expect(all).not.toContain(SECRET_KEY);
    expect(all).not.toContain(ACCESS_KEY);
    const byok = await app.cli(['byok', 'default', '--json']);
    expect(byok.stdout).toContain('"awsAccessKeyId": ""');
    expect(byok.stdout).not.toContain(SECRET_KEY);
  });

  it('configures Azure OpenAI with its resource endpoint and deployment, the key in the api-key header', async () => {
    // A fresh data dir: the first model of its own profile.
    await app.stop();
    app = await startApp({}, '');
    const { page } = app;
    await page.getByRole('button', { name: 'Choose a model' }).click();
    await page.getByRole('button', { name: 'Configure manually' }).click();
    await page.getByRole('radio', { name: /Azure OpenAI/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Resource endpoint').fill(`${azureURL}/openai/deployments/gpt-5-4-review`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/without \/deployments/).waitFor();
    await page.getByLabel('Resource endpoint').fill(`${azureURL}/openai`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Deployment name').fill('gpt-5-4-review');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('Azure OpenAI API key').fill(AZURE_KEY);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    const result = page.getByTestId('key-test-result');
    await result.waitFor();
    expect(await result.getAttribute('data-code')).toBe('ok');
    await shot(app, 'azure-ok');
    expect(azureSeen.map((s) => s.url.split('?')[0])).toEqual(['/openai/models', '/openai/deployments/gpt-5-4-review/responses']);
    for (const s of azureSeen) {
      expect(s.apiKey).toBe(AZURE_KEY);
      expect(s.auth).toBe('');
    }
  });
});
