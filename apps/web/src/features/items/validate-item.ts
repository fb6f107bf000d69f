import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/** The item form's fields. */
export interface ItemFormValues {
  title: string;
  description: string;
  categoryId: string;
  condition: string;
  location: string;
}

/**
 * The checks the browser runs before sending, with the contract's own limits, so people see
 * mistakes at once. The server action validates again with the contract's schema.
 */
export function validateItem(values: ItemFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = "Give your item a title";
  else if (values.title.trim().length > FIELD_LIMITS.itemTitle)
    errors.title = `Keep the title to ${FIELD_LIMITS.itemTitle} characters`;
  if (!values.description.trim()) errors.description = "Describe the item so neighbours know what they get";
  else if (values.description.trim().length > FIELD_LIMITS.itemDescription)
    errors.description = `Keep the description to ${FIELD_LIMITS.itemDescription} characters`;
  if (!values.categoryId) errors.categoryId = "Choose a category";
  if (!values.condition) errors.condition = "Choose the condition";
  if (values.location.trim().length > FIELD_LIMITS.itemLocation)
    errors.location = `Keep the location to ${FIELD_LIMITS.itemLocation} characters`;
  return errors;
}
