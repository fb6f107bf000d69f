import { AppError } from "@sharehood/server-kit";

/**
 * The refusal of a suspended account, at sign-in, refresh and on every token it still holds (the
 * other services pass it on as it is). Said only to whoever proved they hold the account: the
 * right password, or one of its tokens.
 */
export const accountSuspended = () =>
  new AppError(
    "account_suspended",
    "This account is suspended: signing in is not possible until an administrator lifts the suspension.",
  );
