import Link from "next/link";
import { Avatar } from "@sharehood/ui/avatar";
import { buttonStyles } from "@sharehood/ui/button";
import { signOutAction } from "@/features/auth/actions";
import { Logo } from "@/features/layout/logo";
import { can, getViewer } from "@/server/session";

const navLink =
  "rounded-full px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-stone-900";

/** The top bar: brand, navigation, and the account controls. Collapses to a menu on phones. */
export async function SiteHeader() {
  const viewer = await getViewer();
  const links = viewer
    ? [
        { href: "/", label: "Browse" },
        { href: "/loans", label: "Borrowing" },
        { href: "/listings", label: "My listings" },
        ...(can(viewer, "user.list") ? [{ href: "/admin", label: "Admin" }] : []),
      ]
    : [{ href: "/", label: "Browse" }];

  return (
    <header className="sticky top-0 z-30 border-b border-stone-200/80 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="rounded-lg" aria-label="Sharehood home">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden flex-1 items-center gap-1 md:flex">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className={navLink}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto hidden items-center gap-2 md:flex">
          {viewer ? (
            <>
              <Link href="/items/new" className={buttonStyles("primary", "sm")}>
                List an item
              </Link>
              <Link href="/profile" className={`${navLink} flex items-center gap-2`}>
                <Avatar name={viewer.name} seed={viewer.id} size="sm" />
                <span className="max-w-32 truncate">{viewer.name}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={navLink}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={navLink}>
                Sign in
              </Link>
              <Link href="/register" className={buttonStyles("primary", "sm")}>
                Join Sharehood
              </Link>
            </>
          )}
        </div>
        <details className="group relative ml-auto md:hidden">
          <summary className="flex h-10 cursor-pointer list-none items-center gap-2 rounded-full px-3 text-sm font-semibold text-stone-800 ring-1 ring-stone-300 [&::-webkit-details-marker]:hidden">
            <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5">
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            Menu
          </summary>
          <div className="absolute right-0 mt-2 w-64 rounded-2xl bg-white p-2 shadow-lg ring-1 ring-stone-200">
            <nav aria-label="Mobile" className="flex flex-col">
              {links.map((link) => (
                <Link key={link.href} href={link.href} className={navLink}>
                  {link.label}
                </Link>
              ))}
              {viewer ? (
                <>
                  <Link href="/items/new" className={navLink}>
                    List an item
                  </Link>
                  <Link href="/profile" className={navLink}>
                    Profile ({viewer.name})
                  </Link>
                  <form action={signOutAction}>
                    <button type="submit" className={`${navLink} w-full text-left`}>
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <>
                  <Link href="/sign-in" className={navLink}>
                    Sign in
                  </Link>
                  <Link href="/register" className={navLink}>
                    Join Sharehood
                  </Link>
                </>
              )}
            </nav>
          </div>
        </details>
      </div>
    </header>
  );
}
