import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("CSV cells", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(csvCell("Reunification Team")).toBe("Reunification Team");
    expect(csvCell(29)).toBe("29");
    expect(csvCell(41.7)).toBe("41.7");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });
  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("Back in care, within 6 months")).toBe('"Back in care, within 6 months"');
    expect(csvCell('The "North" team')).toBe('"The ""North"" team"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });
  it("keeps text that looks like a formula as text", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+44 1632 960000")).toBe("'+44 1632 960000");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell('=1,"2"')).toBe('"\'=1,""2"""');
  });
  it("does not guard numbers, which are never formulas", () => {
    expect(csvCell(-1)).toBe("-1");
  });
  it("writes Welsh and Arabic as they are", () => {
    expect(csvCell("Plant wedi mynd adref")).toBe("Plant wedi mynd adref");
    expect(csvCell("أطفال عادوا إلى المنزل")).toBe("أطفال عادوا إلى المنزل");
  });
});

describe("CSV files", () => {
  it("starts with a byte order mark and ends every row with CRLF", () => {
    expect(
      toCsv([
        ["Measure", "Number"],
        ["Returned home", 29],
      ]),
    ).toBe("\uFEFFMeasure,Number\r\nReturned home,29\r\n");
  });
});
