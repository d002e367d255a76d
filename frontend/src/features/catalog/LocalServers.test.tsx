import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../api';
import { catalog, fakeApi } from '../../test/fakeApi';
import { CatalogView } from './CatalogView';
import { LocalServers } from './LocalServers';
import { ToastProvider } from '../../ui/Toasts';

function renderCatalog() {
  const { api, state } = fakeApi();
  const onDone = vi.fn();
  render(
    <ApiContext.Provider value={api}>
      <ToastProvider>
        <CatalogView catalog={catalog} profiles={[]} target={{ profile: 'default', slot: 'main', fixed: false }} onDone={onDone} />
      </ToastProvider>
    </ApiContext.Provider>,
  );
  return { api, state, onDone };
}

describe('Find local servers', () => {
  it('lists each server with its models, the Docker reminder, and creates a keyless slot from one click', async () => {
    const user = userEvent.setup();
    const { state, onDone } = renderCatalog();
    await user.click(screen.getByRole('button', { name: 'Find local servers' }));
    const server = await screen.findByRole('article', { name: 'Ollama at http://127.0.0.1:11434/v1' });
    expect(server).toHaveTextContent('0.12.6');
    expect(server).toHaveTextContent('3 ms');
    expect(within(server).getByText('llama3.1:8b')).toBeInTheDocument();
    expect(server).toHaveTextContent('8.0B · Q4_K_M · 4.9 GB');
    expect(within(server).getByTestId('container-url')).toHaveTextContent('http://host.docker.internal:11434/v1');
    expect(server).toHaveTextContent('OLLAMA_HOST=0.0.0.0');
    expect(screen.getByTestId('docker-reminder')).toHaveTextContent('localhost is not this machine');
    expect(state.discoverRequests).toEqual([{ urls: [], onlyURLs: false }]);
    expect(screen.getByText('Nothing at 1 other address')).toBeInTheDocument();

    await user.click(within(server).getByRole('button', { name: 'Use qwen2.5-coder:7b from Ollama' }));
    const form = await screen.findByRole('form', { name: 'Model settings' });
    expect(form).toHaveTextContent('qwen2.5-coder:7b');
    expect(form).toHaveTextContent('http://127.0.0.1:11434/v1');
    expect(screen.getByText(/Optional: local servers usually need no key/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Test & save Main/ }));
    await waitFor(() => expect(state.saved).toHaveLength(1));
    expect(state.saved[0]).toMatchObject({
      apiKey: '',
      config: { provider: 'openai_compatible', model: 'qwen2.5-coder:7b', baseURL: 'http://127.0.0.1:11434/v1' },
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('probes the extra URLs the user lists', async () => {
    const user = userEvent.setup();
    const { state } = renderCatalog();
    await user.click(screen.getByRole('button', { name: 'Find local servers' }));
    await screen.findByRole('article', { name: /Ollama/ });
    await user.type(screen.getByLabelText('Also look at (optional)'), 'http://gpu-box.lan:8000/v1, 127.0.0.1:11435{Enter}');
    await waitFor(() => expect(state.discoverRequests).toHaveLength(2));
    expect(state.discoverRequests[1]).toEqual({ urls: ['http://gpu-box.lan:8000/v1', '127.0.0.1:11435'], onlyURLs: false });
  });

  it('says what it checked when nothing answers, and shows errors', async () => {
    const { api, state } = fakeApi();
    state.discovery = { servers: [], unreachable: [{ baseURL: 'http://127.0.0.1:11434/v1', reason: 'nothing listening (connection refused)' }], elapsedMs: 1 };
    const { unmount } = render(
      <ApiContext.Provider value={api}>
        <LocalServers onUse={vi.fn()} />
      </ApiContext.Provider>,
    );
    const empty = await screen.findByTestId('no-servers');
    expect(empty).toHaveTextContent('No local LLM server answered');
    expect(empty).toHaveTextContent('http://127.0.0.1:11434/v1: nothing listening (connection refused)');
    expect(screen.queryByTestId('docker-reminder')).not.toBeInTheDocument();
    unmount();

    api.discoverServers = vi.fn(async () => {
      throw new Error('not an http(s) URL: "ftp://x"');
    });
    render(
      <ApiContext.Provider value={api}>
        <LocalServers onUse={vi.fn()} />
      </ApiContext.Provider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('not an http(s) URL');
  });

  it('lists the models of the server typed in the manual wizard', async () => {
    const user = userEvent.setup();
    const { state } = renderCatalog();
    await user.click(screen.getByRole('button', { name: 'Configure manually' }));
    await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Base URL'), 'http://127.0.0.1:11434/v1');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'List the models on this server' }));
    await user.click(await screen.findByRole('button', { name: 'Use llama3.1:8b from Ollama' }));
    expect(state.discoverRequests).toEqual([{ urls: ['http://127.0.0.1:11434/v1'], onlyURLs: true }]);
    expect(await screen.findByRole('form', { name: 'Model settings' })).toHaveTextContent('llama3.1:8b');
  });

  it('finds servers from the base URL step of the manual wizard', async () => {
    const user = userEvent.setup();
    renderCatalog();
    await user.click(screen.getByRole('button', { name: 'Configure manually' }));
    await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Find local servers' }));
    await user.click(await screen.findByRole('button', { name: 'Use llama3.1:8b from Ollama' }));
    const form = await screen.findByRole('form', { name: 'Model settings' });
    expect(form).toHaveTextContent('llama3.1:8b');
    expect(form).toHaveTextContent('http://127.0.0.1:11434/v1');
  });

  it('asks for the key of a server that lists its models only with one, and keeps it for the slot', async () => {
    const user = userEvent.setup();
    const { api, state } = renderCatalog();
    const vllm = {
      kind: 'vllm',
      name: 'vLLM',
      baseURL: 'http://127.0.0.1:8000/v1',
      version: '0.11.0',
      latencyMs: 2,
      models: [],
      notes: ['This server was started with an API key: its models are listed only with that key, and Kodus needs it too.'],
    };
    api.discoverServers = vi.fn(async (req) => {
      state.discoverRequests.push(req);
      return req.key === 'vllm-FAKE-key-01'
        ? { servers: [{ ...vllm, models: [{ id: 'Qwen/Qwen2.5-Coder-32B-Instruct' }] }], unreachable: [], elapsedMs: 2 }
        : { servers: [{ ...vllm, needsKey: true }], unreachable: [], elapsedMs: 2 };
    });
    await user.click(screen.getByRole('button', { name: 'Configure manually' }));
    await user.click(screen.getByRole('radio', { name: /OpenAI-compatible/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Base URL'), 'http://127.0.0.1:8000/v1');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'List the models on this server' }));
    await user.type(await screen.findByLabelText('Server key'), 'vllm-FAKE-key-01');
    await user.click(screen.getByRole('button', { name: 'List models' }));
    await user.click(await screen.findByRole('button', { name: 'Use Qwen/Qwen2.5-Coder-32B-Instruct from vLLM' }));
    expect(state.discoverRequests.at(-1)).toEqual({ urls: ['http://127.0.0.1:8000/v1'], onlyURLs: true, key: 'vllm-FAKE-key-01' });
    expect(await screen.findByLabelText('OpenAI-compatible API key')).toHaveValue('vllm-FAKE-key-01');
  });
});
