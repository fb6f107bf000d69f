"use client";
import Link from "next/link";
import { Avatar } from "@sharehood/ui/avatar";
import { buttonStyles } from "@sharehood/ui/button";
import { signOutAction } from "@/features/auth/actions";
import { HeartIcon } from "@/features/favourites/heart-icon";
import { Logo } from "@/features/layout/logo";
import { MobileMenu, type MenuLink } from "@/features/layout/mobile-menu";
import { useViewer, type ViewerState } from "@/features/layout/viewer";
import { can } from "@/server/session-token";
import { NotificationBell } from "@/features/notifications/notification-bell";
import { messagesLabel, MessagesLink, useMessageCount } from "@/features/conversations/messages-link";

// Whole words: the page lets people's text break anywhere, which would split a link's name.
const navLink =
  "rounded-full px-3 py-2 text-sm font-medium whitespace-nowrap text-stone-700 hover:bg-stone-100 hover:text-stone-900";

const MESSAGES = "/messages";
const SAVED = "/saved";

function linksFor(viewer: ViewerState, messageCount: number | undefined): MenuLink[] {
  if (!viewer) return [{ href: "/", label: "Browse" }];
  return [
    { href: "/", label: "Browse" },
    { href: "/loans", label: "Borrowing" },
    { href: "/listings", label: "My listings" },
    { href: SAVED, label: "Saved" },
    { href: MESSAGES, label: messagesLabel(messageCount) },
    ...(can(viewer, "user.list") ? [{ href: "/admin", label: "Admin" }] : []),
  ];
}

/**
 * The top bar: brand, navigation, and the account controls. Collapses to a menu below 1024 px (six
 * links and the account controls need about that much; from 1280 px the person's name joins their
 * avatar and "Saved" its heart); the notification bell stays in view at every width. The same on every page, for whoever it is: the
 * person comes from the viewer context (on a page every visitor shares, once /api/viewer answers).
 */
export function SiteHeader() {
  const viewer = useViewer();
  const messageCount = useMessageCount(Boolean(viewer));
  const links = linksFor(viewer, messageCount);

  return (
    <header className="sticky top-0 z-30 border-b border-stone-200/80 bg-white/90 backdrop-blur">
      {/* Tighter on phones: the logo, the bell and the menu button share 288 px at 320. */}
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Link href="/" className="rounded-lg" aria-label="Sharehood home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 lg:flex">
          {links.map((link) =>
            link.href === MESSAGES ? (
              <MessagesLink key={link.href} className={navLink} count={messageCount} />
            ) : link.href === SAVED ? (
              // A heart alone until 1280 px, where the name joins it: six links and the account
              // controls share 1024 px.
              <Link key={link.href} href={link.href} className={`${navLink} flex items-center gap-1.5`}>
                <HeartIcon className="size-5" />
                <span className="sr-only xl:not-sr-only">{link.label}</span>
              </Link>
            ) : (
              <Link key={link.href} href={link.href} className={navLink}>
                {link.label}
              </Link>
            ),
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {viewer && <NotificationBell />}
          <div className="hidden items-center gap-2 lg:flex">
            {viewer ? (
              <>
                <Link href="/items/new" className={buttonStyles("primary", "sm")}>
                  List an item
                </Link>
                <Link href="/profile" className={`${navLink} flex items-center gap-2`}>
                  <Avatar name={viewer.name} seed={viewer.id} size="sm" src={viewer.avatarUrl} />
                  <span className="sr-only max-w-32 truncate xl:not-sr-only">{viewer.name}</span>
                </Link>
                <form action={signOutAction}>
                  <button type="submit" className={navLink}>
                    Sign out
                  </button>
                </form>
              </>
            ) : (
              <>
                <Link href="/sign-in" className={`${navLink} when-signed-out`}>
                  Sign in
                </Link>
                <Link href="/register" className={`${buttonStyles("primary", "sm")} when-signed-out`}>
                  Join Sharehood
                </Link>
              </>
            )}
          </div>
          <MobileMenu links={links} account={viewer ? { name: viewer.name } : null} />
        </div>
      </div>
    </header>
  );
}
