// Prints what each page costs a family on a phone: HTML, CSS and JavaScript bytes as sent
// (gzipped), in the normal mode and in low-data mode (Save-Data: on, no JavaScript at all).
// Usage (after `pnpm exec turbo run build`): node apps/server/scripts/page-weight.ts
import "../src/node-env.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoIds, demoPassword, demoTotpSecret } from "@homeward/db";
import { demoTotp } from "../src/demo-totp.ts";
import { loadConfig } from "../src/env.ts";
import { startHost } from "../src/host.ts";
import { type CookieJar, signInFamily, signInPractitioner } from "./sign-in.ts";

/** Bytes on the wire for one URL, asking for gzip as a browser does. */
function wireBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ bytes: number; body: string; status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const body =
          res.headers["content-encoding"] === "gzip"
            ? (await import("node:zlib")).gunzipSync(raw).toString("utf8")
            : raw.toString("utf8");
        resolve({ bytes: raw.length, body, status: res.statusCode ?? 0 });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function assetsOf(html: string): { scripts: string[]; styles: string[]; icons: string[] } {
  const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]+)"`))?.[1];
  const tags = [...html.matchAll(/<(link|script)\b[^>]*>/g)].map((m) => m[0]);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const icons = new Set<string>();
  for (const tag of tags) {
    const rel = attr(tag, "rel");
    const href = attr(tag, "href") ?? attr(tag, "src");
    if (!href) continue;
    if (rel === "modulepreload" || tag.startsWith("<script")) scripts.add(href);
    else if (rel === "stylesheet") styles.add(href);
    else if (rel === "icon") icons.add(href);
  }
  // Route modules imported by the inline bootstrap script.
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/assets\/[^"]+\.js)"/g))
    scripts.add(m[1] as string);
  return { scripts: [...scripts], styles: [...styles], icons: [...icons] };
}

async function weigh(base: string, path: string, jar: CookieJar, lowData: boolean) {
  const headers: Record<string, string> = { cookie: jar.header() };
  if (lowData) headers["save-data"] = "on";
  const page = await wireBytes(base + path, headers);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const assets = assetsOf(page.body);
  let js = 0;
  let css = 0;
  let other = 0;
  for (const src of assets.scripts) js += (await wireBytes(base + src, {})).bytes;
  for (const href of assets.styles) css += (await wireBytes(base + href, {})).bytes;
  for (const href of assets.icons) other += (await wireBytes(base + href, {})).bytes;
  return {
    html: page.bytes,
    js,
    css,
    other,
    total: page.bytes + js + css + other,
    scripts: assets.scripts.length,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-weight-"));
  const config = loadConfig({
    HOMEWARD_ENV: "test",
    DATA_DIR: dataDir,
    PORTAL_PORT: "3910",
    PRACTITIONER_PORT: "3911",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
  });
  const host = await startHost(config, () => {});
  try {
    const parent = await signInFamily(host, "parent@homeward.example", demoPassword);
    // Amira has an agreement (the load benchmark's parent).
    const amira = await signInFamily(host, "amira@homeward.example", demoPassword);
    const worker = await signInPractitioner(
      host,
      "social-worker@homeward.example",
      demoPassword,
      demoTotp(demoTotpSecret, "x").generate(),
    );
    const anonymous = { header: () => "" } as CookieJar;
    const pages: { app: string; base: string; path: string; jar: CookieJar }[] = [
      { app: "portal", base: host.urls.portal, path: "/sign-in", jar: anonymous },
      { app: "portal", base: host.urls.portal, path: "/", jar: parent },
      { app: "portal", base: host.urls.portal, path: "/records", jar: parent },
      {
        app: "portal",
        base: host.urls.portal,
        path: `/records/${demoIds.entries.miaSharedWithLeahOnly}`,
        jar: parent,
      },
      { app: "portal", base: host.urls.portal, path: "/traffic-light", jar: parent },
      { app: "portal", base: host.urls.portal, path: "/agreement", jar: amira },
      {
        app: "portal",
        base: host.urls.portal,
        path: `/records/${demoIds.entries.yasminSharedWithAmira}`,
        jar: amira,
      },
      { app: "portal", base: host.urls.portal, path: "/views", jar: parent },
      { app: "portal", base: host.urls.portal, path: "/account", jar: parent },
      { app: "practitioner", base: host.urls.practitioner, path: "/sign-in", jar: anonymous },
      { app: "practitioner", base: host.urls.practitioner, path: "/", jar: worker },
    ];
    console.log(
      "page                                         mode      HTML      CSS       JS        total (gzipped; scripts)",
    );
    for (const page of pages) {
      for (const lowData of [false, true]) {
        if (lowData && page.app !== "portal") continue;
        const w = await weigh(page.base, page.path, page.jar, lowData);
        console.log(
          `${`${page.app} ${page.path}`.padEnd(45)}${(lowData ? "low-data" : "normal").padEnd(10)}${kb(w.html).padEnd(10)}${kb(w.css).padEnd(10)}${kb(w.js).padEnd(10)}${kb(w.total)} (${w.scripts})`,
        );
      }
    }
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
