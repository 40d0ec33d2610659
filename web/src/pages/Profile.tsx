import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api, data } from "../api";
import { useSession } from "../session";
import { EmptyState, ErrorNote, LoadFailed, PageHeader, Skeleton, useAction } from "../ui";

/** Linking a Bitbucket account on the access-token path: sign in to Bitbucket, come back linked. */
function BitbucketSignIn() {
  const status = useQuery({ queryKey: ["bitbucket-account-link"], queryFn: () => data(api.GET("/api/integrations/bitbucket/account-link")) });
  const { error, busy, run } = useAction();
  if (status.isPending) return <Skeleton label="Bitbucket" rows={1} />;
  if (status.isError) return <LoadFailed what="Bitbucket" error={status.error} retry={() => void status.refetch()} />;
  const s = status.data;
  // Without a token connection there is nothing to link here: the app's panel links, or Bitbucket is not connected.
  if (!s.workspace && !s.linked) return <p className="hint">{s.reason}</p>;
  return (
    <div className="card" aria-label="Bitbucket account">
      <h2>Bitbucket{s.workspace ? ` · ${s.workspace}` : ""}</h2>
      {s.linked ? (
        <p>
          Linked as <strong>{s.linked.account ?? "your Bitbucket account"}</strong>: your comments and reviews there count as yours.
        </p>
      ) : s.available ? (
        <>
          <p>Bitbucket does not share email addresses, so Groundwork cannot tell which comments are yours until you sign in to Bitbucket once.</p>
          <button
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const { authorizeUrl } = await data(api.POST("/api/integrations/bitbucket/account-link"));
                window.location.assign(authorizeUrl);
              })
            }
          >
            Link your Bitbucket account
          </button>
        </>
      ) : (
        <p className="hint">{s.reason}</p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/** Who you are here, and the host accounts whose activity counts as yours. */
export function ProfilePage() {
  const { session } = useSession();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ["account-links"], queryFn: () => data(api.GET("/api/account-links")) });
  const { error, busy, run } = useAction();
  const failed = params.get("bitbucket_error");
  if (!session) return null;
  return (
    <section>
      <PageHeader title="Your profile" />
      <p>
        <strong>{session.member.name}</strong> · {session.member.email} · {session.member.role}
      </p>
      {params.get("bitbucket") === "linked" && (
        <p className="notice" role="status">
          Your Bitbucket account is linked.
        </p>
      )}
      {failed && (
        <p className="error" role="alert">
          Your Bitbucket account was not linked: {failed}
        </p>
      )}
      <h2>Linked accounts</h2>
      {accounts.isPending ? (
        <Skeleton label="linked accounts" rows={1} />
      ) : accounts.isError ? (
        <LoadFailed what="linked accounts" error={accounts.error} retry={() => void accounts.refetch()} />
      ) : accounts.data.length === 0 ? (
        <EmptyState title="No host accounts linked yet">
          Azure DevOps matches you by email. On Bitbucket, link your account below or from the Groundwork panel on a pull request.
        </EmptyState>
      ) : (
        <ul className="plain" aria-label="Linked accounts">
          {accounts.data.map((a) => (
            <li key={a.id}>
              <span>
                {a.hostName} account <strong>{a.account ?? "(no name)"}</strong> · linked {new Date(a.linkedAt).toLocaleDateString()}
              </span>
              <button
                className="quiet"
                disabled={busy}
                aria-label={`Unlink ${a.hostName} account ${a.account ?? ""}`.trim()}
                onClick={() =>
                  void run(async () => {
                    await api.DELETE("/api/account-links/{id}", { params: { path: { id: a.id } } });
                    await queryClient.invalidateQueries({ queryKey: ["account-links"] });
                    await queryClient.invalidateQueries({ queryKey: ["bitbucket-account-link"] });
                  })
                }
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
      <BitbucketSignIn />
    </section>
  );
}
