// Server-only: all languages' resources.
export { type Messages, resources } from "./resources.ts";
import translationStatus from "../translation-status.json" with { type: "json" };
export { translationStatus };
