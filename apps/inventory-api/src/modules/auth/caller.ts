// The caller type and permission check are shared by every service that authenticates through
// the User API (server-kit's auth); inventory's modules keep importing them from here.
export { can, type Caller } from "@sharehood/server-kit";
