"use client";
import { useActionState, useEffect, useTransition, type FormEvent } from "react";
import { leaveSuspendedSession, saysSuspended } from "@/features/auth/suspension";

/**
 * A server action behind a form that keeps what people typed. React resets a form after an
 * action passed to `action`, which would wipe the fields on a validation error; submitting from
 * `onSubmit` avoids that. The `action` prop stays, so the form still posts without JavaScript.
 * `check` runs first and can stop the submission (client-side validation).
 */
export function useFormAction<State>(
  serverAction: (state: Awaited<State>, form: FormData) => State | Promise<State>,
  initialState: Awaited<State>,
  check?: (form: HTMLFormElement) => boolean,
) {
  const [state, dispatch, actionPending] = useActionState(serverAction, initialState);
  // A suspended account: the action was refused, and so will every other be; the session ends.
  useEffect(() => {
    if (saysSuspended(state)) leaveSuspendedSession();
  }, [state]);
  const [transitionPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check && !check(event.currentTarget)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  return { state, pending: actionPending || transitionPending, formProps: { action: dispatch, onSubmit } };
}
