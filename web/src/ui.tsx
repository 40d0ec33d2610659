import { useId, useRef, useState, type BaseSyntheticEvent, type FormEvent, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
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

/** A one-line "add a thing" form, checked by the API's own schema for that text, that clears itself once the thing is saved. */
export function InlineAdd({
  label,
  placeholder,
  field,
  save,
  onAdded,
}: {
  label: string;
  placeholder: string;
  field: z.ZodType<string, string>;
  save: (text: string) => Promise<unknown>;
  onAdded: () => void;
}) {
  const form = useSchemaForm(z.object({ text: field }), { text: "" });
  const { errors, isSubmitting } = form.formState;
  const textError = useFieldError(errors.text?.message);
  return (
    <form
      className="inline"
      noValidate
      onSubmit={form.submitWith(async ({ text }) => {
        await save(text);
        form.reset();
        onAdded();
      })}
    >
      <input aria-label={label} placeholder={placeholder} {...form.register("text")} {...textError.field} />
      <button disabled={isSubmitting}>Add</button>
      {textError.note}
      <ErrorNote error={form.failure} />
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

/** Grey placeholders the shape of the cards to come, announced as loading. */
export function Skeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="skeleton-list" aria-busy="true" role="status" aria-label={`Loading ${label}`}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="card skeleton" aria-hidden="true">
          <span className="bar wide" />
          <span className="bar" />
        </div>
      ))}
    </div>
  );
}

/** A read that failed: what, why, and a retry. */
export function LoadFailed({ what, error, retry }: { what: string; error: unknown; retry: () => void }) {
  return (
    <div className="error load-failed" role="alert">
      <span>
        Could not load {what}: {failureMessage(error)}
      </span>
      <button type="button" className="secondary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/** What a first-time visitor sees where a list will be: what goes here, and the next step. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <p>{children}</p>}
    </div>
  );
}

/** A page's title, with its main action (a "New …" button) beside it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children}
    </header>
  );
}

/**
 * A "New …" button that opens its form in a modal dialog (the browser's own <dialog>: focus
 * moves in and back, Escape closes). `children` gets `done`, for the form to call once saved:
 * it closes the dialog and calls `onDone` (reload the list).
 */
export function NewDialog({
  label,
  title,
  onDone,
  children,
  buttonClass = "new",
}: {
  label: string;
  title: string;
  onDone: () => void;
  children: (done: () => void) => ReactNode;
  buttonClass?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    ref.current?.close();
    setOpen(false);
  };
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={ref} aria-label={title} onClose={() => setOpen(false)}>
        <header>
          <h2>{title}</h2>
          <button type="button" className="quiet" aria-label="Close" onClick={close}>
            ✕
          </button>
        </header>
        {open &&
          children(() => {
            close();
            onDone();
          })}
      </dialog>
    </>
  );
}

/**
 * A form over one of the API's request schemas (react-hook-form, checked by the same zod schema
 * the server parses with): `submit` gets the parsed values; a refusal naming a field
 * ("body.subjectId") shows beside that field, any other above the button.
 */
export type SchemaForm<I extends FieldValues, O extends FieldValues> = UseFormReturn<I, unknown, O> & {
  /** A refusal that names no field of this form. */
  failure: string | null;
  submitWith(submit: (values: O) => Promise<unknown>): (e?: BaseSyntheticEvent) => Promise<void>;
};

export function useSchemaForm<I extends FieldValues, O extends FieldValues>(schema: z.ZodType<O, I>, defaultValues: DefaultValues<I>): SchemaForm<I, O> {
  const form = useForm<I, unknown, O>({ resolver: zodResolver(schema), defaultValues });
  const [failure, setFailure] = useState<string | null>(null);
  const submitWith = (submit: (values: O) => Promise<unknown>) =>
    form.handleSubmit(async (values) => {
      setFailure(null);
      try {
        await submit(values);
      } catch (e) {
        const field = e instanceof ApiFailure && e.field?.startsWith("body.") ? e.field.slice("body.".length) : null;
        if (field && field in form.getValues()) form.setError(field as Path<I>, { message: failureMessage(e) });
        else setFailure(failureMessage(e));
      }
    });
  return { ...form, failure, submitWith };
}

/** A labelled input with its own error beside it, tied to it for screen readers. */
export function FormField({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (ids: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const { id, field, note } = useFieldError(error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...field })}
      {note}
    </div>
  );
}

/** A field's error, and what ties the field to it for screen readers: for forms whose fields need no label of their own (one-line adds). */
export function useFieldError(error: string | undefined) {
  const id = useId();
  return {
    id,
    field: { "aria-invalid": Boolean(error), ...(error ? { "aria-describedby": `${id}-error` } : {}) },
    note: error ? (
      <span className="field-error" id={`${id}-error`}>
        {error}
      </span>
    ) : null,
  };
}

/** Copies `text`, and says so; where the browser refuses (no clipboard access), says to copy it by hand. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <button
      type="button"
      className="secondary copy"
      aria-label={`Copy ${what}`}
      onClick={() =>
        void (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error("no clipboard"))).then(
          () => setSaid("Copied"),
          () => setSaid("Select it and copy"),
        )
      }
      onBlur={() => setSaid(null)}
    >
      {said ?? "Copy"}
    </button>
  );
}
