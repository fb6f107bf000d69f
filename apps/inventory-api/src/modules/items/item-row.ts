import type { Condition } from "@sharehood/sdk";

/** An item as the repository returns it (snake_case columns mapped, photos aggregated). */
export interface ItemRow {
  id: string;
  ownerId: string;
  ownerName: string;
  title: string;
  description: string;
  categoryId: string;
  condition: Condition;
  location: string | null;
  photos: { id: string; key: string; width: number; height: number }[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
