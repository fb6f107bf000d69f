import { Skeleton } from "@sharehood/ui/skeleton";

/** A placeholder grid shown while a signed-in page loads (public pages render fully on the server). */
export function PageSkeleton() {
  return (
    <div className="flex flex-col gap-6" role="status" aria-label="Loading">
      <Skeleton className="h-10 w-64" />
      <CardsSkeleton />
    </div>
  );
}

/** A placeholder for the list of a page whose heading is already shown. */
export function ListSkeleton() {
  return (
    <div role="status" aria-label="Loading">
      <CardsSkeleton />
    </div>
  );
}

function CardsSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-5 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="flex flex-col gap-3 rounded-3xl bg-white p-3 ring-1 ring-stone-200">
          <Skeleton className="aspect-[4/3] w-full" />
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ))}
    </div>
  );
}
