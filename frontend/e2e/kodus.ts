// Kodus stand-ins for the browser tests: the Kodus API stand-in (the same
// Go server the Go tests use, run as build/bin/kodus-standin) and the
// stand-in docker CLI (backend/kodusinstall/installtest/docker.sh), plus a
// Kodus install directory in the installer's layout.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '..', '..');
const standinBinary = process.env.KODUS_STANDIN_BIN ?? join(root, 'build', 'bin', 'kodus-standin');

export interface Standin {
  url: string;
  seed: (config: unknown) => Promise<void>;
  saves: () => Promise<unknown[]>;
  tests: () => Promise<Record<string, unknown>[]>;
  stop: () => void;
}

/** Starts the Kodus API stand-in; containerEnv is the API container's environment file. */
export async function startStandin(opts: { behindWeb?: boolean; containerEnv?: string } = {}): Promise<Standin> {
  const args: string[] = [];
  if (opts.behindWeb) args.push('-behind-web');
  if (opts.containerEnv) args.push('-container-env', opts.containerEnv);
  const proc = spawn(standinBinary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (l) => res(l.trim()));
    proc.once('exit', (c) => rej(new Error(`kodus-standin exited with ${c}: run make e2e (it builds it)`)));
  });
  const get = async (path: string) => (await fetch(url + path)).json();
  return {
    url,
    seed: async (config) => {
      const r = await fetch(url + '/__standin/seed', { method: 'POST', body: JSON.stringify(config) });
      if (!r.ok) throw new Error(`seed: HTTP ${r.status}`);
    },
    saves: () => get('/__standin/saves'),
    tests: () => get('/__standin/tests'),
    stop: () => proc.kill('SIGTERM'),
  };
}

export interface FakeDocker {
  bin: string;
  state: string;
  calls: () => string[];
  containerEnv: (service: string) => string;
}

/** Writes the stand-in docker CLI under dir. */
export function fakeDocker(dir: string): FakeDocker {
  const bin = join(dir, 'bin', 'docker');
  const state = join(dir, 'docker-state');
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(state, 'containers'), { recursive: true });
  const script = readFileSync(join(root, 'backend', 'kodusinstall', 'installtest', 'docker.sh'), 'utf8').replaceAll('@STATE@', state);
  writeFileSync(bin, script);
  chmodSync(bin, 0o755);
  return {
    bin,
    state,
    calls: () => {
      try {
        return readFileSync(join(state, 'calls.log'), 'utf8').trim().split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    containerEnv: (service) => join(state, 'containers', `${service}.env`),
  };
}

/** A Kodus install directory in the installer's layout (compose file and a complete .env). */
export function kodusLayout(dir: string): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'backend', 'kodusinstall', 'installtest', 'testdata', 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
  copyFileSync(join(root, 'backend', 'envfile', 'testdata', 'kodus-env-layout.env'), join(dir, '.env'));
  chmodSync(join(dir, '.env'), 0o600);
  return dir;
}
