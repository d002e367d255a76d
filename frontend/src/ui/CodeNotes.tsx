/** A list of "`name`: what about it" lines (addresses, variables, fields), keyed by name. */
export function CodeNotes({ notes, className }: { notes: [string, string][]; className?: string }) {
  return (
    <ul className={className}>
      {notes.map(([name, text]) => (
        <li key={name}>
          <code>{name}</code>: {text}
        </li>
      ))}
    </ul>
  );
}
