import "server-only";
import type { Report, SharehoodClient } from "@sharehood/sdk";

/** How the queue names what a report is about. */
export interface SubjectSummary {
  /** "“Cordless drill”", "Sam Smith", "A message from Sam Smith". */
  text: string;
  /** The person behind it (the item's owner, the message's author, the person reported). */
  person: { id: string; name: string } | null;
}

const FORMER = "a former member";

/**
 * Names the subjects of a page of reports: item titles (hidden items too, since the admin's token
 * sees them) and people's names, each looked up once however many reports share it. A lookup that
 * fails leaves a plain word instead: the queue still shows every report.
 */
export async function summariseSubjects(
  client: SharehoodClient,
  reports: readonly Report[],
): Promise<Map<string, SubjectSummary>> {
  const itemIds = new Set(reports.filter((r) => r.subjectType === "item").map((r) => r.subjectId));
  const personIds = new Set(
    reports.flatMap((r) =>
      r.subjectType === "user" ? [r.subjectId] : r.subjectUserId ? [r.subjectUserId] : [],
    ),
  );
  const [titles, names] = await Promise.all([
    lookUp(itemIds, (id) => client.items.get({ params: { id } }).then((item) => item.title)),
    lookUp(personIds, (id) => client.users.get({ params: { id } }).then((user) => user.name)),
  ]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? FORMER } : null);
  return new Map(
    reports.map((report) => {
      const behind = person(report.subjectType === "user" ? report.subjectId : report.subjectUserId);
      const title = titles.get(report.subjectId);
      const text =
        report.subjectType === "item"
          ? title
            ? `“${title}”`
            : "A removed item"
          : report.subjectType === "user"
            ? (behind?.name ?? FORMER)
            : `A message from ${behind?.name ?? FORMER}`;
      return [report.id, { text, person: behind }];
    }),
  );
}

async function lookUp(ids: Set<string>, find: (id: string) => Promise<string>): Promise<Map<string, string>> {
  const found = await Promise.all(
    [...ids].map((id) =>
      find(id).then(
        (value) => [id, value] as const,
        () => null,
      ),
    ),
  );
  return new Map(found.filter((entry) => entry !== null));
}

/** The public name of one person, or null when they are gone. */
export function personName(client: SharehoodClient, id: string): Promise<string | null> {
  return client.users
    .get({ params: { id } })
    .then((user) => user.name)
    .catch(() => null);
}
