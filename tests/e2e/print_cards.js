// Prints the 网格连心服务卡 of every grid to PDF with headless Chromium.
//   node print_cards.js SITE_OUTPUT_DIR PDF_DIR GRID_ID...
// Two PDFs per grid on A6 paper: ID-a6.pdf with 10 mm printer margins, as
// an office printer would print it, and ID-a6-edge.pdf without margins.
// (This Chromium ignores CSS @page sizes when printing to PDF, so the
// paper size is set here.) The shell test counts the pages.
"use strict";
const path = require("path");
const { pathToFileURL } = require("url");
const nm = process.env.HONGFAN_NODE_MODULES || path.join(__dirname, "..", "..", "node_modules");
const { chromium } = require(path.join(nm, "playwright-core"));

(async () => {
  const [site, pdfDir, ...grids] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox"],
  });
  try {
    const page = await browser.newPage();
    for (const id of grids) {
      const url = pathToFileURL(path.join(site, "grids", id, "card", "index.html")).href;
      await page.goto(url);
      await page.pdf({ path: path.join(pdfDir, `${id}-a6-edge.pdf`), width: "105mm", height: "148mm", printBackground: true });
      await page.pdf({
        path: path.join(pdfDir, `${id}-a6.pdf`), width: "105mm", height: "148mm",
        margin: { top: "10mm", bottom: "10mm", left: "10mm", right: "10mm" }, printBackground: true,
      });
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(2); });
