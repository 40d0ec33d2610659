export function ScopeList({ scopes, intro }: { scopes: readonly { label: string; usedFor: string }[]; intro: string }) {
  return (
    <div className="hint">
      {intro}
      <ul aria-label="Token scopes">
        {scopes.map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong> — {s.usedFor}
          </li>
        ))}
      </ul>
    </div>
  );
}
