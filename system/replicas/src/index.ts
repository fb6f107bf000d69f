// The replicated stack (nginx in front of two replicas of every service) for the replica suite
// and the `replicas` benchmark scenario.
export { nginxConfig, startNginx, NGINX, type Nginx, type Upstream } from "./nginx.ts";
export { SERVICES, startReplicatedStack, type ReplicatedStack, type Service } from "./stack.ts";
export { cookieHeader, cookiesOf, signInThroughWeb, WEB_BUILD_ID, WEB_ENTRY } from "./web.ts";
