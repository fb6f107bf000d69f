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
  /** The bearer token, or a function that returns the current one. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** A `fetch` implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
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
      register: users.register,
      login: users.login,
      refresh: users.refresh,
      logout: users.logout,
      validateToken: users.validateToken,
      requestEmailVerification: users.requestEmailVerification,
      verifyEmail: users.verifyEmail,
      requestPasswordReset: users.requestPasswordReset,
      resetPassword: users.resetPassword,
    },
    /** Profiles and administration (User API). */
    users: {
      getMe: users.getMe,
      updateMe: users.updateMe,
      deleteMe: users.deleteMe,
      get: users.getUser,
      list: users.listUsers,
      updateRole: users.updateRole,
      delete: users.deleteUser,
      /** Admins: suspend an account (sign-in refused, tokens revoked, items hidden) and lift it. */
      suspend: users.suspendUser,
      unsuspend: users.unsuspendUser,
      /** The caller's avatar: `uploadAvatar` takes one image file; `deleteAvatar` removes it. */
      uploadAvatar: (input: UploadAvatarInput, requestOptions?: RequestOptions) =>
        uploadAvatar(userTransport, input, requestOptions),
      deleteAvatar: users.deleteAvatar,
      /** A person's revealed reviews, rating and completed loans (Inventory API). */
      reviews: inventory.userReviews,
    },
    /** Categories (Inventory API). */
    categories: { list: inventory.listCategories },
    /** Items: browse, search, list, edit, remove, photos (Inventory API). Writes take `ifMatch` / `idempotencyKey` options. */
    items: {
      /** Browse and search; `near` (`"<lat>,<lng>"`) with `radiusKm` and `sort: "distance"` finds things close by. */
      list: inventory.listItems,
      /** Titles starting with what was typed, for a search box. */
      suggest: inventory.suggestItems,
      get: inventory.getItem,
      /** The days an item is taken in a window (loans and its owner's blocked days), never by whom. */
      availability: inventory.getAvailability,
      create: inventory.createItem,
      replace: inventory.replaceItem,
      update: inventory.updateItem,
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
      request: inventory.requestLoan,
      list: inventory.listLoans,
      /** Every loan, for admins (`loan.cancel.any`): filter by status, overdue, person or item. */
      listAll: inventory.listAllLoans,
      get: inventory.getLoan,
      approve: inventory.approveLoan,
      decline: inventory.declineLoan,
      handover: inventory.handoverLoan,
      return: inventory.returnLoan,
      cancel: inventory.cancelLoan,
      /** The borrower asks to keep the loan until a later `endDate`; the owner approves or declines. */
      requestExtension: inventory.requestExtension,
      approveExtension: inventory.approveExtension,
      declineExtension: inventory.declineExtension,
      cancelExtension: inventory.cancelExtension,
    },
    /**
     * The caller's private calendar feed (iCalendar) of their loans: `get` its address (404 if none),
     * `create` a new one (the old address stops working), `delete` to turn it off.
     */
    calendar: {
      get: inventory.getCalendarFeed,
      create: inventory.createCalendarFeed,
      delete: inventory.deleteCalendarFeed,
    },
    /**
     * Threads between a borrower (or someone asking) and an owner (Inventory API): `ask` opens or
     * continues the caller's thread about an item; messages come newest first, cursor-paged.
     * `ask` and `send` take an `idempotencyKey` option, so a retried send posts once.
     */
    conversations: {
      list: inventory.listConversations,
      unreadCount: inventory.conversationUnreadCount,
      ask: inventory.askAboutItem,
      get: inventory.getConversation,
      messages: inventory.listMessages,
      send: inventory.sendMessage,
      markRead: inventory.markConversationRead,
    },
    /**
     * Reviews after a returned loan (Inventory API): `write` once per side within 14 days; both stay
     * hidden until both are written or the window closes. `forLoan` is what the loan's two sides see.
     */
    reviews: {
      write: inventory.createReview,
      forLoan: inventory.loanReviews,
      ofUser: inventory.userReviews,
      reply: inventory.replyToReview,
    },
    /** The caller's saved items (Inventory API). */
    favourites: {
      list: inventory.listFavourites,
      ids: inventory.favouriteIds,
      save: inventory.saveItem,
      remove: inventory.unsaveItem,
    },
    /** Reports (anyone signed in) and the moderation queue (admins) (Inventory API). */
    reports: {
      create: inventory.createReport,
      list: inventory.listReports,
      get: inventory.getReport,
      resolve: inventory.resolveReport,
    },
    /** Admins: the audit log of every admin action, read only (Notification API). */
    audit: { list: notifications.listAuditLog },
    /** People the caller blocked: they can no longer write to them or ask to borrow their items. */
    blocks: {
      list: inventory.listBlocks,
      add: inventory.blockUser,
      remove: inventory.unblockUser,
    },
    /** In-app notifications, email preferences and unsubscribing (Notification API). */
    notifications: {
      list: notifications.listNotifications,
      unreadCount: notifications.unreadCount,
      markRead: notifications.markRead,
      getPreferences: notifications.getPreferences,
      updatePreferences: notifications.updatePreferences,
      unsubscribe: notifications.unsubscribe,
      /**
       * Your live stream: yields each new notification and each change of the unread count until
       * `signal` aborts (`for await (const event of client.notifications.stream({ signal }))`);
       * `since` resumes after the last notification seen.
       */
      stream: (streamOptions?: StreamOptions) => streamNotifications(notificationTransport, streamOptions),
    },
  };
}

/** A Sharehood API client. */
export type SharehoodClient = ReturnType<typeof createClient>;
