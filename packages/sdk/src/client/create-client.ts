import { inventoryRoutes } from "../contract/inventory-routes.ts";
import { notificationRoutes } from "../contract/notification-routes.ts";
import { userRoutes } from "../contract/user-routes.ts";
import type { Route } from "../contract/route.ts";
import {
  callRoute,
  type RequestOptions,
  type RouteInput,
  type RouteOutput,
  type Transport,
} from "./call-route.ts";
import { streamNotifications, type StreamOptions } from "./notification-stream.ts";
import { iterate } from "./paginate.ts";
import type { RetryPolicy } from "./retry.ts";
import {
  uploadAvatar,
  uploadPhotos,
  type UploadAvatarInput,
  type UploadPhotosInput,
} from "./upload-photos.ts";

/** How to reach the Sharehood APIs. */
export interface ClientOptions {
  /** One origin serving both APIs (behind a gateway). */
  baseUrl?: string;
  /** The User API's origin, such as `http://localhost:4001`. */
  userApiUrl?: string;
  /** The Inventory API's origin, such as `http://localhost:4002`. */
  inventoryApiUrl?: string;
  /** The Notification API's origin, such as `http://localhost:4003`. */
  notificationApiUrl?: string;
  /**
   * The bearer token (a personal access token `shp_…`, or a session's access token), or a function
   * that returns the current one.
   */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** A `fetch` implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Each attempt's timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /**
   * How many times a request that failed for a passing reason (no answer, a timeout, 408, 429,
   * 502, 503, 504) is sent again: GET requests, and writes carrying an `Idempotency-Key` (default 3;
   * 0 turns retrying off). Never another 4xx, never a write without a key.
   */
  retries?: number;
  /**
   * Tuning of the back-off between retries: `baseDelayMs` (200) doubled each time up to
   * `maxDelayMs` (5 000), with full jitter; `Retry-After` on a 429 or 503 is waited out when it is
   * no longer than `maxDelayMs`. Tests may replace `sleep`, `random` and `now`.
   */
  retryPolicy?: Partial<Omit<RetryPolicy, "retries">>;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

type Endpoint<R extends Route> = (input: RouteInput<R>, options?: RequestOptions) => Promise<RouteOutput<R>>;

/** One typed method per route of a route table. */
export type Endpoints<Table extends Record<string, Route>> = { [K in keyof Table]: Endpoint<Table[K]> };

function bind<Table extends Record<string, Route>>(transport: Transport, table: Table): Endpoints<Table> {
  const endpoints = {} as Record<string, Endpoint<Route>>;
  for (const [name, route] of Object.entries(table)) {
    endpoints[name] = (input, options) => callRoute(transport, route, input, options);
  }
  // Each endpoint was built from its own route; TypeScript cannot follow that through the mapped
  // type (an optional body is a conditional type of the route), hence the double cast.
  return endpoints as unknown as Endpoints<Table>;
}

function transportFor(url: string | undefined, service: string, options: ClientOptions): Transport {
  const baseUrl = url ?? options.baseUrl;
  const { token } = options;
  return {
    get baseUrl(): string {
      if (!baseUrl)
        throw new TypeError(`createClient: no URL for the ${service} (pass baseUrl or ${service}Url)`);
      return baseUrl;
    },
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? 10_000,
    getToken: typeof token === "function" ? token : () => token,
    headers: options.headers ?? {},
    retry: {
      ...options.retryPolicy,
      ...(options.retries === undefined ? {} : { retries: options.retries }),
    },
  };
}

/** Creates a typed client for the Sharehood APIs. Every response is parsed with the contract. */
export function createClient(options: ClientOptions) {
  const userTransport = transportFor(options.userApiUrl, "userApi", options);
  const { uploadAvatar: _upload, ...jsonUserRoutes } = userRoutes;
  const users = bind(userTransport, jsonUserRoutes);
  const inventoryTransport = transportFor(options.inventoryApiUrl, "inventoryApi", options);
  const inventory = bind(inventoryTransport, inventoryRoutes);
  const { streamNotifications: _stream, ...jsonNotificationRoutes } = notificationRoutes;
  const notificationTransport = transportFor(options.notificationApiUrl, "notificationApi", options);
  const notifications = bind(notificationTransport, jsonNotificationRoutes);
  return {
    /** Accounts and sessions (User API). */
    auth: {
      /** Creates an account and signs it in; answers the user and its first tokens. */
      register: users.register,
      /** Signs in with email and password; answers an access token, a refresh token and the permissions. */
      login: users.login,
      /** Trades a refresh token for a new pair (the old refresh token stops working). */
      refresh: users.refresh,
      /** Ends the session of the given refresh token. */
      logout: users.logout,
      /** Who a token belongs to and what it may do (used by the services; works for any token). */
      validateToken: users.validateToken,
      /** Emails the caller a link that verifies their address (202). */
      requestEmailVerification: users.requestEmailVerification,
      /** Marks the address verified with the token from the email's link. */
      verifyEmail: users.verifyEmail,
      /** Emails a reset link if the account exists; answers the same either way (202). */
      requestPasswordReset: users.requestPasswordReset,
      /** Sets a new password with the token from the email's link; every session is revoked. */
      resetPassword: users.resetPassword,
    },
    /** Profiles and administration (User API). */
    users: {
      /** The caller's own account (readable with every token, whatever its scopes). */
      getMe: users.getMe,
      /** Changes the caller's name, bio, neighbourhood or email (`profile:write`). */
      updateMe: users.updateMe,
      /** Deletes the caller's account. */
      deleteMe: users.deleteMe,
      /** A person's public profile. */
      get: users.getUser,
      /** Admins: one page of accounts, filtered by `q`, `role`, … */
      list: users.listUsers,
      /** Admins: every account matching `query`, page after page (`for await … of`). */
      listAll: iterate(users.listUsers),
      /** Admins: makes a person a user or an admin. */
      updateRole: users.updateRole,
      /** Admins: deletes a person's account. */
      delete: users.deleteUser,
      /** Admins: suspend an account (sign-in refused, tokens revoked, items hidden). */
      suspend: users.suspendUser,
      /** Admins: lift a suspension. */
      unsuspend: users.unsuspendUser,
      /** Uploads the caller's avatar: one image file (multipart). */
      uploadAvatar: (input: UploadAvatarInput, requestOptions?: RequestOptions) =>
        uploadAvatar(userTransport, input, requestOptions),
      /** Removes the caller's avatar. */
      deleteAvatar: users.deleteAvatar,
      /** A person's revealed reviews, rating and completed loans (Inventory API). */
      reviews: inventory.userReviews,
    },
    /**
     * The caller's personal access tokens, for programs (User API; a signed-in session only, never
     * another personal access token). `create` answers the secret (`shp_…`) this once.
     */
    tokens: {
      /** The caller's tokens, newest first, never their secrets. */
      list: users.listAccessTokens,
      /** Creates a token with a name, scopes within the caller's role, and an expiry or none (201). */
      create: users.createAccessToken,
      /** Revokes a token: every service refuses it within a second (204). */
      revoke: users.revokeAccessToken,
    },
    /** Categories (Inventory API). */
    categories: {
      /** Every category, in display order. */
      list: inventory.listCategories,
    },
    /** Items: browse, search, list, edit, remove, photos (Inventory API). Writes take `ifMatch` / `idempotencyKey` options. */
    items: {
      /** One page of a browse or search; `near` (`"<lat>,<lng>"`) with `radiusKm` and `sort: "distance"` finds things close by. */
      list: inventory.listItems,
      /** Every item a browse or search finds, page after page: `for await (const item of client.items.listAll({ query: { q: "drill" } }))`. */
      listAll: iterate(inventory.listItems),
      /** Titles starting with what was typed, for a search box. */
      suggest: inventory.suggestItems,
      /** One item with its owner's public name and the dates already booked. */
      get: inventory.getItem,
      /** The days an item is taken in a window (loans and its owner's blocked days), never by whom. */
      availability: inventory.getAvailability,
      /** Lists an item owned by the caller (201); retried safely with an `Idempotency-Key` the client makes up. */
      create: inventory.createItem,
      /** Replaces an item's fields (owner); `ifMatch` guards against overwriting someone else's change. */
      replace: inventory.replaceItem,
      /** Changes some of an item's fields (owner); `ifMatch` as for `replace`. */
      update: inventory.updateItem,
      /** Removes an item (owner; admins with an optional `reason`). */
      delete: inventory.deleteItem,
      /** Adds photos (multipart upload of `files`); answers the item with its photos. */
      uploadPhotos: (input: UploadPhotosInput, requestOptions?: RequestOptions) =>
        uploadPhotos(inventoryTransport, input, requestOptions),
      /** Removes one photo and its files. */
      deletePhoto: inventory.deletePhoto,
      /** Puts the item's photos in a new order (`photoIds` lists each once); answers the item. */
      reorderPhotos: inventory.reorderPhotos,
    },
    /** Borrowing: requests and their lifecycle (Inventory API). */
    loans: {
      /** Asks to borrow an item for a range of days (201); retried safely with an `Idempotency-Key`. */
      request: inventory.requestLoan,
      /** One page of the caller's loans, as borrower or owner, newest first. */
      list: inventory.listLoans,
      /** Every loan of the caller's matching `query`, page after page (`for await … of`). */
      listAll: iterate(inventory.listLoans),
      /** Admins (`loan.cancel.any`): one page of everyone's loans, by status, overdue, person or item. */
      listEveryone: inventory.listAllLoans,
      /** Admins: everyone's loans matching `query`, page after page. */
      listEveryoneAll: iterate(inventory.listAllLoans),
      /** A loan with its history (borrower, owner, or admin). */
      get: inventory.getLoan,
      /** The owner approves a pending request (409 when it collides with another loan). */
      approve: inventory.approveLoan,
      /** The owner declines a pending request. */
      decline: inventory.declineLoan,
      /** The owner hands the item over: the loan becomes active. */
      handover: inventory.handoverLoan,
      /** The owner records the item back: the loan is returned. */
      return: inventory.returnLoan,
      /** The borrower (or owner, before handover) cancels. */
      cancel: inventory.cancelLoan,
      /** The borrower asks to keep the loan until a later `endDate`; the owner approves or declines. */
      requestExtension: inventory.requestExtension,
      /** The owner approves the pending extension (409 on a collision). */
      approveExtension: inventory.approveExtension,
      /** The owner declines the pending extension. */
      declineExtension: inventory.declineExtension,
      /** The borrower withdraws the pending extension. */
      cancelExtension: inventory.cancelExtension,
    },
    /**
     * The caller's private calendar feed (iCalendar) of their loans: `get` its address (404 if none),
     * `create` a new one (the old address stops working), `delete` to turn it off.
     */
    calendar: {
      /** The feed's address; 404 if the caller has not made one. */
      get: inventory.getCalendarFeed,
      /** Makes a new address; the previous one stops working at once. */
      create: inventory.createCalendarFeed,
      /** Turns the feed off. */
      delete: inventory.deleteCalendarFeed,
    },
    /**
     * Threads between a borrower (or someone asking) and an owner (Inventory API): `ask` opens or
     * continues the caller's thread about an item; messages come newest first, cursor-paged.
     * `ask` and `send` carry an `Idempotency-Key`, so a retried send posts once.
     */
    conversations: {
      /** One page of the caller's threads. */
      list: inventory.listConversations,
      /** Every thread of the caller's, page after page (`for await … of`). */
      listAll: iterate(inventory.listConversations),
      /** How many messages written to the caller are unread, across all threads. */
      unreadCount: inventory.conversationUnreadCount,
      /** Opens or continues the caller's thread about an item (201). */
      ask: inventory.askAboutItem,
      /** One thread (404 to anyone but its two participants). */
      get: inventory.getConversation,
      /** One page of a thread's messages, newest first. */
      messages: inventory.listMessages,
      /** Every message of a thread, newest first, back to the first (`for await … of`). */
      messagesAll: iterate(inventory.listMessages),
      /** Writes in a thread (201). */
      send: inventory.sendMessage,
      /** Marks the other person's messages in a thread read. */
      markRead: inventory.markConversationRead,
    },
    /**
     * Reviews after a returned loan (Inventory API): `write` once per side within 14 days; both stay
     * hidden until both are written or the window closes. `forLoan` is what the loan's two sides see.
     */
    reviews: {
      /** Reviews the other side of a returned loan (201). */
      write: inventory.createReview,
      /** A loan's reviews, as its two sides see them. */
      forLoan: inventory.loanReviews,
      /** One page of a person's revealed reviews, with their rating summary. */
      ofUser: inventory.userReviews,
      /** Every revealed review of a person, page after page (`for await … of`). */
      ofUserAll: iterate(inventory.userReviews),
      /** The reviewed person answers a review, once (201). */
      reply: inventory.replyToReview,
    },
    /** The caller's saved items (Inventory API). */
    favourites: {
      /** One page of saved items, most recently saved first. */
      list: inventory.listFavourites,
      /** Every saved item, page after page (`for await … of`). */
      listAll: iterate(inventory.listFavourites),
      /** The ids of every saved item, to mark them on any page. */
      ids: inventory.favouriteIds,
      /** Saves an item (idempotent). */
      save: inventory.saveItem,
      /** Forgets a saved item (idempotent). */
      remove: inventory.unsaveItem,
    },
    /** Reports (anyone signed in) and the moderation queue (admins) (Inventory API). */
    reports: {
      /** Reports an item, a person or a message (201). */
      create: inventory.createReport,
      /** Admins: one page of the moderation queue. */
      list: inventory.listReports,
      /** Admins: every report matching `query`, page after page. */
      listAll: iterate(inventory.listReports),
      /** Admins: one report. */
      get: inventory.getReport,
      /** Admins: dismisses a report, or hides the item, or suspends the person. */
      resolve: inventory.resolveReport,
    },
    /** Admins: the audit log of every admin action, read only (Notification API). */
    audit: {
      /** One page of the audit log, newest first. */
      list: notifications.listAuditLog,
      /** Every audit entry matching `query`, page after page. */
      listAll: iterate(notifications.listAuditLog),
    },
    /** People the caller blocked: they can no longer write to them or ask to borrow their items. */
    blocks: {
      /** One page of the people the caller blocked, most recent first. */
      list: inventory.listBlocks,
      /** Every person the caller blocked, page after page. */
      listAll: iterate(inventory.listBlocks),
      /** Blocks a person (idempotent). */
      add: inventory.blockUser,
      /** Unblocks a person (idempotent). */
      remove: inventory.unblockUser,
    },
    /** In-app notifications, email preferences and unsubscribing (Notification API). */
    notifications: {
      /** One page of the caller's notifications, newest first. */
      list: notifications.listNotifications,
      /** Every notification of the caller's matching `query`, page after page. */
      listAll: iterate(notifications.listNotifications),
      /** How many of the caller's notifications are unread. */
      unreadCount: notifications.unreadCount,
      /** Marks some notifications read (`ids`), or all of them. */
      markRead: notifications.markRead,
      /** Which kinds of event the caller is emailed about. */
      getPreferences: notifications.getPreferences,
      /** Changes which kinds of event the caller is emailed about (partial is fine). */
      updatePreferences: notifications.updatePreferences,
      /** One-click unsubscribe with the signed token of an email's link. */
      unsubscribe: notifications.unsubscribe,
      /**
       * Your live stream: yields each new notification and each change of the unread count until
       * `signal` aborts (`for await (const event of client.notifications.stream({ signal }))`);
       * `since` resumes after the last notification seen.
       */
      stream: (streamOptions?: StreamOptions) => streamNotifications(notificationTransport, streamOptions),
    },
    /**
     * The caller's events feed (Notification API; a session, or a token with `webhooks:manage`):
     * the events about their items, loans, messages and account, oldest first, kept 30 days, in the
     * shape their webhooks receive. A program that was down catches up from the last `nextCursor`
     * it kept (see the README's catch-up loop).
     */
    events: {
      /**
       * One page after `query.cursor`, oldest first. `nextCursor` continues after the page's last
       * event; an empty page answers null: everything is read, ask again later with your cursor.
       */
      list: notifications.listEvents,
      /** Every event after `query.cursor` (from the oldest kept without one), until caught up. */
      listAll: iterate(notifications.listEvents),
    },
    /**
     * The caller's webhook endpoints (Notification API; a session, or a token with
     * `webhooks:manage`): deliveries are signed per Standard Webhooks; check them with
     * `verifyWebhook`.
     */
    webhooks: {
      /** The caller's endpoints, oldest first (never their secrets). */
      list: notifications.listWebhooks,
      /**
       * Registers an endpoint for some event types (or `["*"]`); the answer carries its signing
       * `secret` (`whsec_…`) this once. 422 for a private or loopback address, 409 past 10 endpoints.
       */
      create: notifications.createWebhook,
      /** Removes an endpoint and its delivery log (204). */
      delete: notifications.deleteWebhook,
      /** One page of an endpoint's delivery log, newest first: status, attempts, response, latency. */
      deliveries: notifications.listWebhookDeliveries,
      /** An endpoint's whole delivery log, newest first, page after page (`for await … of`). */
      deliveriesAll: iterate(notifications.listWebhookDeliveries),
      /** Sends one delivery's event again, now (202; 409 while the endpoint is disabled). */
      redeliver: notifications.redeliverWebhook,
    },
  };
}

/** A Sharehood API client. */
export type SharehoodClient = ReturnType<typeof createClient>;
