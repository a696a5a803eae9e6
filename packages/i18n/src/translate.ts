// The translator the React pages use, on the server and in the browser alike. It does what
// the pages need of i18next - nested keys, "ns:key", `{{value}}` written through the
// language's own escape step (digits, bidi isolation), `defaultValue` - in a small fraction
// of its size, so the browser's JavaScript stays within the portal's budget (decision 020).
// Emails, CSV files and other server-side texts keep using i18next (instance.ts); a test
// checks both give the same text for every key of every language.
import { interpolatedValue } from "./bidi.ts";
import { directionOf, type Namespace } from "./config.ts";
import type { LanguageBundle, MissingKeyReport } from "./instance.ts";
import type { Messages } from "./resources.ts";

export type TranslateOptions = { defaultValue?: string } & Record<string, unknown>;

/** Translates `key` ("a.b", or "ns:a.b" for another namespace). */
export type Translate = (key: string, options?: TranslateOptions) => string;

export interface Translator {
  readonly language: LanguageBundle["lng"];
  readonly dir: "ltr" | "rtl";
  /** `t` with `ns` as the namespace of un-prefixed keys. */
  fixedT(ns: Namespace | string): Translate;
}

const missingKeyHook = Symbol.for("homeward.i18n.missingKey");

function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

const placeholder = /\{\{\s*(-?)\s*([^{}]+?)\s*\}\}/g;

export function createPageTranslator(bundle: LanguageBundle): Translator {
  const dir = directionOf(bundle.lng);
  const write = (text: string, options: TranslateOptions | undefined) =>
    options === undefined
      ? text
      : text.replace(placeholder, (whole, raw: string, name: string) => {
          const value = options[name];
          if (value === undefined) return whole;
          // "{{- name}}" is i18next's unescaped form; the pages do not use it, but it must
          // still not pass through the escape step.
          return raw ? String(value) : interpolatedValue(value, bundle.lng, dir);
        });
  const fixedT =
    (defaultNs: string): Translate =>
    (key, options) => {
      const colon = key.indexOf(":");
      const [ns, path] = colon > 0 ? [key.slice(0, colon), key.slice(colon + 1)] : [defaultNs, key];
      const found = lookup(bundle.resources[ns as Namespace], path);
      if (found !== undefined) return write(found, options);
      if (options?.defaultValue !== undefined) return write(options.defaultValue, options);
      const report = (globalThis as Record<symbol, unknown>)[missingKeyHook] as
        | MissingKeyReport
        | undefined;
      report?.(bundle.lng, ns, path);
      return path;
    };
  return { language: bundle.lng, dir, fixedT };
}
