import { describe, expect, test } from "vitest";
import {
  addressParts,
  type ConfidentialDetail,
  findConfidentialDetails,
  phoneDigits,
} from "./confidential-text.ts";

// Daniel's details, which Leah must never see (the demo's separated parents).
const daniel: ConfidentialDetail[] = [
  { kind: "address", value: "12 Kestrel Road, Northmoor NM6 8JT", ownerId: "daniel" },
  { kind: "phone", value: "07700 900587", ownerId: "daniel" },
  { kind: "email", value: "dan.morgan@example.com", ownerId: "daniel" },
  { kind: "name", value: "Chloe Brennan", ownerId: "name-1" },
];

const kinds = (text: string) => findConfidentialDetails(text, daniel).map((f) => f.kind);

describe("finding confidential details before sharing", () => {
  test("a clean text has none", () => {
    expect(
      findConfidentialDetails(
        "Mia enjoyed contact with both parents at the family centre on 12 November 2026.",
        daniel,
      ),
    ).toEqual([]);
  });

  test("the full address, or only its street line, or only its postcode", () => {
    expect(kinds("Daniel now lives at 12 Kestrel Road, Northmoor NM6 8JT.")).toEqual(["address"]);
    expect(findConfidentialDetails("Visit at 12 kestrel  road next week.", daniel)).toEqual([
      { kind: "address", ownerId: "daniel", found: "12 kestrel road" },
    ]);
    expect(kinds("His postcode is NM68JT.")).toEqual(["address"]);
    expect(kinds("His postcode is nm6 8jt.")).toEqual(["address"]);
  });

  test("the town alone is not enough to identify the address", () => {
    expect(kinds("Daniel has moved to Northmoor.")).toEqual([]);
  });

  test("a street number that is part of a longer number does not match", () => {
    expect(kinds("Flat 112 Kestrel Roadside is a different place.")).toEqual([]);
  });

  test("the phone number however it is written", () => {
    expect(kinds("Call him on 07700900587.")).toEqual(["phone"]);
    expect(kinds("Call him on +44 7700 900587.")).toEqual(["phone"]);
    expect(kinds("Call him on 07700-900-587 after six.")).toEqual(["phone"]);
    expect(kinds("Call him on 07700 900588.")).toEqual([]);
  });

  test("the email, in any case", () => {
    expect(kinds("Write to Dan.Morgan@Example.com.")).toEqual(["email"]);
  });

  test("a confidential name as whole words, in any case, across line breaks", () => {
    expect(kinds("Daniel's partner chloe\nbrennan was present.")).toEqual(["name"]);
    expect(kinds("Chloe Brennanson is someone else.")).toEqual([]);
  });

  test("finds every kind at once, in the order given", () => {
    expect(
      kinds("Chloe Brennan, 12 Kestrel Road, NM6 8JT, 07700 900587, dan.morgan@example.com"),
    ).toEqual(["address", "phone", "email", "name"]);
  });

  test("empty or too-short values never match everything", () => {
    expect(
      findConfidentialDetails("Anything at all 123456", [
        { kind: "name", value: " ", ownerId: "x" },
        { kind: "phone", value: "123", ownerId: "x" },
        { kind: "email", value: "", ownerId: "x" },
        { kind: "address", value: "", ownerId: "x" },
      ]),
    ).toEqual([]);
  });
});

describe("the pieces of the check", () => {
  test("an address's identifying parts are the numbered lines and the postcode", () => {
    expect(addressParts("Flat 4, 27 Wharf Street, Eastfield EF1 3RD")).toEqual([
      "27 wharf street",
      "eastfield ef1 3rd",
      "ef1 3rd",
    ]);
  });

  test("a UK number's country code becomes the leading zero", () => {
    expect(phoneDigits("+44 (0)7700 900587")).toBe("007700900587");
    expect(phoneDigits("+44 7700 900587")).toBe("07700900587");
    expect(phoneDigits("0044 7700 900587")).toBe("07700900587");
    expect(phoneDigits("07700 900587")).toBe("07700900587");
  });
});
