// Bearer-token authentication for the services that are not the User API: they never decode a
// token, they ask the User API (validate-token), cache its answer briefly, and drop it the moment
// a revocation is announced.
export { can, type AuthenticatedCaller, type Caller } from "./caller.ts";
export { createAuthenticator, type Authenticate } from "./authenticator.ts";
export { listenForRevocations, REVOCATIONS_CHANNEL } from "./revocation-listener.ts";
export { createUserApiClient, type UserApiClient, type UserApiClientOptions } from "./user-api-client.ts";
export { createUserApiAccess, UserApiClientEnv, type UserApiClientConfig } from "./user-api-settings.ts";
