/**
 * The exit codes scripts can rely on (documented in the README). Every failure maps to one of
 * these; the problem's `code` is printed on stderr beside it.
 */
export const EXIT = {
  ok: 0,
  /** A bug or something nobody planned for. */
  unexpected: 1,
  /** The command line was wrong, or the API refused the arguments (400, 413, 415). */
  usage: 2,
  /** Not signed in, or the token was refused (401, 403). */
  auth: 3,
  /** The thing asked for does not exist, or is not yours to see (404). */
  notFound: 4,
  /** The API refused the change in the state things are in (409, 412, 422). */
  conflict: 5,
  /** The API could not be reached or is unavailable (5xx, 429, connection refused, timeout). */
  unavailable: 6,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for an API answer's HTTP status. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.auth;
  if (status === 404) return EXIT.notFound;
  if (status === 409 || status === 412 || status === 422) return EXIT.conflict;
  if (status === 429 || status >= 500) return EXIT.unavailable;
  if (status >= 400) return EXIT.usage;
  return EXIT.unexpected;
}
