"use client";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formText } from "@/features/layout/form-text";
import type { Page, Role, User } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Badge } from "@sharehood/ui/badge";
import { Button } from "@sharehood/ui/button";
import { changeRoleAction } from "@/features/admin/actions";
import { UserActionPanel, type UserAction } from "@/features/admin/user-action-panel";
import { formatDate } from "@/features/items/dates";
import { fetchJson } from "@/features/layout/fetch-json";
import { ShowMore } from "@/features/layout/show-more";

const usersKey = (q: string) => ["admin", "users", q] as const;

function UserRow({
  user,
  viewerId,
  onChanged,
}: {
  user: User;
  viewerId: string;
  /** The account as it is now (null: deleted), or nothing known: the list is read again. */
  onChanged: (changed?: { id: string; user: User | null }) => void;
}) {
  const [role, setRole] = useState<Role>(user.role);
  const [roleReason, setRoleReason] = useState("");
  const [panel, setPanel] = useState<UserAction | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const result = await changeRoleAction(user.id, role, roleReason);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: (changed) => onChanged({ id: user.id, user: changed }),
  });
  const isMe = user.id === viewerId;
  return (
    <>
      <tr className="align-top">
        <td className="py-3 pr-4">
          <p className="font-semibold text-stone-900">
            {user.name} {isMe && <span className="font-normal text-stone-600">(you)</span>}
          </p>
          <p className="text-sm break-all text-stone-600">{user.email}</p>
          {user.suspension && (
            <p className="mt-1 flex flex-col items-start gap-1 text-sm text-red-900">
              <Badge tone="red">Suspended</Badge>
              <span>
                {formatDate(user.suspension.at.slice(0, 10))}: {user.suspension.reason}
              </span>
            </p>
          )}
          {save.error && (
            <p role="alert" className="mt-1 text-sm font-medium text-red-700">
              {save.error.message}
            </p>
          )}
        </td>
        <td className="hidden py-3 pr-4 text-sm text-stone-700 sm:table-cell">
          {formatDate(user.createdAt.slice(0, 10))}
        </td>
        <td className="py-3 pr-4">
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={`role-${user.id}`}>
              Role of {user.name}
            </label>
            <select
              id={`role-${user.id}`}
              value={role}
              disabled={isMe}
              onChange={(event) => setRole(event.target.value as Role)}
              className="h-9 rounded-lg border border-stone-300 bg-white px-2 text-sm"
            >
              <option value="user">User</option>
              <option value="admin">Admin</option>
            </select>
            {role !== user.role && (
              <>
                <label className="sr-only" htmlFor={`role-reason-${user.id}`}>
                  Why change the role of {user.name} (optional)
                </label>
                <input
                  id={`role-reason-${user.id}`}
                  value={roleReason}
                  onChange={(event) => setRoleReason(event.target.value)}
                  maxLength={FIELD_LIMITS.moderationNote}
                  placeholder="Why? (optional)"
                  className="h-9 w-36 rounded-lg border border-stone-300 bg-white px-2 text-sm"
                />
                <Button size="sm" pending={save.isPending} onClick={() => save.mutate()}>
                  Save role
                </Button>
              </>
            )}
            {user.role === "admin" && role === user.role && <Badge tone="violet">Admin</Badge>}
          </div>
        </td>
        <td className="py-3 text-right">
          {!isMe && (
            <div className="flex flex-wrap justify-end gap-2">
              {user.suspension ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setPanel("unsuspend")}
                  aria-label={`Lift the suspension of ${user.name}`}
                  aria-expanded={panel === "unsuspend"}
                >
                  Lift suspension
                </Button>
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setPanel("suspend")}
                  aria-label={`Suspend user ${user.name}`}
                  aria-expanded={panel === "suspend"}
                >
                  Suspend
                </Button>
              )}
              <Button
                size="sm"
                variant="secondary"
                onClick={() => setPanel("delete")}
                aria-label={`Delete user ${user.name}`}
                aria-expanded={panel === "delete"}
              >
                Delete
              </Button>
            </div>
          )}
        </td>
      </tr>
      {panel && (
        <tr>
          <td colSpan={4} className="pb-4">
            <UserActionPanel
              user={user}
              action={panel}
              onDone={(changed) => {
                setPanel(null);
                onChanged({ id: user.id, user: changed });
              }}
              onCancel={() => setPanel(null)}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Every user, searchable, with role changes, suspension and deletion (each with a reason for the
 * audit log); changes refresh the list in place.
 */
export function UsersTable({
  viewerId,
  initialPage,
}: {
  viewerId: string;
  initialPage: Page<User> | undefined;
}) {
  const [q, setQ] = useState("");
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: usersKey(q),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<User>>(
        `/api/admin/users?${new URLSearchParams({ q, ...(pageParam ? { cursor: pageParam } : {}) }).toString()}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    ...(initialPage && q === "" ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];
  // The answer shows at once in every loaded list (a row deleted, a role or a suspension changed);
  // then the lists are read again.
  const refresh = (changed?: { id: string; user: User | null }) => {
    if (changed)
      queryClient.setQueriesData<InfiniteData<Page<User>, string | null>>(
        { queryKey: ["admin", "users"] },
        (data) =>
          data
            ? {
                ...data,
                pages: data.pages.map((page) => ({
                  ...page,
                  items: page.items.flatMap((one) =>
                    one.id !== changed.id ? [one] : changed.user ? [changed.user] : [],
                  ),
                })),
              }
            : data,
      );
    void queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
  };

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(formText(new FormData(event.currentTarget), "q").trim());
  }

  return (
    <div className="flex flex-col gap-4">
      <form role="search" onSubmit={search} className="flex gap-2">
        <label htmlFor="user-search" className="sr-only">
          Search users by name or email
        </label>
        <input
          id="user-search"
          name="q"
          type="search"
          placeholder="Search by name or email"
          className="h-11 w-full max-w-sm rounded-full border border-stone-300 bg-white px-4"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {query.isError && <Alert tone="error">{query.error.message}</Alert>}
      <div className="overflow-x-auto rounded-3xl bg-white px-4 shadow-sm ring-1 ring-stone-200 sm:px-6">
        <table className="w-full text-left">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-stone-200 text-xs font-semibold tracking-wide text-stone-600 uppercase">
            <tr>
              <th scope="col" className="py-3 pr-4">
                Person
              </th>
              <th scope="col" className="hidden py-3 pr-4 sm:table-cell">
                Joined
              </th>
              <th scope="col" className="py-3 pr-4">
                Role
              </th>
              <th scope="col" className="py-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {users.map((user) => (
              <UserRow
                // A new role or suspension starts the row afresh (its choices and open panel).
                key={`${user.id}-${user.role}-${user.suspension?.at ?? ""}`}
                user={user}
                viewerId={viewerId}
                onChanged={refresh}
              />
            ))}
          </tbody>
        </table>
        {users.length === 0 && !query.isFetching && (
          <p className="py-6 text-center text-stone-600">No users match.</p>
        )}
      </div>
      <ShowMore query={query}>Show more users</ShowMore>
    </div>
  );
}
