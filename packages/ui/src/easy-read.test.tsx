import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EasyIcon, EasyLine, easyIconNames } from "./easy-read.tsx";

describe("easy-read pictures", () => {
  it("hides a picture that only repeats its line from screen readers", () => {
    const html = renderToString(<EasyLine name="calendar">Next meeting: 3 December.</EasyLine>);
    expect(html).toMatch(/^<p class="hw-easy-line"><svg[^>]*aria-hidden="true"/);
    expect(html).not.toContain('role="img"');
    expect(html).toContain('<span class="hw-easy-text">Next meeting: 3 December.</span>');
  });

  it("names a picture that says something of its own", () => {
    const html = renderToString(
      <EasyIcon name="light" level="high" label="Traffic light: orange" />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Traffic light: orange"');
    expect(html).not.toContain("aria-hidden");
  });

  it("lights exactly the lamp of the level on the traffic-light picture, and none without one", () => {
    for (const level of ["low", "medium", "high", "severe"] as const) {
      const html = renderToString(<EasyIcon name="light" level={level} />);
      expect(html.match(/hw-easy-lamp--/g)).toHaveLength(1);
      expect(html).toContain(`hw-easy-lamp--${level}`);
    }
    expect(renderToString(<EasyIcon name="light" />)).not.toContain("hw-easy-lamp--");
  });

  it("draws every named picture", () => {
    for (const name of easyIconNames) {
      expect(renderToString(<EasyIcon name={name} />)).toMatch(/<(path|g|rect|circle)/);
    }
  });

  it("renders a list line as a list item", () => {
    expect(
      renderToString(
        <EasyLine as="li" name="tick">
          Done.
        </EasyLine>,
      ),
    ).toMatch(/^<li /);
  });
});
