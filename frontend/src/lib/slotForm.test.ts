import { describe, expect, it } from 'vitest';
import { completeInput, emptyForm, errorsByField, formFromInput, inputFromForm, parseOrder } from './slotForm';

describe('slotForm', () => {
  it('round-trips a slot through the form', () => {
    const input = {
      provider: 'open_router',
      model: 'z-ai/glm-5',
      plan: '',
      baseURL: '',
      temperature: 0.2,
      maxOutputTokens: 16384,
      maxInputTokens: undefined,
      reasoningEffort: 'medium',
      reasoningConfigOverride: '',
      maxConcurrentRequests: 4,
      openrouterProviderOrder: ['moonshot', 'together'],
      openrouterAllowFallbacks: false,
      vertexLocation: '',
      awsRegion: '',
      awsAuth: '',
    };
    const form = formFromInput(input);
    expect(form.temperature).toBe('0.2');
    expect(form.openrouterProviderOrder).toBe('moonshot, together');
    expect(form.openrouterAllowFallbacks).toBe('false');
    const back = inputFromForm(form);
    expect(back.errors).toEqual([]);
    expect(back.input).toMatchObject({
      temperature: 0.2,
      maxOutputTokens: 16384,
      maxConcurrentRequests: 4,
      openrouterProviderOrder: ['moonshot', 'together'],
      openrouterAllowFallbacks: false,
    });
  });

  it.each([
    ['temperature', 'warm', 'must be a number'],
    ['temperature', '1e3', 'must be a number'],
    ['maxOutputTokens', '12.5', 'must be a whole number'],
    ['maxConcurrentRequests', 'ten', 'must be a whole number'],
  ])('rejects %s = %s', (field, text, rule) => {
    const form = { ...emptyForm('openai', 'gpt-5.4'), [field]: text };
    const { errors } = inputFromForm(form);
    expect(errors).toEqual([{ field, rule: expect.stringContaining(rule), value: text }]);
  });

  it('leaves empty numbers unset and keeps a trailing comma while typing', () => {
    const form = { ...emptyForm('open_router', 'm'), openrouterProviderOrder: 'moonshot,' };
    const { input } = inputFromForm(form);
    expect(input.temperature).toBeUndefined();
    expect(input.openrouterProviderOrder).toEqual(['moonshot']);
    expect(form.openrouterProviderOrder).toBe('moonshot,');
  });

  it('drops provider-specific fields for other providers', () => {
    const form = { ...emptyForm('openai', 'gpt-5.4'), openrouterProviderOrder: 'x', openrouterAllowFallbacks: 'true' as const, vertexLocation: 'us-central1' };
    const { input } = inputFromForm(form);
    expect(input.openrouterProviderOrder).toEqual([]);
    expect(input.openrouterAllowFallbacks).toBeUndefined();
    expect(input.vertexLocation).toBe('');
  });

  it('sends the custom JSON only with Custom', () => {
    const form = { ...emptyForm('anthropic', 'claude-sonnet-4-6'), reasoningEffort: 'high', reasoningConfigOverride: '{"x":1}' };
    expect(inputFromForm(form).input.reasoningConfigOverride).toBe('');
    expect(inputFromForm({ ...form, reasoningEffort: 'custom' }).input.reasoningConfigOverride).toBe('{"x":1}');
  });

  it('keeps the first error per field and splits orders', () => {
    expect(
      errorsByField([
        { field: 'a', rule: 'one' },
        { field: 'a', rule: 'two' },
        { field: 'b', rule: 'x' },
      ]),
    ).toEqual({ a: 'one', b: 'x' });
    expect(parseOrder(' a, ,b ,')).toEqual(['a', 'b']);
  });

  it('fills the settings Go leaves out as empty', () => {
    const input = completeInput({ provider: 'anthropic', model: 'claude-sonnet-4-6', temperature: 0, reasoningEffort: 'medium' });
    expect(input).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      plan: '',
      baseURL: '',
      temperature: 0,
      reasoningEffort: 'medium',
      reasoningConfigOverride: '',
      openrouterProviderOrder: [],
      vertexLocation: '',
      awsRegion: '',
      awsAuth: '',
    });
  });
});
