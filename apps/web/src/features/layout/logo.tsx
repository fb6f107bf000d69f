/** The Sharehood mark: two overlapping house shapes. */
export function Logo() {
  return (
    <span className="flex items-center gap-2 text-lg font-extrabold tracking-tight whitespace-nowrap text-stone-900">
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8">
        <rect width="32" height="32" rx="9" fill="#047857" />
        <path d="M7 17.5 14 11l7 6.5V24H7z" fill="#a7f3d0" />
        <path d="M13 19.5 19.5 13.5 26 19.5V24H13z" fill="#fff" />
      </svg>
      Sharehood
    </span>
  );
}
