import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorSummary, FormErrors } from "./form-errors.tsx";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { TextField } from "./text-field.tsx";

describe("TextField", () => {
  it("renders a labelled input that posts under its name, with the id the error summary links to", () => {
    const html = renderToString(
      <TextField label="Email address" name="email" defaultValue="a@b.test" />,
    );
    expect(html).toMatch(/<label[^>]*for="field-email"[^>]*>Email address<\/label>/);
    expect(html).toMatch(/<input[^>]*id="field-email"/);
    expect(html).toContain('name="email"');
    expect(html).toContain('value="a@b.test"');
  });

  it("shows a server error from <FormErrors>, marks the field invalid, and keeps the typed value", () => {
    const html = renderToString(
      <FormErrors errors={{ email: "Enter an email address" }}>
        <TextField label="Email address" name="email" defaultValue="not-an-email" />
      </FormErrors>,
    );
    expect(html).toContain("Enter an email address");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="not-an-email"');
  });
});

describe("ErrorSummary", () => {
  it("is an alert listing each problem with a link to its field", () => {
    const html = renderToString(
      <ErrorSummary title="There is a problem" errors={{ email: "Enter an email address" }} />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#field-email"');
  });
  it("renders nothing when there is no problem", () => {
    expect(renderToString(<ErrorSummary title="There is a problem" />)).toBe("");
  });
});

describe("LanguageSwitcher", () => {
  it("lists plain links, each name in its own language and direction, marking the current one", () => {
    const html = renderToString(
      <LanguageSwitcher
        label="Language"
        current="cy"
        hrefFor={(code) => `/language?lng=${code}`}
        languages={[
          { code: "en", name: "English", dir: "ltr" },
          { code: "cy", name: "Cymraeg", dir: "ltr" },
          { code: "ar", name: "العربية", dir: "rtl" },
        ]}
      />,
    );
    expect(html).toContain('aria-label="Language"');
    expect(html).toMatch(
      /<a href="\/language\?lng=ar" lang="ar" hrefLang="ar" dir="rtl">العربية<\/a>/,
    );
    expect(html).toMatch(/lang="cy"[^>]*aria-current="true"/);
  });
});
