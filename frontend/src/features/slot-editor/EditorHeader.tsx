import type { ReactNode } from 'react';
import { useLeave } from '../../lib/leaveGuard';

interface EditorHeaderProps {
  heading?: ReactNode;
  onBack?: () => void;
  backLabel?: string;
  /** The parent keeps the draft across Back (no need to ask before going). */
  backKeepsDraft?: boolean;
  /** Shown when there is no catalog card: the provider, model and endpoint. */
  tags?: { provider: string; model: string; baseURL: string };
}

/** The editor's top: Back, the parent's heading and, without a card, what is being set up. */
export function EditorHeader({ heading, onBack, backLabel, backKeepsDraft, tags }: EditorHeaderProps) {
  const leave = useLeave();
  return (
    <>
      {onBack && (
        <div>
          <button type="button" className="link-btn" onClick={() => (backKeepsDraft ? onBack() : leave(onBack))}>
            ← {backLabel ?? 'Choose another model'}
          </button>
        </div>
      )}
      {heading}
      {tags && (
        <div className="tags">
          <span className="tag tag-accent">{tags.provider}</span>
          <span className="tag mono" data-testid="editor-model">
            {tags.model}
          </span>
          {tags.baseURL && <span className="tag mono">{tags.baseURL}</span>}
        </div>
      )}
    </>
  );
}
