import { useState } from "react";
import { Link } from "react-router-dom";
import { CreateInviteRequest, type CreatedInvite, type PasswordResetLink } from "@groundwork/shared-types";
import { LoadMore, usePagedList } from "../lists";
import { api, data } from "../api";
import { useSession } from "../session";
import { CopyButton, ErrorNote, FormField, useAction, useSchemaForm } from "../ui";

/** An invite link for an address, checked by the API's own schema, each error beside its field. */
function InviteForm({ onCreated }: { onCreated: (invite: CreatedInvite) => void }) {
  const form = useSchemaForm(CreateInviteRequest, { email: "", role: "member" });
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      aria-label="Invite"
      noValidate
      onSubmit={form.submitWith(async (body) => {
        onCreated(await data(api.POST("/api/invites", { body })));
        form.reset();
      })}
    >
      <FormField label="Email" error={errors.email?.message}>
        {(ids) => <input {...ids} {...form.register("email")} type="email" placeholder="grace@example.com" />}
      </FormField>
      <FormField label="Role" error={errors.role?.message}>
        {(ids) => (
          <select {...ids} {...form.register("role")}>
            <option value="member">Member</option>
            <option value="owner">Owner</option>
          </select>
        )}
      </FormField>
      <ErrorNote error={form.failure} />
      <button disabled={isSubmitting}>Create invite link</button>
    </form>
  );
}

export function MembersPage() {
  const { session, members, refreshMembers } = useSession();
  const isOwner = session?.member.role === "owner";
  const invites = usePagedList("/api/invites", {}, isOwner);
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  // Without mail, an owner hands a member a reset link, as they would an invite.
  const canMakeResetLinks = isOwner && !session?.account.mailEnabled;
  const [resetFor, setResetFor] = useState<{ name: string; link: PasswordResetLink } | null>(null);
  const { error, busy, run } = useAction();
  const loadInvites = () => invites.reload();

  return (
    <section>
      <h1>Members</h1>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{m.role}</td>
                <td>
                  <Link to={`/members/${m.id}`}>Work over time</Link>
                  {canMakeResetLinks && m.id !== session?.member.id && (
                    <>
                      {" "}
                      <button
                        className="quiet"
                        disabled={busy}
                        onClick={() =>
                          void run(async () =>
                            setResetFor({
                              name: m.name,
                              link: await data(api.POST("/api/members/{id}/password-reset-link", { params: { path: { id: m.id } } })),
                            }),
                          )
                        }
                      >
                        Reset link
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {resetFor && (
        <div className="notice" role="status" aria-label="Password reset link">
          <p>
            Send this link to <strong>{resetFor.name}</strong>. It is shown only now, works once, and until{" "}
            {new Date(resetFor.link.expiresAt).toLocaleTimeString()}.
          </p>
          <input readOnly aria-label="Reset link" value={resetFor.link.resetUrl} onFocus={(e) => e.target.select()} />
          <CopyButton text={resetFor.link.resetUrl} what="reset link" />
        </div>
      )}
      {isOwner && (
        <>
          <h2>Invite someone</h2>
          <InviteForm
            onCreated={(invite) => {
              setCreated(invite);
              void loadInvites();
            }}
          />
          <ErrorNote error={error} />
          {created && (
            <div className="notice" role="status">
              <p>
                Send this link to <strong>{created.email}</strong>. It is shown only now and works once, until{" "}
                {new Date(created.expiresAt).toLocaleDateString()}.
              </p>
              <input readOnly aria-label="Invite link" value={created.inviteUrl} onFocus={(e) => e.target.select()} />
              <CopyButton text={created.inviteUrl} what="invite link" />
            </div>
          )}
          {invites.items.length > 0 && (
            <>
              <h3>Invites</h3>
              <ul>
                {invites.items.map((i) => (
                  <li key={i.id}>
                    {i.email} ({i.role}) — {i.acceptedAt ? "joined" : `open until ${new Date(i.expiresAt).toLocaleDateString()}`}
                    {!i.acceptedAt && (
                      <button
                        className="quiet"
                        onClick={() => void run(() => api.DELETE("/api/invites/{id}", { params: { path: { id: i.id } } }).then(loadInvites))}
                      >
                        Revoke
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              <LoadMore list={invites} />
            </>
          )}
        </>
      )}
      <button className="quiet" onClick={() => void refreshMembers()}>
        Refresh
      </button>
    </section>
  );
}
