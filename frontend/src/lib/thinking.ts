// Pure helpers for the Thinking settings: where a backend problem sits in
// the editor, and how a stored Custom JSON reads on one line.
import type { ThinkingProblem } from '../api';

/**
 * The editor range of a problem. The backend counts lines from 1 and
 * columns in characters (code points); the editor counts UTF-16 units.
 * A place past the end of its line marks the line's end.
 */
export function problemRange(doc: string, p: Pick<ThinkingProblem, 'line' | 'column'>): { from: number; to: number } {
  const lines = doc.split('\n');
  const lineIdx = Math.min(Math.max(p.line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < lineIdx; i++) start += lines[i].length + 1;
  const text = lines[lineIdx];
  let offset = 0;
  let col = 1;
  for (const ch of text) {
    if (col >= p.column) break;
    offset += ch.length;
    col++;
  }
  const from = start + offset;
  if (offset >= text.length) return { from, to: from };
  const ch = String.fromCodePoint(text.codePointAt(offset)!);
  return { from, to: from + ch.length };
}

/** "Line 3, column 19: anthropic.effort: …" as shown under the editor. */
export function problemText(p: ThinkingProblem): string {
  return `Line ${p.line}, column ${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** A stored Custom JSON on one line, shortened for a summary card. */
export function compactJSON(text: string, max = 60): { short: string; full: string } {
  let full = text.trim();
  try {
    full = JSON.stringify(JSON.parse(full));
  } catch {
    /* shown as typed */
  }
  const chars = Array.from(full);
  return { short: chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : full, full };
}
