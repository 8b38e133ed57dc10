// The production build points the manifest at the host given by `--env url=…`.
import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest, DEV_URL } = require("../../webpack.config.js") as {
  rewriteManifest: (xml: string, url: string) => string;
  DEV_URL: string;
};
const xml = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");

test("every dev URL of the manifest is rewritten to the production host", () => {
  const out = rewriteManifest(xml, "https://malkoll.region.example/addin");
  expect(out).not.toContain("https://localhost");
  // 2 icons + support + source + 3 images + 2 urls = 9 URLs, all now on the host with its path.
  expect(out.match(/https:\/\/malkoll\.region\.example\/addin\//g)).toHaveLength(xml.split(DEV_URL).length - 1);
  expect(out).toContain('"https://malkoll.region.example/addin/taskpane.html"');
  expect(out).toContain('"https://malkoll.region.example/addin/assets/icon-80.png"');
});

test("a production host that is not https is refused (Office loads add-ins over https only)", () => {
  expect(() => rewriteManifest(xml, "http://malkoll.region.example/")).toThrow(/https/);
});
