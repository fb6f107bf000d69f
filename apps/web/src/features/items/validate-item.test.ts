import { CreateItemBodySchema } from "@sharehood/sdk/contract";
import { describe, expect, it } from "vitest";
import { validateItem, type ItemFormValues } from "./validate-item.ts";

const valid: ItemFormValues = {
  title: "Cordless drill",
  description: "18V, two batteries",
  categoryId: "tools",
  condition: "good",
  location: "Maple Street",
};

// What the contract's own schema says of the same values: the form must agree with it.
const contractAccepts = (values: ItemFormValues) =>
  CreateItemBodySchema.safeParse({ ...values, location: values.location || undefined }).success;

describe("the item form's checks", () => {
  it.each(["title", "description", "location"] as const)(
    "agree with the contract on the longest %s it accepts, and one character more",
    (field) => {
      for (let length = 1; length < 6000; length += 1) {
        const values = { ...valid, [field]: "x".repeat(length) };
        const formAccepts = validateItem(values)[field] === undefined;
        if (formAccepts !== contractAccepts(values)) {
          throw new Error(
            `${field} of ${length} characters: form ${formAccepts}, contract ${contractAccepts(values)}`,
          );
        }
        if (!formAccepts) return; // the first length past the limit agreed too
      }
      throw new Error(`no limit found for ${field}`);
    },
  );

  it("asks for what the contract requires", () => {
    expect(validateItem({ ...valid, title: " ", description: "", categoryId: "", condition: "" })).toEqual({
      title: "Give your item a title",
      description: "Describe the item so neighbours know what they get",
      categoryId: "Choose a category",
      condition: "Choose the condition",
    });
    expect(validateItem(valid)).toEqual({});
    expect(contractAccepts(valid)).toBe(true);
  });
});
