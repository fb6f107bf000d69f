import type { ReactNode, TextareaHTMLAttributes } from "react";
import { Field, controlStyles, fieldAria } from "./field.tsx";

/** Props of `TextAreaField`. */
export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line text input with its hint and error. */
export function TextAreaField({
  name,
  label,
  hint,
  error,
  id,
  className,
  rows,
  ...rest
}: TextAreaFieldProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <Field id={fieldId} label={label} hint={hint} error={error} className={className}>
      <textarea
        name={name}
        rows={rows ?? 5}
        className={controlStyles(error, "resize-y")}
        {...fieldAria(fieldId, error, hint)}
        {...rest}
      />
    </Field>
  );
}
