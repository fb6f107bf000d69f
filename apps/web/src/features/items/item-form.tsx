"use client";
import { formText } from "@/features/layout/form-text";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { Category, Item } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button, buttonStyles } from "@sharehood/ui/button";
import { SelectField } from "@sharehood/ui/select-field";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { TextField } from "@sharehood/ui/text-field";
import { createItemAction, updateItemAction, type CreatedItem } from "@/features/items/actions";
import { PhotoField } from "@/features/items/photo-field";
import { useListingPhotos } from "@/features/items/use-listing-photos";
import type { ActionResult } from "@/server/action-result";
import { CONDITION_OPTIONS } from "@/features/items/conditions";
import { useFormAction } from "@/features/layout/use-form-action";
import { readRulesAndPosition, validateRules } from "@/features/items/item-rules-form";
import { PositionField } from "@/features/items/position-field";
import { RulesFields } from "@/features/items/rules-fields";
import { validateItem, type ItemFormValues } from "@/features/items/validate-item";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";

function valuesOf(form: HTMLFormElement): ItemFormValues {
  const data = new FormData(form);
  const text = (key: string) => formText(data, key);
  return {
    title: text("title"),
    description: text("description"),
    categoryId: text("categoryId"),
    condition: text("condition"),
    location: text("location"),
  };
}

type ItemFormState = ActionResult<CreatedItem | undefined> | null;

/**
 * Create or edit a listing. Mistakes show beside their field, from the browser or the API.
 * Photos: editing, each change is saved at once. Creating, the photos wait in the browser; "List
 * item" creates the item, uploads them to it (with progress), then opens the item's page.
 */
export function ItemForm({ categories, item }: { categories: readonly Category[]; item?: Item }) {
  const router = useRouter();
  const [nonce] = useState(() => crypto.randomUUID());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const action: (state: ItemFormState, form: FormData) => Promise<ItemFormState> = item
    ? updateItemAction.bind(null, item.id)
    : createItemAction;
  const { state: actionState, pending: actionPending, formProps } = useFormAction(action, null, check);
  const photos = useListingPhotos(item);
  const [createState, setCreateState] = useState<ItemFormState>(null);
  const [creating, startCreating] = useTransition();
  const [uploadingAfterCreate, setUploadingAfterCreate] = useState(false);
  const state = createState ?? actionState;
  const pending = actionPending || creating;
  const errors = { ...(state && !state.ok ? state.fieldErrors : {}), ...clientErrors };

  // A new listing with photos: create the item, then upload the photos to it, then open it.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (item || !photos.hasDrafts) {
      setCreateState(null);
      return formProps.onSubmit(event);
    }
    event.preventDefault();
    if (!check(event.currentTarget)) return;
    const data = new FormData(event.currentTarget);
    data.set("withPhotos", "1");
    startCreating(async () => {
      const result = await createItemAction(null, data);
      setCreateState(result);
      if (!result?.ok) return;
      setUploadingAfterCreate(true);
      const failed = await photos.uploadDrafts(result.data);
      router.push(
        failed.length === 0
          ? `/items/${result.data.id}?listed=1`
          : `/items/${result.data.id}/edit?photos=incomplete`,
      );
    });
  }

  function check(form: HTMLFormElement): boolean {
    const found = {
      ...validateItem(valuesOf(form)),
      ...validateRules(readRulesAndPosition(new FormData(form))),
    };
    setClientErrors(found);
    return Object.keys(found).length === 0;
  }
  const clear = (field: string) => () =>
    setClientErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });

  return (
    <form {...formProps} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {state && !state.ok && (
        <Alert tone="error" title={item ? "Your changes were not saved" : "Your item was not listed"}>
          {state.message}
        </Alert>
      )}
      {Object.keys(clientErrors).length > 0 && <Alert tone="error">Please fix the highlighted fields.</Alert>}
      <input type="hidden" name="nonce" value={nonce} />
      {item && <input type="hidden" name="version" value={photos.version} />}
      <TextField
        name="title"
        label="Title"
        defaultValue={item?.title}
        maxLength={FIELD_LIMITS.itemTitle}
        required
        placeholder="e.g. Cordless drill with two batteries"
        error={errors.title}
        onChange={clear("title")}
      />
      <TextAreaField
        name="description"
        label="Description"
        defaultValue={item?.description}
        maxLength={FIELD_LIMITS.itemDescription}
        required
        rows={6}
        hint="What is included, how to use it, anything a borrower should know."
        error={errors.description}
        onChange={clear("description")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          name="categoryId"
          label="Category"
          defaultValue={item?.categoryId ?? ""}
          placeholder="Choose a category"
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
          required
          error={errors.categoryId}
          onChange={clear("categoryId")}
        />
        <SelectField
          name="condition"
          label="Condition"
          defaultValue={item?.condition ?? ""}
          placeholder="Choose the condition"
          options={CONDITION_OPTIONS}
          required
          error={errors.condition}
          onChange={clear("condition")}
        />
      </div>
      <TextField
        name="location"
        label="Where to pick it up (optional)"
        defaultValue={item?.location ?? ""}
        maxLength={FIELD_LIMITS.itemLocation}
        placeholder="e.g. Maple Street, near the park"
        hint="A street or area is enough; share the exact address once you approve a loan."
        error={errors.location}
        onChange={clear("location")}
      />
      <PositionField initial={item?.position ?? null} error={errors.position ?? errors["position.lat"]} />
      <RulesFields initial={item ?? null} errors={errors} onEdit={(field) => clear(field)()} />
      <PhotoField
        entries={photos.entries}
        problems={photos.problems}
        busy={photos.busy || pending}
        note={item ? "Photo changes are saved right away." : undefined}
        onAdd={photos.add}
        onMove={photos.move}
        onRemove={photos.remove}
      />
      {uploadingAfterCreate && (
        <Alert tone="info" title="Your item is listed">
          Uploading its photos…
        </Alert>
      )}
      <div className="flex flex-wrap gap-3 pt-2">
        <Button type="submit" size="lg" pending={pending} disabled={photos.busy}>
          {item ? "Save changes" : "List item"}
        </Button>
        <Link href={item ? `/items/${item.id}` : "/listings"} className={buttonStyles("ghost", "lg")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
