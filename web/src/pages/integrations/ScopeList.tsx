export function ScopeList({ scopes, intro, label = "Token scopes" }: { scopes: readonly { label: string; usedFor: string }[]; intro: string; label?: string }) {
  return (
    <div className="hint">
      {intro}
      <ul aria-label={label}>
        {scopes.map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong> — {s.usedFor}
          </li>
        ))}
      </ul>
    </div>
  );
}
