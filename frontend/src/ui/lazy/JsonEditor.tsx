import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';
import { StateEffect } from '@codemirror/state';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useEffect, useMemo, useRef } from 'react';
import type { ThinkingProblem } from '../../api';
import { problemRange, problemText } from '../../lib/thinking';

interface JsonEditorProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** The backend's problems, and the text they were computed for. */
  problems: ThinkingProblem[];
  problemsFor: string;
  placeholder?: string;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
}

// Colours come from the app's CSS variables, so light and dark follow the OS.
const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '8px', fontSize: '12.5px' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', monospace", lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none', borderRadius: '8px 0 0 8px' },
  '.cm-activeLineGutter, .cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--accent-soft)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: 'none' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
});

const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: 'var(--accent)' },
  { tag: t.string, color: 'var(--ok)' },
  { tag: t.number, color: 'var(--warn)' },
  { tag: [t.bool, t.null], color: 'var(--info)', fontWeight: '600' },
  { tag: [t.brace, t.squareBracket, t.separator, t.punctuation], color: 'var(--muted)' },
  { tag: t.invalid, color: 'var(--err)' },
]);

// Tells the editor that the backend's problems changed (no text change).
const problemsChanged = StateEffect.define<null>();

/**
 * A CodeMirror 6 JSON editor: syntax highlighting, and the backend's
 * problems as inline markers at their line and column. Tab moves focus on
 * (indentWithTab off) so the form stays keyboard-usable.
 */
export function JsonEditor({ value, onChange, onBlur, problems, problemsFor, placeholder, labelledBy, describedBy, invalid }: JsonEditorProps) {
  const view = useRef<EditorView | null>(null);
  // The extensions stay the same object across renders: a new set would
  // make the wrapper reconfigure the editor. Changing inputs are read
  // through this ref instead.
  const live = useRef({ problems, problemsFor, describedBy, invalid });
  live.current = { problems, problemsFor, describedBy, invalid };
  const extensions = useMemo(
    () => [
      json(),
      lintGutter(),
      // The "linter" only shows the backend's problems; problems computed
      // for an older text would land on the wrong place, so they wait.
      linter(
        (v): Diagnostic[] => {
          const { problems, problemsFor } = live.current;
          const doc = v.state.doc.toString();
          if (problemsFor !== doc) return [];
          return problems.map((p) => ({ ...problemRange(doc, p), severity: 'error', message: problemText(p), source: 'Kodus BYOK Studio' }));
        },
        { delay: 100, needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(problemsChanged))) },
      ),
      syntaxHighlighting(highlight),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of(() => {
        const { describedBy, invalid } = live.current;
        return { 'aria-labelledby': labelledBy, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(invalid ? { 'aria-invalid': 'true' } : {}) };
      }),
    ],
    [labelledBy],
  );

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ effects: problemsChanged.of(null) });
    forceLinting(v);
  }, [problems, problemsFor, describedBy, invalid]);

  return (
    <div className="json-editor" data-invalid={invalid ? 'true' : undefined}>
      <CodeMirror
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        placeholder={placeholder}
        extensions={extensions}
        theme={theme}
        indentWithTab={false}
        basicSetup={{ foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false, searchKeymap: false }}
        minHeight="96px"
        maxHeight="320px"
        onCreateEditor={(v) => {
          view.current = v;
        }}
      />
    </div>
  );
}
