import type { ReactNode, SelectHTMLAttributes } from "react";
import { Field, controlStyles, fieldAria } from "./field.tsx";

/** One choice of a `SelectField`. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of `SelectField`. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> {
  name: string;
  label: ReactNode;
  options: readonly SelectOption[];
  /** Shown first with an empty value, for a required choice not yet made. */
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled drop-down with its hint and error. */
export function SelectField({
  name,
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  className,
  ...rest
}: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} className={className}>
      <select
        name={name}
        className={controlStyles(error, "pr-8")}
        {...fieldAria(fieldId, error, hint)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
