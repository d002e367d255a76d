// The charts (recharts) and the JSON editor (CodeMirror) are the app's two
// heavy libraries; they load when first shown, so the window shows content
// without waiting for them.
import { lazy, Suspense, type ComponentProps, type ComponentType, type CSSProperties } from 'react';

function deferred<P extends object>(load: () => Promise<ComponentType<P>>, height: number, what: string) {
  const Inner = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense
        fallback={
          <div className="chart-loading muted small" style={{ '--chart-height': `${height}px` } as CSSProperties} role="status">
            Loading {what}…
          </div>
        }
      >
        <Inner {...props} />
      </Suspense>
    );
  };
}

export const StackedCostChart = deferred(() => import('./CostCharts').then((m) => m.StackedCostChart), 200, 'the chart');
export const LevelChart = deferred(() => import('./CostCharts').then((m) => m.LevelChart), 300, 'the chart');
export const SizeHistogram = deferred(() => import('./RepoHistogram').then((m) => m.SizeHistogram), 260, 'the chart');
export const ConcurrencyChart = deferred(() => import('./ConcurrencyChart').then((m) => m.ConcurrencyChart), 220, 'the chart');
export const JsonEditor = deferred(() => import('./JsonEditor').then((m) => m.JsonEditor), 96, 'the editor');

export type JsonEditorProps = ComponentProps<typeof JsonEditor>;
