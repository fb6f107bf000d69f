export * from "./contract/index.ts";
export { ApiConnectionError, ApiError } from "./client/errors.ts";
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
export { type UploadAvatarInput, type UploadPhotosInput } from "./client/upload-photos.ts";
export {
  readServerSentEvents,
  type NotificationStreamEvent,
  type ServerSentEvent,
  type StreamOptions,
} from "./client/notification-stream.ts";
