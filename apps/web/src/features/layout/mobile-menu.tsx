"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { signOutAction } from "@/features/auth/actions";

/** A link of the menu. */
export interface MenuLink {
  href: string;
  label: string;
}

const itemStyle =
  "block rounded-full px-3 py-2 text-sm font-medium break-words text-stone-700 hover:bg-stone-100 hover:text-stone-900";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The phone menu: a disclosure (WAI-ARIA) whose button says whether it is open. It closes when a
 * page is chosen, on Escape and on a tap outside it, and gives focus back to its button; while it
 * is open, Tab and Shift+Tab go round its button and its links, never behind it.
 */
export function MobileMenu({ links, account }: { links: MenuLink[]; account: { name: string } | null }) {
  const pathname = usePathname();
  // Open on the page it was opened on: moving to another page (back and forward too) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      buttonRef.current?.focus();
    }
    // A click, not pointerdown: by then the browser has moved the focus where the tap landed.
    function onClickOutside(event: MouseEvent) {
      if (rootRef.current?.contains(event.target as Node)) return;
      setOpenOn(null);
      // A tap on a field or a link keeps the focus it took; anywhere else, it goes back to the button.
      const focused = document.activeElement;
      if (!focused || focused === document.body) buttonRef.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("click", onClickOutside, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("click", onClickOutside, true);
    };
  }, [open]);

  // The focus trap: from the last link Tab goes back to the button, Shift+Tab from the button to the last link.
  function keepFocusInside(event: KeyboardEvent<HTMLDivElement>) {
    if (!open || event.key !== "Tab" || !rootRef.current) return;
    const focusable = [...rootRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // A page was chosen (the same one too): close, and leave the focus on the button, not on a
  // link that is about to be hidden.
  function chosen() {
    setOpenOn(null);
    buttonRef.current?.focus();
  }

  return (
    <div ref={rootRef} className="relative ml-auto lg:hidden" onKeyDown={keepFocusInside}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex h-10 items-center gap-2 rounded-full px-3 text-sm font-semibold whitespace-nowrap text-stone-800 ring-1 ring-stone-300"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5">
          {open ? (
            <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
        Menu
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-2xl bg-white p-2 shadow-lg ring-1 ring-stone-200"
      >
        <nav aria-label="Mobile" className="flex flex-col">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              onClick={chosen}
              aria-current={link.href === pathname ? "page" : undefined}
              className={itemStyle}
            >
              {link.label}
            </Link>
          ))}
          {account ? (
            <>
              <Link href="/items/new" onClick={chosen} className={itemStyle}>
                List an item
              </Link>
              <Link href="/profile" onClick={chosen} className={itemStyle}>
                Profile ({account.name})
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={`${itemStyle} w-full text-left`}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" onClick={chosen} className={`${itemStyle} when-signed-out`}>
                Sign in
              </Link>
              <Link href="/register" onClick={chosen} className={`${itemStyle} when-signed-out`}>
                Join Sharehood
              </Link>
            </>
          )}
        </nav>
      </div>
    </div>
  );
}
