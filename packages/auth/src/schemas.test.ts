import { describe, expect, it } from "vitest";
import { codeSchema } from "./schemas.ts";

describe("codeSchema", () => {
  const code = (value: string) => codeSchema.safeParse({ code: value });

  it("accepts six Western digits, with spaces around", () => {
    expect(code(" 483920 ").data?.code).toBe("483920");
  });

  it("accepts the same code typed in Pashto, Urdu, Arabic or Bengali digits", () => {
    expect(code("۴۸۳۹۲۰").data?.code).toBe("483920");
    expect(code("٤٨٣٩٢٠").data?.code).toBe("483920");
    expect(code("৪৮৩৯২০").data?.code).toBe("483920");
  });

  it("accepts a code copied out of a right-to-left email with its isolation marks", () => {
    expect(code("\u2068483920\u2069").data?.code).toBe("483920");
  });

  it("refuses anything that is not six digits, with the translated message key", () => {
    for (const bad of ["", "48392", "4839201", "48392a", "۴۸۳۹۲"]) {
      const result = code(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("auth:errors.codeFormat");
    }
  });
});
