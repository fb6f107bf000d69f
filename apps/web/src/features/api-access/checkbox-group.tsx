import type { ReactNode } from "react";

/** One choice of `CheckboxGroup`: a value, its words and an optional line under them. */
export interface CheckboxChoice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * A labelled group of checkboxes sharing one `name` (the form reads them with `getAll`), one per
 * line with its hint; the whole line is the label, so it is an easy target on a phone. The
 * error is said under the legend and tied to every box.
 */
export function CheckboxGroup({
  id,
  name,
  legend,
  choices,
  error,
  disabled,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  choices: readonly CheckboxChoice[];
  error?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-semibold text-stone-800">{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="divide-y divide-stone-100">
        {choices.map((choice) => {
          const boxId = `${id}-${choice.value.replace(/[^A-Za-z0-9_-]/g, "-")}`;
          return (
            <label
              key={choice.value}
              htmlFor={boxId}
              className="flex cursor-pointer items-start gap-3 py-2.5"
            >
              <input
                id={boxId}
                type="checkbox"
                name={name}
                value={choice.value}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={choice.hint ? `${boxId}-hint` : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-700"
              />
              <span className="flex min-w-0 flex-col">
                <span className="font-medium text-stone-900">{choice.label}</span>
                {choice.hint && (
                  <span id={`${boxId}-hint`} className="text-sm text-stone-600">
                    {choice.hint}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
