"use client";
import { useEffect, useId, useState, type InputHTMLAttributes, type KeyboardEvent } from "react";
import { cx } from "@sharehood/ui/cx";

/** One choice of a `Combobox`. */
export interface ComboboxOption {
  key: string;
  label: string;
  /** Said after the label, smaller ("FR", "in Tools"). */
  detail?: string;
}

/**
 * Waits until `value` has stopped changing for `ms` before answering it: the suggestion lists ask
 * their route once a pause in typing, not once a key.
 */
export function useDebounced<T>(value: T, ms = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Props of `Combobox`. */
export interface ComboboxProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "onSelect" | "value" | "onChange"
> {
  value: string;
  onValueChange: (value: string) => void;
  options: readonly ComboboxOption[];
  onSelect: (option: ComboboxOption) => void;
  /** The listbox's name for screen readers ("Suggestions"). */
  listLabel: string;
  inputClassName?: string;
}

/**
 * A text box with a list of suggestions (the ARIA 1.2 combobox with a listbox popup): typing shows
 * the list, Down and Up move through it, Enter takes the highlighted option (with none
 * highlighted, Enter does what it does in the form, such as submitting a search), Escape closes
 * it. The focus stays in the text box; the highlighted option is named by aria-activedescendant.
 */
export function Combobox({
  value,
  onValueChange,
  options,
  onSelect,
  listLabel,
  inputClassName,
  id,
  onKeyDown,
  onBlur,
  ...rest
}: ComboboxProps) {
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${inputId}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && options.length > 0;
  // A new list: nothing highlighted, so Enter still does what it did.
  const [seen, setSeen] = useState(options);
  if (seen !== options) {
    setSeen(options);
    setActive(-1);
  }

  function choose(option: ComboboxOption) {
    setOpen(false);
    setActive(-1);
    onSelect(option);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Past either end, back to the text box (nothing highlighted).
      setActive((current) =>
        step === 1
          ? current + 1 >= options.length
            ? -1
            : current + 1
          : current <= -1
            ? options.length - 1
            : current - 1,
      );
    } else if (event.key === "Enter" && shown && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="relative">
      <input
        {...rest}
        id={inputId}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
        }}
        onKeyDown={keyDown}
        onBlur={(event) => {
          onBlur?.(event);
          setOpen(false);
        }}
        className={inputClassName}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={listLabel}
        hidden={!shown}
        className="absolute inset-x-0 top-full z-30 mt-1 max-h-72 overflow-auto rounded-2xl bg-white py-1 shadow-lg ring-1 ring-stone-200"
      >
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            className={cx(
              "cursor-pointer px-4 py-2 text-sm break-words text-stone-900",
              index === active ? "bg-brand-100" : "hover:bg-stone-100",
            )}
          >
            {option.label}
            {option.detail && <span className="ml-2 text-xs text-stone-600">{option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
