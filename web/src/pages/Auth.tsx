import { useEffect, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";

import { api, data } from "../api";
import { useSession } from "../session";
import { AcceptInviteRequest, LoginRequest, PasswordResetConfirm, PasswordResetRequest, SignupRequest } from "@groundwork/shared-types";
import { ErrorNote, failureMessage, FormField, useSchemaForm } from "../ui";

export function SignupPage() {
  const { setSession } = useSession();
  const nav = useNavigate();
  const form = useSchemaForm(SignupRequest, { workspaceName: "", name: "", email: "", password: "" });
  const { errors, isSubmitting } = form.formState;
  return (
    <main className="auth">
      <h1>Start a Groundwork workspace</h1>
      <p>Keep feedback, 1:1s, OKRs and career growth grounded in the work your team ships.</p>
      <form
        aria-label="Sign up"
        noValidate
        onSubmit={form.submitWith(async (body) => {
          setSession(await data(api.POST("/api/auth/signup", { body })));
          nav("/");
        })}
      >
        <FormField label="Workspace name" error={errors.workspaceName?.message}>
          {(ids) => <input {...ids} {...form.register("workspaceName")} placeholder="Platform team" />}
        </FormField>
        <FormField label="Your name" error={errors.name?.message}>
          {(ids) => <input {...ids} {...form.register("name")} autoComplete="name" />}
        </FormField>
        <FormField label="Work email" error={errors.email?.message}>
          {(ids) => <input {...ids} {...form.register("email")} type="email" autoComplete="email" />}
        </FormField>
        <FormField label="Password (10+ characters)" error={errors.password?.message}>
          {(ids) => <input {...ids} {...form.register("password")} type="password" autoComplete="new-password" />}
        </FormField>
        <ErrorNote error={form.failure} />
        <button disabled={isSubmitting}>Create workspace</button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </main>
  );
}

export function LoginPage() {
  const { setSession } = useSession();
  const nav = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? "/";
  const form = useSchemaForm(LoginRequest, { email: "", password: "" });
  const { errors, isSubmitting } = form.formState;
  return (
    <main className="auth">
      <h1>Log in to Groundwork</h1>
      <form
        aria-label="Log in"
        noValidate
        onSubmit={form.submitWith(async (body) => {
          setSession(await data(api.POST("/api/auth/login", { body })));
          nav(from, { replace: true });
        })}
      >
        <FormField label="Email" error={errors.email?.message}>
          {(ids) => <input {...ids} {...form.register("email")} type="email" autoComplete="email" />}
        </FormField>
        <FormField label="Password" error={errors.password?.message}>
          {(ids) => <input {...ids} {...form.register("password")} type="password" autoComplete="current-password" />}
        </FormField>
        <ErrorNote error={form.failure} />
        <button disabled={isSubmitting}>Log in</button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link> · New here? <Link to="/signup">Create a workspace</Link>
      </p>
    </main>
  );
}

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSchemaForm(PasswordResetRequest, { email: "" });
  const { errors, isSubmitting } = form.formState;
  return (
    <main className="auth">
      <h1>Reset your password</h1>
      {sentTo ? (
        <p role="status">If {sentTo} has a Groundwork account, a link to reset its password is on its way. It works once, for an hour.</p>
      ) : (
        <form
          aria-label="Reset password"
          noValidate
          onSubmit={form.submitWith(async (body) => {
            await data(api.POST("/api/auth/password-reset", { body }));
            setSentTo(body.email);
          })}
        >
          <FormField label="Email" error={errors.email?.message}>
            {(ids) => <input {...ids} {...form.register("email")} type="email" autoComplete="email" />}
          </FormField>
          <ErrorNote error={form.failure} />
          <button disabled={isSubmitting}>Mail me a reset link</button>
        </form>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </main>
  );
}

/** The new password, as the API checks it; the token comes from the mailed link. */
const NewPassword = PasswordResetConfirm.pick({ password: true });

export function ResetPasswordPage() {
  const token = new URLSearchParams(useLocation().search).get("token") ?? "";
  const [done, setDone] = useState(false);
  const form = useSchemaForm(NewPassword, { password: "" });
  const { errors, isSubmitting } = form.formState;
  return (
    <main className="auth">
      <h1>Choose a new password</h1>
      {done ? (
        <p role="status">
          Your password is changed, and you are logged out everywhere. <Link to="/login">Log in</Link>
        </p>
      ) : (
        <form
          aria-label="New password"
          noValidate
          onSubmit={form.submitWith(async ({ password }) => {
            await data(api.POST("/api/auth/password-reset/confirm", { body: { token, password } }));
            setDone(true);
          })}
        >
          <FormField label="New password (10+ characters)" error={errors.password?.message}>
            {(ids) => <input {...ids} {...form.register("password")} type="password" autoComplete="new-password" />}
          </FormField>
          <ErrorNote error={form.failure} />
          <button disabled={isSubmitting}>Set password</button>
        </form>
      )}
    </main>
  );
}

export function VerifyEmailPage() {
  const token = new URLSearchParams(useLocation().search).get("token") ?? "";
  const { session, setSession } = useSession();
  const verify = useMutation({
    mutationFn: (t: string) => api.POST("/api/auth/verify-email", { body: { token: t } }),
    onSuccess: () => {
      if (session) setSession({ ...session, account: { ...session.account, emailVerified: true } });
    },
  });
  const { mutate } = verify; // stable: the link's token is confirmed once, not again as the session changes
  useEffect(() => mutate(token), [mutate, token]);
  const done = verify.isSuccess;
  const error = verify.error ? failureMessage(verify.error) : null;
  return (
    <main className="auth">
      <h1>Confirm your email</h1>
      {done && (
        <p role="status">
          Your email is confirmed. <Link to="/">Go to Groundwork</Link>
        </p>
      )}
      {!done && !error && <p className="loading">Confirming…</p>}
      <ErrorNote error={error} />
    </main>
  );
}

/** Joining as a new account needs a name and a password as sign-up takes them; an existing account logs in. */
const JoinAsNewAccount = AcceptInviteRequest.extend({ name: SignupRequest.shape.name, password: SignupRequest.shape.password });

function JoinForm({ token, accountExists }: { token: string; accountExists: boolean }) {
  const { setSession } = useSession();
  const nav = useNavigate();
  const form = useSchemaForm(accountExists ? AcceptInviteRequest : JoinAsNewAccount, { token, name: "", password: "" });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      aria-label="Accept invite"
      noValidate
      onSubmit={form.submitWith(async ({ name, ...body }) => {
        setSession(await data(api.POST("/api/invites/accept", { body: { ...body, ...(accountExists ? {} : { name }) } })));
        nav("/");
      })}
    >
      {!accountExists && (
        <FormField label="Your name" error={errors.name?.message}>
          {(ids) => <input {...ids} {...form.register("name")} autoComplete="name" />}
        </FormField>
      )}
      <FormField label={accountExists ? "Password" : "Choose a password (10+ characters)"} error={errors.password?.message}>
        {(ids) => <input {...ids} {...form.register("password")} type="password" autoComplete={accountExists ? "current-password" : "new-password"} />}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>{accountExists ? "Log in and join" : "Join workspace"}</button>
      {accountExists && <Link to="/forgot-password">Forgot the password?</Link>}
    </form>
  );
}

export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const { data: preview, error: previewError } = useQuery({
    queryKey: ["invite-preview", token],
    queryFn: () => data(api.GET("/api/invites/by-token/{token}", { params: { path: { token } } })),
    retry: false,
  });
  return (
    <main className="auth">
      <h1>{preview ? `Join ${preview.workspaceName}` : "Join a workspace"}</h1>
      {preview && (
        <>
          <p>
            You were invited as <strong>{preview.email}</strong>.
            {preview.accountExists && " That address has a Groundwork account already: log in to it to join."}
          </p>
          <JoinForm token={token} accountExists={preview.accountExists} />
        </>
      )}
      <ErrorNote error={previewError ? failureMessage(previewError) : null} />
    </main>
  );
}
