import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx.ts";

/** Props of `SwitchField`. */
export interface SwitchFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "role" | "id"
> {
  /** Unique on the page: several switches often share a `name`. */
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * An on/off switch with its label and hint: a real checkbox (`role="switch"`), so it is submitted
 * with its form without JavaScript, reached with Tab and flipped with Space, and read as
 * "switch, on" or "off". The whole row is its label, an easy target on a phone.
 */
export function SwitchField({ id, name, label, hint, className, ...rest }: SwitchFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={cx("flex items-start justify-between gap-4", className)}>
      <div className="min-w-0">
        <label htmlFor={id} className="block cursor-pointer text-sm font-semibold break-words text-stone-800">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="mt-0.5 text-sm break-words text-stone-600">
            {hint}
          </p>
        )}
      </div>
      <span className="relative mt-0.5 inline-flex shrink-0">
        <input
          id={id}
          name={name}
          type="checkbox"
          role="switch"
          aria-describedby={hintId}
          className={cx(
            "peer h-7 w-12 cursor-pointer appearance-none rounded-full bg-stone-500 transition-colors",
            "checked:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700",
          )}
          {...rest}
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-1 left-1 size-5 rounded-full bg-white shadow transition-transform peer-checked:translate-x-5"
        />
      </span>
    </div>
  );
}
