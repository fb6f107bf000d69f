import type { DomainEventOf } from "@sharehood/sdk/contract";

/** What a person reads about a review, moderation or report event: in the app and in the email. */
export interface NoticeCopy {
  title: string;
  body: string;
  /** The web app's page it leads to, and the email button's words for it. */
  path: string;
  action: string;
}

type Payload<T extends "review.revealed" | "item.hidden" | "report.resolved"> = DomainEventOf<T>["payload"];

/** The web app's public profile of a person (where the reviews they received show). */
export const personPath = (userId: string): string => `/people/${encodeURIComponent(userId)}`;

/**
 * Both reviews of a loan (or the only one written, once the window closed) became public: each side
 * is sent to their own profile, worded by which reviews concern them.
 */
export function reviewsVisibleCopy(payload: Payload<"review.revealed">, userId: string): NoticeCopy {
  const { title } = payload.loan.item;
  const received = payload.reviews.some((review) => review.subjectId === userId);
  const written = payload.reviews.some((review) => review.authorId === userId);
  const body =
    received && written
      ? `Both reviews of your loan of ${title} are now public, on your profiles.`
      : received
        ? `The review you received for your loan of ${title} is now public, on your profile.`
        : `Your review for your loan of ${title} is now public. The other side did not write one in time.`;
  return {
    title: `Your reviews for ${title} are visible`,
    body,
    path: personPath(userId),
    action: "See your profile",
  };
}

/**
 * Moderators hid an item: its owner learns why. The link is their listings, where it shows hidden
 * with the reason: the item page is one public page for everybody, and a hidden item's is a 404.
 */
export function itemHiddenCopy(payload: Payload<"item.hidden">): NoticeCopy {
  const { item, reason } = payload;
  return {
    title: `${item.title} was hidden by moderators`,
    body: `Moderators hid ${item.title}, so others can no longer find or borrow it. Their reason: ${reason}`,
    path: "/listings",
    action: "See your listings",
  };
}

const SUBJECT_WORDS = { item: "an item", user: "a person", message: "a message" } as const;

/**
 * A report was handled: the reporter learns whether something was done, never what exactly or to
 * whom (a suspension is the suspended person's business, and the admin stays unnamed).
 */
export function reportResolvedCopy(payload: Payload<"report.resolved">): NoticeCopy {
  const about = SUBJECT_WORDS[payload.report.subjectType];
  const body =
    payload.action === "dismiss"
      ? `We looked into your report about ${about}. Thank you for telling us.`
      : `We looked into your report about ${about} and we took action. Thank you for helping keep Sharehood friendly.`;
  return { title: "Thanks — your report was handled", body, path: "/", action: "Open Sharehood" };
}
