// Posted forms with ticked boxes: several values under one name (parties, factors). The
// shared parseForm keeps one value per name, so these forms are read here, with the same
// answer shape (field errors as i18n keys).
import type { z } from "zod";

export interface Kept {
  values: Record<string, string>;
  lists: Record<string, string[]>;
}

export function formInput(form: FormData, lists: readonly string[] = []) {
  const input: Record<string, string | string[]> = {};
  for (const name of lists) input[name] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const list = input[key];
    if (lists.includes(key) && Array.isArray(list)) list.push(value);
    else input[key] = value;
  }
  return input;
}

/** What the person typed and ticked, to put back after a refused save. */
export function kept(form: FormData, lists: readonly string[] = []): Kept {
  const input = formInput(form, lists);
  const values: Record<string, string> = {};
  const ticked: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) ticked[key] = value;
    else values[key] = value;
  }
  return { values, lists: ticked };
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  form: FormData,
  lists: readonly string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(formInput(form, lists));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
