"use client";
import { useViewer } from "@/features/layout/viewer";
import { ReportButton } from "@/features/reports/report-button";

// Report buttons for pages every visitor shares (the item page, a profile): they ask the viewer
// context, so they show only to someone signed in who is not the one reported.

/** "Report this item", for signed-in people other than its owner. */
export function ReportItemButton({ item }: { item: { id: string; title: string; owner: { id: string } } }) {
  const viewer = useViewer();
  if (!viewer || viewer.id === item.owner.id) return null;
  return (
    <div className="mt-3 -ml-3">
      <ReportButton
        subject={{ type: "item", id: item.id }}
        title={`Report “${item.title}”`}
        label="Report this item"
      />
    </div>
  );
}

/** "Report <name>", for signed-in people other than that person. */
export function ReportPersonButton({ person }: { person: { id: string; name: string } }) {
  const viewer = useViewer();
  if (!viewer || viewer.id === person.id) return null;
  return (
    <div className="-ml-3 self-start">
      <ReportButton
        subject={{ type: "user", id: person.id }}
        title={`Report ${person.name}`}
        label="Report"
        accessibleLabel={`Report ${person.name}`}
      />
    </div>
  );
}
