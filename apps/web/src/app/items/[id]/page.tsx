import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { Avatar } from "@sharehood/ui/avatar";
import { Badge } from "@sharehood/ui/badge";
import { CategoryIllustration } from "@sharehood/ui/category-illustration";
import { PhotoGallery } from "@sharehood/ui/photo-gallery";
import { BookedDates } from "@/features/items/booked-dates";
import { PageSaveButton } from "@/features/favourites/save-button";
import { CONDITION_LABELS } from "@/features/items/conditions";
import { availabilityWindow } from "@/features/items/availability-window";
import { formatDate, todayUtc } from "@/features/items/dates";
import { ItemBorrowing } from "@/features/items/item-borrowing";
import { AskSection, ItemManageButtons, OwnerName } from "@/features/items/item-viewer-parts";
import { ReportItemButton } from "@/features/reports/viewer-report-buttons";
import { getCategories } from "@/server/categories";
import { findAvailability, getItem } from "@/server/items";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getItem((await params).id);
  const description = item.description.replace(/\s+/g, " ").slice(0, 155);
  return {
    title: item.title,
    description: `Borrow “${item.title}” from ${item.owner.name} on Sharehood. ${description}`,
    alternates: { canonical: `/items/${item.id}` },
  };
}

/**
 * The same page for every visitor, so the page cache keeps it: what depends on who looks (the
 * owner's buttons, the borrow form) is in item-viewer-parts.
 */
export default async function ItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  // The taken days come with the page (public, the same for everyone this month), so the calendar
  // is drawn at once; the browser reads them again for what changed since the page was kept.
  const [item, categories, flags, availability] = await Promise.all([
    getItem(id),
    getCategories(),
    searchParams,
    findAvailability(id, availabilityWindow(todayUtc())),
  ]);
  const category = categories.find((c) => c.id === item.categoryId);
  const parts = { id: item.id, title: item.title, owner: item.owner };
  const rules = {
    paused: item.paused,
    minDays: item.minDays,
    maxDays: item.maxDays,
    noticeDays: item.noticeDays,
  };

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
        <Link href="/" className="hover:underline">
          Browse
        </Link>
        {category && (
          <>
            <span aria-hidden="true"> / </span>
            <Link href={`/?category=${category.id}`} className="hover:underline">
              {category.name}
            </Link>
          </>
        )}
      </nav>
      {flags.listed && (
        <Alert tone="success" title="Your item is listed">
          Neighbours can find it and ask to borrow it.
        </Alert>
      )}
      {flags.saved && <Alert tone="success">Your changes are saved.</Alert>}
      {/* One column on phones (picture, what and who, borrowing, description); on wide screens the
          details and the borrow form sit beside the picture and its description. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] lg:grid-rows-[auto_1fr] lg:gap-8">
        {item.photos.length > 0 ? (
          <PhotoGallery photos={item.photos} title={item.title} className="lg:col-start-1 lg:row-start-1" />
        ) : (
          <div className="aspect-[4/3] lg:col-start-1 lg:row-start-1 overflow-hidden rounded-3xl bg-stone-100 ring-1 ring-stone-200">
            <CategoryIllustration categoryId={item.categoryId} />
          </div>
        )}
        <div className="flex flex-col gap-6 self-start lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <div className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
            <div className="flex flex-wrap gap-2">
              {category && <Badge tone="brand">{category.name}</Badge>}
              <Badge>{CONDITION_LABELS[item.condition]}</Badge>
            </div>
            <h1 className="mt-3 text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
              {item.title}
            </h1>
            {item.location && (
              <p className="mt-2 flex items-center gap-1.5 text-stone-700">
                <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 text-stone-500">
                  <path
                    fill="currentColor"
                    d="M10 2a6 6 0 0 0-6 6c0 4.5 6 10 6 10s6-5.5 6-10a6 6 0 0 0-6-6Zm0 8.5A2.5 2.5 0 1 1 10 5.5a2.5 2.5 0 0 1 0 5Z"
                  />
                </svg>
                <span className="sr-only">Location: </span>
                {item.location}
              </p>
            )}
            <div className="mt-5 flex items-center gap-3 border-t border-stone-100 pt-5">
              <Avatar name={item.owner.name} seed={item.owner.id} src={item.owner.avatarUrl} />
              <div>
                <p className="text-sm text-stone-600">Lent by</p>
                <p className="font-semibold text-stone-900">
                  <Link href={`/people/${item.owner.id}`} className="underline-offset-2 hover:underline">
                    <OwnerName owner={item.owner} />
                  </Link>
                </p>
              </div>
            </div>
            <PageSaveButton item={parts} className="mt-4" />
            <p className="mt-4 text-xs text-stone-600">Listed {formatDate(item.createdAt.slice(0, 10))}</p>
            <ItemManageButtons item={parts} />
            <ReportItemButton item={parts} />
          </div>
          <div className="flex flex-col gap-5 rounded-3xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-6">
            <ItemBorrowing item={parts} rules={rules} initialAvailability={availability}>
              <BookedDates bookings={item.bookings} />
            </ItemBorrowing>
            <AskSection item={parts} />
          </div>
        </div>
        <section
          aria-labelledby="about-heading"
          className="self-start rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 lg:col-start-1 lg:row-start-2"
        >
          <h2 id="about-heading" className="text-lg font-semibold">
            About this item
          </h2>
          <p className="mt-3 whitespace-pre-line text-stone-700">{item.description}</p>
        </section>
      </div>
    </div>
  );
}
