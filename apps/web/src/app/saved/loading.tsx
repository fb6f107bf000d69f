import { PageSkeleton } from "@/features/layout/page-skeleton";

export default PageSkeleton;
