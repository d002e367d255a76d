import { describe, expect, it } from 'vitest';
import { errorText } from './errorText';

describe('errorText', () => {
  it.each([
    ['an Error gives its message', new Error('profile "x" not found'), 'profile "x" not found'],
    ['a string is shown as it is', 'keychain is locked', 'keychain is locked'],
    ['undefined says so', undefined, 'unknown error'],
    ['null says so', null, 'unknown error'],
    ['a plain object is shown as JSON', { code: 7 }, '{"code":7}'],
    ['a number is shown as text', 42, '42'],
  ])('%s', (_name, input, want) => {
    expect(errorText(input)).toBe(want);
  });

  it('keeps an Error subclass message', () => {
    class Refused extends Error {}
    expect(errorText(new Refused('refused'))).toBe('refused');
  });
});
