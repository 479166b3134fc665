// Drives the explorer in headless Chromium through playwright-core; run by
// tests/serve/browser.rs, which starts the server and says where things are:
//
//   node explorer.cjs check URL SCREENSHOT.png   search ロシア, draw, click an edge, read evidence
//   node explorer.cjs perf URL ACTOR             draw ACTOR's ego network, print the timing
//   node explorer.cjs large URL ACTOR            draw ACTOR's (large) ego network, print where its nodes are
//
// Environment: PLAYWRIGHT_CORE (the package's folder), CHROMIUM (the browser).
// Any console error, page error, failed request or HTTP error fails the run.
// The last line of stdout is one JSON object for the Rust side to read.
"use strict";

const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [mode, url, arg] = process.argv.slice(2);
const problems = [];

async function open() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    // Root without network: no sandbox, and no calls home.
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
      "--disable-dev-shm-usage", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { browser, page };
}

// Waits until the page has drawn a view and returns its timing.
async function drawn(page, timeout) {
  await page.waitForFunction(() => document.body.dataset.drawn && window.explorerTiming, null, { timeout });
  const footer = await page.textContent("#status");
  if (await page.$eval("#status", (s) => s.classList.contains("error"))) problems.push(`page says: ${footer}`);
  return page.evaluate(() => window.explorerTiming);
}

// Clicks the middle of the edge farthest from every node and from the other
// edges' middles (parallel edges overlap), as a user would aim.
async function clickAnEdge(page) {
  const target = await page.evaluate(() => {
    const box = document.getElementById("graph").getBoundingClientRect();
    const mids = window.cy.edges().map((e) => [e.id(), e.renderedMidpoint()]);
    const gap = (m, b) => Math.max(b.x1 - m.x, m.x - b.x2, b.y1 - m.y, m.y - b.y2);
    let best = null;
    for (const [id, m] of mids) {
      if (m.x < 0 || m.y < 0 || m.x > box.width || m.y > box.height) continue;
      const clearance = Math.min(
        ...window.cy.nodes().map((n) => gap(m, n.renderedBoundingBox())),
        ...mids.filter(([other]) => other !== id).map(([, o]) => Math.hypot(o.x - m.x, o.y - m.y)),
      );
      if (!best || clearance > best.clearance) best = { id, clearance, x: box.left + m.x, y: box.top + m.y };
    }
    return best;
  });
  if (!target || target.clearance < 3) throw new Error("no edge of the drawing can be clicked clear of the others");
  await page.mouse.click(target.x, target.y);
  return target.id;
}

async function check(page, screenshot) {
  const t0 = Date.now();
  await page.goto(url);
  // The footer says what the store holds once the page has started, or what went wrong.
  await page.waitForFunction(() => document.getElementById("status").textContent, null, { timeout: 10000 });
  if (await page.$eval("#status", (s) => s.classList.contains("error"))) {
    throw new Error(`page says: ${await page.textContent("#status")}`);
  }
  await page.fill("#q", "ロシア");
  await page.waitForSelector("#suggestions li[data-id='RUS']", { timeout: 10000 });
  await page.press("#q", "Enter");
  const timing = await drawn(page, 15000);
  const hash = await page.evaluate(() => location.hash);
  if (!hash.includes("actor=RUS")) problems.push(`the URL does not hold the view: ${hash}`);
  const clicked = await clickAnEdge(page);
  await page.waitForSelector("#evidence li .sentence", { timeout: 10000 });
  const shown = await page.$eval("#evidence", (l) => l.dataset.edge);
  const sentence = await page.textContent("#evidence li .sentence");
  await page.screenshot({ path: screenshot });
  return { timing, clicked, shown, sentence, hash: await page.evaluate(() => location.hash), ms: Date.now() - t0 };
}

// Wall time says how long a user waits on this machine; the page's main
// thread CPU time (Chrome's ThreadTime) says how much work that was, which
// other processes on a shared machine do not inflate.
async function perf(page, actor) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpu = async () => (await cdp.send("Performance.getMetrics")).metrics
    .find((m) => m.name === "ThreadTime").value * 1000;
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent);
  const before = await cpu();
  await page.evaluate((a) => { location.hash = `actor=${encodeURIComponent(a)}&depth=1`; }, actor);
  const timing = await drawn(page, 60000);
  return Object.assign({ main_thread_cpu_ms: Math.round((await cpu()) - before) }, timing);
}

// Where a drawn network's nodes are, in the graph's box: how many distinct
// spots, which lie outside the box, and where the focus is (as a fraction
// of the box's width and height).
async function large(page, actor) {
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent, null, { timeout: 10000 });
  await page.evaluate((a) => { location.hash = `actor=${encodeURIComponent(a)}&depth=1`; }, actor);
  const timing = await drawn(page, 30000);
  const layout = await page.evaluate(() => {
    const box = document.getElementById("graph").getBoundingClientRect();
    const spots = new Set(), outside = [];
    window.cy.nodes().forEach((n) => {
      const p = n.renderedPosition();
      spots.add(`${Math.round(p.x)},${Math.round(p.y)}`);
      if (!(p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height)) outside.push(n.id());
    });
    const focus = window.cy.nodes(".focus");
    const f = focus.renderedPosition();
    return {
      nodes: window.cy.nodes().length, edges: window.cy.edges().length, spots: spots.size, outside,
      focus: focus.id(), focus_at: [f.x / box.width, f.y / box.height],
      curve: window.cy.edges()[0].style("curve-style"),
    };
  });
  return { timing, layout };
}

(async () => {
  let browser, result;
  try {
    const opened = await open();
    browser = opened.browser;
    const run = { perf, large }[mode] || check;
    result = await run(opened.page, arg);
  } catch (e) {
    problems.push(`${e.message}`);
  } finally {
    if (browser) await browser.close();
  }
  console.log(JSON.stringify({ problems, result }));
  process.exit(problems.length ? 1 : 0);
})();
