import type { InputHTMLAttributes, ReactNode } from "react";
import { Field, controlStyles, fieldAria } from "./field.tsx";

/** Props of `TextField`. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled text input with its hint and error. */
export function TextField({ name, label, hint, error, id, className, ...rest }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} className={className}>
      <input name={name} className={controlStyles(error)} {...fieldAria(fieldId, error, hint)} {...rest} />
    </Field>
  );
}
