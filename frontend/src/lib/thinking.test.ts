import { describe, expect, it } from 'vitest';
import { compactJSON, problemRange, problemText } from './thinking';

describe('problemRange', () => {
  const doc = '{\n  "effort": "high",\n}';
  it('maps the backend’s line and column to the character there', () => {
    const r = problemRange(doc, { line: 2, column: 19 });
    expect(doc.slice(r.from, r.to)).toBe(',');
  });
  it('marks the end of the line for a place after its last character', () => {
    const r = problemRange(doc, { line: 2, column: 20 });
    expect(r).toEqual({ from: doc.indexOf(',') + 1, to: doc.indexOf(',') + 1 });
  });
  it('counts columns in characters, so text after an emoji is still found', () => {
    const d = '{"😀": 1,}';
    const r = problemRange(d, { line: 1, column: 8 });
    expect(d.slice(r.from, r.to)).toBe(',');
  });
  it('clamps a line past the end of the text to the last line', () => {
    expect(problemRange('{', { line: 9, column: 2 })).toEqual({ from: 1, to: 1 });
  });
});

describe('problemText', () => {
  it('reads like the CLI’s message, with the path when there is one', () => {
    expect(problemText({ line: 3, column: 4, path: 'anthropic.effort', message: '"x" is not allowed' })).toBe('Line 3, column 4: anthropic.effort: "x" is not allowed');
    expect(problemText({ line: 1, column: 9, message: 'trailing comma' })).toBe('Line 1, column 9: trailing comma');
  });
});

describe('compactJSON', () => {
  it('puts valid JSON on one line', () => {
    expect(compactJSON('{\n  "thinking": { "type": "adaptive" }\n}')).toEqual({
      short: '{"thinking":{"type":"adaptive"}}',
      full: '{"thinking":{"type":"adaptive"}}',
    });
  });
  it('shortens long JSON and keeps the whole text for the tooltip', () => {
    const long = JSON.stringify({ provider: { order: ['moonshot', 'together', 'fireworks', 'groq', 'deepinfra'] } });
    const { short, full } = compactJSON(long, 30);
    expect(Array.from(short)).toHaveLength(30);
    expect(short.endsWith('…')).toBe(true);
    expect(full).toBe(long);
  });
  it('shows text that does not parse as it was typed', () => {
    expect(compactJSON(' {"a": 1,} ').full).toBe('{"a": 1,}');
  });
});
