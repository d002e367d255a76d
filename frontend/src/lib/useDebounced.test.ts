import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDebounced } from './useDebounced';

describe('useDebounced', () => {
  it('gives the answer of the call', async () => {
    const call = () => Promise.resolve(7);
    const { result } = renderHook(() => useDebounced(call, 0));
    await waitFor(() => expect(result.current).toEqual({ value: 7, error: '' }));
  });

  it('gives the error of a failed call, not an empty answer', async () => {
    const call = () => Promise.reject(new Error('backend unreachable'));
    const { result } = renderHook(() => useDebounced(call, 0));
    await waitFor(() => expect(result.current).toEqual({ value: null, error: 'backend unreachable' }));
  });

  it('asks nothing for a null call', () => {
    const { result } = renderHook(() => useDebounced(null, 0));
    expect(result.current).toEqual({ value: null, error: '' });
  });
});
