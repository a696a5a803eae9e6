// The zod schema for a calendar date, apart from the date arithmetic in dates.ts: pages that
// only compare or add days must not carry zod into the browser (issue 5's JavaScript budget).
import { z } from "zod";
import { isIsoDate } from "./dates.ts";

/** Schema for an `IsoDate`: the shape and a real day of a real month. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "Expected a date YYYY-MM-DD" });
