/** The item form's fields. */
export interface ItemFormValues {
  title: string;
  description: string;
  categoryId: string;
  condition: string;
  location: string;
}

/**
 * The checks the browser runs before sending, mirroring the contract's limits so people see
 * mistakes at once. The server action validates again with the contract itself.
 */
export function validateItem(values: ItemFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = "Give your item a title";
  else if (values.title.trim().length > 120) errors.title = "Keep the title under 120 characters";
  if (!values.description.trim()) errors.description = "Describe the item so neighbours know what they get";
  else if (values.description.trim().length > 5000)
    errors.description = "Keep the description under 5000 characters";
  if (!values.categoryId) errors.categoryId = "Choose a category";
  if (!values.condition) errors.condition = "Choose the condition";
  if (values.location.trim().length > 120) errors.location = "Keep the location under 120 characters";
  return errors;
}
