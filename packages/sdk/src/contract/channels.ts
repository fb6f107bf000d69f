/**
 * Redis channels services announce things on, under the namespace they share
 * (`<REDIS_NAMESPACE>:<channel>`). Part of the contract between processes, like the routes.
 */

/**
 * The Inventory API announces here every write that changes what public reads return (each time
 * it empties its public cache); the web servers drop the anonymous pages they keep
 * (apps/web/scripts/page-cache.mjs, plain JavaScript, repeats the name; a test holds them equal).
 */
export const CATALOGUE_CHANGED_CHANNEL = "catalogue-changed";
