export * from "./contract/index.ts";
export {
  ApiConnectionError,
  ApiError,
  SharehoodAbortError,
  SharehoodApiError,
  SharehoodConnectionError,
  SharehoodError,
  SharehoodNetworkError,
  SharehoodTimeoutError,
  type ConnectionFailure,
} from "./client/errors.ts";
export {
  callRoute,
  type RequestOptions,
  type RouteInput,
  type RouteOutput,
  type Transport,
} from "./client/call-route.ts";
export {
  createClient,
  type ClientOptions,
  type Endpoints,
  type SharehoodClient,
} from "./client/create-client.ts";
export { paginate, type PagedEndpoint, type PagedInput, type PageOf } from "./client/paginate.ts";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./client/retry.ts";
export { type UploadAvatarInput, type UploadPhotosInput } from "./client/upload-photos.ts";
export {
  readServerSentEvents,
  type NotificationStreamEvent,
  type ServerSentEvent,
  type StreamOptions,
} from "./client/notification-stream.ts";
export * from "./webhooks/index.ts";
