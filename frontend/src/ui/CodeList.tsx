/** A term–value list whose values are code (headers, variables), in the given order. */
export function CodeList({ rows, className, label }: { rows: [string, string | undefined][]; className?: string; label?: string }) {
  return (
    <dl className={className ? `kv kv-mid ${className}` : 'kv kv-mid'} aria-label={label}>
      {rows.map(([k, v]) => (
        <div className="kv-pair" key={k}>
          <dt>{k}</dt>
          <dd>
            <code>{v}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
