import { useState, type FormEvent, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { ApiFailure } from "./api";

/** What to tell someone a call failed with: the API's message, or that Groundwork could not be reached. */
export function failureMessage(e: unknown) {
  return e instanceof ApiFailure ? e.message : "Could not reach Groundwork; check your connection and try again";
}

/** Runs a form action, showing the server's message (and field) if it fails. */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(failureMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, setError };
}

export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Form({ onSubmit, children, label }: { onSubmit: () => void; children: ReactNode; label: string }) {
  return (
    <form
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A one-line "add a thing" form that clears itself once the thing is saved. */
export function InlineAdd({
  label,
  placeholder,
  save,
  onAdded,
  children,
}: {
  label: string;
  placeholder: string;
  save: (text: string) => Promise<unknown>;
  onAdded: () => void;
  children?: ReactNode;
}) {
  const [text, setText] = useState("");
  const { error, busy, run } = useAction();
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => save(text)).then((ok) => {
          if (ok) {
            setText("");
            onAdded();
          }
        });
      }}
    >
      <input aria-label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} required />
      {children}
      <button disabled={busy}>Add</button>
      <ErrorNote error={error} />
    </form>
  );
}

/**
 * What a short-lived code from a host (a panel's account link, the Bitbucket app's configure
 * page) stands for: POSTed once to `path`, never refetched, since reading it changes nothing
 * but the code expires.
 */
export function useCodePreview<T>(name: string, code: string, preview: (code: string) => Promise<T>) {
  return useQuery({ queryKey: [name, code], queryFn: () => preview(code), retry: false, staleTime: Infinity, refetchOnWindowFocus: false });
}
