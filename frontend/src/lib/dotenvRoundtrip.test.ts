// @vitest-environment node
// Node's dotenv is what Kodus reads its .env with. The Go writer's output
// for values that break naive writers (backend/envfile/testdata, kept
// current by TestRoundTripFilesForNode) must read back exactly here too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';

const dir = resolve(__dirname, '../../../backend/envfile/testdata');

describe("Node's dotenv reads what the Go writer writes", () => {
  const want = JSON.parse(readFileSync(resolve(dir, 'roundtrip.json'), 'utf8')) as Record<string, string>;
  const got = parse(readFileSync(resolve(dir, 'roundtrip.env')));

  it('covers the nasty values', () => {
    expect(Object.keys(want).length).toBeGreaterThan(100);
    expect(Object.values(want)).toEqual(expect.arrayContaining(["single'quote", 'hash#inside', 'dollar$HOME', 'back\\slash', ' leading', 'unicode ünïcødé ✓']));
  });

  it.each(Object.keys(want))('%s', (name) => {
    expect(got[name]).toBe(want[name]);
  });

  it('reads a generated Fixed Mode block', () => {
    const block = parse(readFileSync(resolve(dir, 'golden/ollama-docker-host.golden'), 'utf8').split('== masked ==')[0]);
    expect(block).toMatchObject({
      API_OPEN_AI_API_KEY: 'no-key-needed',
      API_OPENAI_FORCE_BASE_URL: 'http://host.docker.internal:11434/v1',
      API_LLM_PROVIDER_MODEL: 'llama3.1:8b',
    });
  });
});
