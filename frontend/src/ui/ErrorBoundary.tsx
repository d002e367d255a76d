import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onReset: () => void;
}

/**
 * Keeps a bug in one view from blanking the whole window: the view is
 * replaced by what went wrong and a way back; nothing saved is affected.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('view crashed', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="alert alert-err stack" role="alert">
        <div className="alert-title">This view hit an internal error</div>
        <div>
          <code>{this.state.error.message}</code>
        </div>
        <div className="small">Your saved profiles and keys are not affected. Please report this with what you were doing.</div>
        <div>
          <button
            className="btn"
            onClick={() => {
              this.setState({ error: null });
              this.props.onReset();
            }}
          >
            Back to profiles
          </button>
        </div>
      </div>
    );
  }
}
