import type { ReactNode } from "react";
import { cx } from "./cx.ts";

/** Props of `Field`. */
export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** A label, a control, a hint and an error message, wired together for screen readers. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-semibold text-stone-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes a control inside `Field` needs. */
export function fieldAria(id: string, error: string | undefined, hint: unknown) {
  return {
    id,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/** The shared look of text inputs, selects and text areas. */
export function controlStyles(error: string | undefined, extra?: string) {
  return cx(
    "w-full rounded-xl border bg-white px-3.5 py-2.5 text-base text-stone-900 shadow-sm placeholder:text-stone-500",
    "focus:outline-2 focus:outline-offset-0 focus:outline-brand-600",
    error ? "border-red-600" : "border-stone-300",
    extra,
  );
}
