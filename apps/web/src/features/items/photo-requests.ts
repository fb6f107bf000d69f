import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS_PER_ITEM,
  PHOTO_MEDIA_TYPES,
  itemETag,
  type Item,
} from "@sharehood/sdk/contract";

/** A refused photo request, with the message the route handler (from the API's problem) sent. */
export class PhotoRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const FALLBACK = "Something went wrong. Please try again.";

function messageOf(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : FALLBACK;
}

/**
 * Uploads one photo to the app's own route handler (never to the API: the browser holds no
 * token), reporting progress from 0 to 1. XMLHttpRequest, because fetch has no upload progress.
 */
export function uploadPhoto(
  itemId: string,
  version: number,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Item> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/items/${encodeURIComponent(itemId)}/photos`);
    xhr.setRequestHeader("if-match", itemETag({ version }));
    xhr.setRequestHeader("accept", "application/json");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as Item);
      else reject(new PhotoRequestError(messageOf(xhr.response), xhr.status));
    };
    xhr.onerror = () =>
      reject(new PhotoRequestError("The upload was interrupted. Check your connection and try again.", 0));
    const form = new FormData();
    form.append("photo", file, file.name);
    xhr.send(form);
  });
}

async function send(url: string, method: string, version: number, body?: unknown): Promise<Item> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: "application/json",
      "if-match": itemETag({ version }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!response) throw new PhotoRequestError("We could not reach Sharehood. Please try again.", 0);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new PhotoRequestError(messageOf(json), response.status);
  return json as Item;
}

/** Removes a photo; answers the item as it now is. */
export function deletePhoto(itemId: string, version: number, photoId: string): Promise<Item> {
  return send(
    `/api/items/${encodeURIComponent(itemId)}/photos/${encodeURIComponent(photoId)}`,
    "DELETE",
    version,
  );
}

/** Saves a new order of the item's photos; answers the item. */
export function reorderPhotos(itemId: string, version: number, photoIds: string[]): Promise<Item> {
  return send(`/api/items/${encodeURIComponent(itemId)}/photos/order`, "PUT", version, { photoIds });
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/**
 * The browser-side checks before anything is sent (the API checks again, by content): the type,
 * the size, and how many fit. Answers the files to keep and a message per refused file.
 */
export function checkPhotoFiles(
  files: readonly File[],
  alreadyThere: number,
): { accepted: File[]; problems: string[] } {
  const accepted: File[] = [];
  const problems: string[] = [];
  let tooMany = 0;
  for (const file of files) {
    if (!(PHOTO_MEDIA_TYPES as readonly string[]).includes(file.type)) {
      problems.push(`“${file.name}” is not a JPEG, PNG or WebP image.`);
    } else if (file.size > MAX_PHOTO_BYTES) {
      problems.push(`“${file.name}” is ${megabytes(file.size)}; each photo can be at most 8 MB.`);
    } else if (alreadyThere + accepted.length >= MAX_PHOTOS_PER_ITEM) {
      tooMany += 1;
    } else {
      accepted.push(file);
    }
  }
  if (tooMany > 0) {
    problems.push(
      `An item can have at most ${MAX_PHOTOS_PER_ITEM} photos, so ${tooMany === 1 ? "1 photo was" : `${tooMany} photos were`} not added.`,
    );
  }
  return { accepted, problems };
}
