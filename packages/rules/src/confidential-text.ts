// Finding confidential details in a text before it is shared with a family member: another
// person's address, phone number or email, and names that must not reach this reader
// (framework.md: separated parents never see each other's details; issue 8, share blocking).
// A share is refused while anything is found. The check errs towards finding too much: a
// false alarm costs a practitioner a minute, a leaked address can cost a family its safety.

export const CONFIDENTIAL_DETAIL_KINDS = ["address", "phone", "email", "name"] as const;
export type ConfidentialDetailKind = (typeof CONFIDENTIAL_DETAIL_KINDS)[number];

export interface ConfidentialDetail {
  readonly kind: ConfidentialDetailKind;
  /** The secret as recorded (a full address, a phone number, an email, a name). */
  readonly value: string;
  /** Whose detail it is, for the practitioner's message (a person id, a record id). */
  readonly ownerId: string;
}

export interface ConfidentialFinding {
  readonly kind: ConfidentialDetailKind;
  readonly ownerId: string;
  /** The recorded value, or the part of it that was found (a street line, a postcode). */
  readonly found: string;
}

const normalise = (text: string) => text.toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when `needle` appears in `haystack` as whole words (both already normalised). */
function containsWords(haystack: string, needle: string): boolean {
  if (needle === "") return false;
  const pattern = escapeRegExp(needle).replace(/ /g, "\\s+");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${pattern}($|[^\\p{L}\\p{N}])`, "u").test(haystack);
}

// A UK postcode, e.g. "NM6 8JT", with or without its space.
const POSTCODE = /\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b/gi;

/**
 * The parts of an address that identify it on their own: each comma-separated line with a
 * number in it (a house and street, not a town), and the postcode, written with or without
 * its space.
 */
export function addressParts(address: string): string[] {
  const parts = address
    .split(/[,\n]/)
    .map(normalise)
    .filter(
      (line) =>
        line.length >= 8 && /\d/.test(line) && /\p{L}{3,}/u.test(line) && line.includes(" "),
    );
  const postcodes = [...address.matchAll(POSTCODE)].map((m) => normalise(`${m[1]} ${m[2]}`));
  return [...new Set([...parts, ...postcodes])];
}

/** A UK number's digits, with the country code turned back into the leading 0. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (value.trim().startsWith("+44")) return `0${digits.slice(2)}`;
  if (digits.startsWith("0044")) return `0${digits.slice(4)}`;
  return digits;
}

function phoneNumbersIn(text: string): string[] {
  return [...text.matchAll(/\+?\d[\d\s().-]{6,}\d/g)].map((m) => phoneDigits(m[0]));
}

function findOne(text: string, detail: ConfidentialDetail): string | null {
  const value = detail.value.trim();
  if (value === "") return null;
  switch (detail.kind) {
    case "email":
      return normalise(text).includes(normalise(value)) ? value : null;
    case "name":
      return containsWords(normalise(text), normalise(value)) ? value : null;
    case "phone": {
      const wanted = phoneDigits(value);
      // Too short to be a phone number: matching it would block every date and sum.
      if (wanted.length < 9) return null;
      return phoneNumbersIn(text).some((digits) => digits.includes(wanted)) ? value : null;
    }
    case "address": {
      const haystack = normalise(text);
      if (containsWords(haystack, normalise(value))) return value;
      const squashed = haystack.replace(/ /g, "");
      for (const part of addressParts(value)) {
        const isPostcode = /^[a-z]{1,2}\d[a-z\d]? \d[a-z]{2}$/.test(part);
        if (
          containsWords(haystack, part) ||
          (isPostcode && squashed.includes(part.replace(/ /g, "")))
        )
          return part;
      }
      return null;
    }
  }
}

/** Every confidential detail the text contains, in the order given. */
export function findConfidentialDetails(
  text: string,
  details: readonly ConfidentialDetail[],
): ConfidentialFinding[] {
  const findings: ConfidentialFinding[] = [];
  for (const detail of details) {
    const found = findOne(text, detail);
    if (found !== null) findings.push({ kind: detail.kind, ownerId: detail.ownerId, found });
  }
  return findings;
}
