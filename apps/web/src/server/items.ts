import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";

/** One item with its bookings, once per request (the page and its metadata share it). 404 → not-found page. */
export const getItem = cache(async (id: string) => {
  try {
    return await apiClient().items.get({ params: { id } });
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    throw error;
  }
});
