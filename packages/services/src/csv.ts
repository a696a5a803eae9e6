// CSV for downloads that people open in a spreadsheet (the manager view's export, issue 7).
// RFC 4180 quoting, CRLF line ends, and a byte order mark so spreadsheet programs read the
// Welsh and Arabic text as UTF-8.

export type CsvCell = string | number | null;

/**
 * Text starting with one of these is run as a formula by spreadsheet programs ("CSV
 * injection"): a child's name or a team name typed as `=HYPERLINK(...)` must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are; text guarded against formulas, then quoted if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(value);
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim()
    ? `"${guarded.replaceAll('"', '""')}"`
    : guarded;
}

/** A whole file: rows of cells, CRLF between rows, with a UTF-8 byte order mark. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
