// The explorer page. The view lives in the URL hash (#actor=RUS&depth=1...),
// so a view can be shared and the back button works: every control writes the
// hash, and one `hashchange` handler draws what the hash says.
//
// All data comes from the JSON API of the same server; nothing is fetched
// from anywhere else (the server's Content-Security-Policy forbids it).
"use strict";

const $ = (id) => document.getElementById(id);
const DAY = 86400000;
// Above this many edges the drawing switches to its cheap level of detail:
// rings placed by the page (no layout run), straight "haystack" edges, no labels until zoomed in.
const LARGE = 400;

const store = { colors: {}, relations: [], first: null, last: null };
let cy = null;
let drawn = "";  // the ego query last drawn, to skip redrawing the same one

// ---- the view <-> the URL hash ----

function readView() {
  const h = new URLSearchParams(location.hash.slice(1));
  return {
    actor: h.get("actor") || "",
    depth: h.get("depth") || "1",
    relation: h.get("relation") || "",
    since: h.get("since") || "",
    until: h.get("until") || "",
    by_state: h.get("by_state") === "1",
    include_negated: h.get("include_negated") !== "0",
    asserted_only: h.get("asserted_only") === "1",
    edge: h.get("edge") || "",
  };
}

function writeView(changes) {
  const view = Object.assign(readView(), changes);
  const h = new URLSearchParams();
  h.set("actor", view.actor);
  h.set("depth", view.depth);
  for (const k of ["relation", "since", "until", "edge"]) if (view[k]) h.set(k, view[k]);
  if (view.by_state) h.set("by_state", "1");
  if (!view.include_negated) h.set("include_negated", "0");
  if (view.asserted_only) h.set("asserted_only", "1");
  location.hash = h.toString();
}

// The API parameters of a view's filters (shared by /api/ego and /api/edge).
function filterParams(view) {
  const p = new URLSearchParams();
  for (const k of ["relation", "since", "until"]) if (view[k]) p.set(k, view[k]);
  if (view.by_state) p.set("by_state", "1");
  if (view.include_negated && !view.asserted_only) p.set("include_negated", "1");
  if (view.asserted_only) p.set("asserted_only", "1");
  return p;
}

// ---- talking to the API ----

async function api(path, params) {
  const url = params ? `${path}?${params}` : path;
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || `${res.status} ${url}`);
  return body;
}

function status(text, isError) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", !!isError);
}

// ---- controls ----

function dayOf(date) { return Math.round(Date.parse(date + "T00:00:00Z") / DAY); }
function dateOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

function setUpDates() {
  if (!store.first) { $("dates").hidden = true; return; }
  const [lo, hi] = [dayOf(store.first), dayOf(store.last)];
  for (const id of ["since", "until"]) { $(id).min = lo; $(id).max = hi; }
  const show = () => {
    const [a, b] = [Number($("since").value), Number($("until").value)];
    $("date-label").textContent = `${dateOf(Math.min(a, b))} – ${dateOf(Math.max(a, b))}`;
  };
  const commit = () => {
    const [a, b] = [Number($("since").value), Number($("until").value)].sort((x, y) => x - y);
    writeView({ since: a > lo ? dateOf(a) : "", until: b < hi ? dateOf(b) : "", edge: "" });
  };
  for (const id of ["since", "until"]) {
    $(id).addEventListener("input", show);
    $(id).addEventListener("change", commit);
  }
}

function setUpRelations() {
  const box = $("relations");
  for (const r of store.relations) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.value = r;
    input.addEventListener("change", () => {
      const on = [...box.querySelectorAll("input:checked")].map((i) => i.value);
      writeView({ relation: on.length === store.relations.length ? "" : on.join(",") || "none", edge: "" });
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = store.colors[r];
    label.append(input, swatch, r);
    box.append(label);
  }
}

function setUpToggles() {
  $("depth").addEventListener("change", () => writeView({ depth: $("depth").value, edge: "" }));
  for (const id of ["by_state", "include_negated", "asserted_only"]) {
    $(id).addEventListener("change", () => writeView({ [id]: $(id).checked, edge: "" }));
  }
}

// Puts the controls in the state the view says (after a shared link or Back).
function showControls(view) {
  $("depth").value = view.depth;
  for (const id of ["by_state", "include_negated", "asserted_only"]) $(id).checked = view[id];
  const on = view.relation ? view.relation.split(",") : store.relations;
  for (const i of $("relations").querySelectorAll("input")) i.checked = on.includes(i.value);
  if (store.first) {
    $("since").value = view.since ? dayOf(view.since) : $("since").min;
    $("until").value = view.until ? dayOf(view.until) : $("until").max;
    $("since").dispatchEvent(new Event("input"));
  }
}

// ---- search with suggestions ----

function setUpSearch() {
  const q = $("q"), list = $("suggestions");
  let timer = 0, hits = [], asked = "";
  const choose = (hit) => {
    list.hidden = true;
    q.value = hit.name || hit.id;
    writeView({ actor: hit.id, edge: "" });
  };
  const suggest = async () => {
    const text = q.value.trim();
    if (!text) { list.hidden = true; return; }
    asked = text;
    const body = await api("/api/search", new URLSearchParams({ q: text, limit: "12" }));
    if (asked !== text) return;  // a newer keystroke has asked again
    hits = body.hits;
    list.replaceChildren(...hits.map((h, i) => suggestion(h, i, choose)));
    list.hidden = hits.length === 0;
  };
  q.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => suggest().catch((e) => status(e.message, true)), 120);
  });
  $("search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    await suggest().catch((e) => status(e.message, true));
    const hit = hits.find((h) => h.in_store);
    if (hit) choose(hit); else status(`no actor in the store is called “${q.value}”`, true);
  });
}

function suggestion(hit, index, choose) {
  const li = document.createElement("li");
  li.setAttribute("role", "option");
  li.dataset.id = hit.id;
  if (!hit.in_store) { li.classList.add("absent"); li.title = "not in this store"; }
  const names = [hit.name, hit.name_ja].filter((n) => n && n !== hit.id);
  const id = document.createElement("span");
  id.className = "id";
  id.textContent = `${hit.id} · ${hit.kind}`;
  li.append([...new Set(names)].join(" / ") || hit.id, id);
  if (hit.in_store) li.addEventListener("click", () => choose(hit));
  if (index === 0) li.setAttribute("aria-selected", "true");
  return li;
}

// ---- the graph ----

function elementsOf(doc, at) {
  // Start on a circle: the force layout then needs no random jitter to pull
  // coincident nodes apart, so the same view is always drawn the same way.
  const ring = (i) => ({ x: 300 * Math.cos(i * 2.4), y: 300 * Math.sin(i * 2.4) });
  const nodes = doc.nodes.map((n, i) => ({
    position: at ? at.get(n.id) : ring(i),
    data: {
      id: n.id, shape: n.shape || "ellipse", kind: n.kind,
      label: n.name_ja && n.name_ja !== n.label ? `${n.label}\n${n.name_ja}` : n.label,
    },
    classes: n.id === doc.focus ? "focus" : "",
  }));
  const edges = doc.edges.map((e) => ({
    data: {
      id: `${e.source}|${e.relation}|${e.target}`, source: e.source, target: e.target,
      relation: e.relation, label: e.label, color: e.color, line: e.line,
      arrow: e.arrow === "none" ? "none" : "triangle",
      fill: e.arrow === "hollow" ? "hollow" : "filled", width: e.tie ? 3 : 1.5,
    },
  }));
  return nodes.concat(edges);
}

function styleFor(large) {
  const node = {
    shape: "data(shape)", label: "data(label)", "text-wrap": "wrap",
    "text-valign": "center", "font-size": 10, "min-zoomed-font-size": large ? 9 : 0,
    "background-color": "#f4f4f4", "border-width": 1, "border-color": "#555",
    width: large ? NODE : "label", height: large ? 18 : "label", padding: large ? 0 : 6,
  };
  // A large network's edges get only what a straight unlabelled line shows:
  // every style property is resolved per edge, so fewer is faster.
  const edge = { "line-color": "data(color)", "line-style": "data(line)", width: "data(width)" };
  if (large) {
    edge["curve-style"] = "haystack";
  } else {
    Object.assign(edge, {
      "curve-style": "bezier", "target-arrow-shape": "data(arrow)", "target-arrow-fill": "data(fill)",
      "target-arrow-color": "data(color)", "arrow-scale": 0.9,
      label: "data(label)", "font-size": 8, color: "data(color)",
      "text-rotation": "autorotate", "text-background-color": "#fafafa",
      "text-background-opacity": 0.8, "min-zoomed-font-size": 7,
    });
  }
  return [
    { selector: "node", style: node },
    { selector: "node.focus", style: { "border-width": 3, "border-color": "#111", "background-color": "#ffe9a8" } },
    { selector: "edge", style: edge },
    { selector: "edge:selected", style: { width: 5, "underlay-color": "#999", "underlay-opacity": 0.4, "underlay-padding": 3 } },
  ];
}

// Small networks get a force layout. A large one is placed here, in one pass
// (a Cytoscape layout ends by fitting the view, which measures every edge
// before the first frame): the focus in the middle, the others on rings
// around it, the best connected nearest; the view is set from the rings'
// size, so nothing is measured before the first frame.
const NODE = 28;  // a large network's node width (height 18): no label to fit
function layoutFor(large) {
  if (!large) return { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 90 };
  return { name: "preset", fit: false, animate: false };
}

// Positions on rings (focus first, then by degree, then id) and the radius
// of the outermost ring: deterministic, so a view is always drawn alike.
function rings(doc) {
  const degree = new Map(doc.nodes.map((n) => [n.id, 0]));
  for (const e of doc.edges) {
    degree.set(e.source, degree.get(e.source) + 1);
    degree.set(e.target, degree.get(e.target) + 1);
  }
  const order = doc.nodes.map((n) => n.id).sort((a, b) =>
    (b === doc.focus) - (a === doc.focus) || degree.get(b) - degree.get(a) || (a < b ? -1 : a > b ? 1 : 0));
  const at = new Map();
  const gap = NODE + 12;
  let ring = 0, left = 0, step = 0, angle = 0, radius = 0;
  for (const [i, id] of order.entries()) {
    if (i === 0 && id === doc.focus) { at.set(id, { x: 0, y: 0 }); continue; }
    if (left === 0) {
      ring += 1;
      radius = ring * gap * 1.6;
      left = Math.min(Math.floor((2 * Math.PI * radius) / gap), order.length - i);
      step = (2 * Math.PI) / left;
      angle = ring * 0.5;  // turn each ring a little, so spokes do not line up
    }
    at.set(id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    angle += step;
    left -= 1;
  }
  return { at, radius: radius + gap };
}

// The zoom and pan that show a disc of this radius around (0, 0).
function viewOf(radius) {
  const box = $("graph").getBoundingClientRect();
  const zoom = Math.min(4, Math.max(0.05, Math.min(box.width, box.height) / (2 * radius)));
  return { zoom, pan: { x: box.width / 2, y: box.height / 2 } };
}

function draw(doc) {
  const large = doc.edges.length > LARGE;
  const started = performance.now();
  if (cy) cy.destroy();
  const placed = large ? rings(doc) : null;
  cy = cytoscape(Object.assign({
    container: $("graph"), elements: elementsOf(doc, placed && placed.at), style: styleFor(large),
    layout: layoutFor(large), minZoom: 0.05, maxZoom: 4,
    hideEdgesOnViewport: large, textureOnViewport: large, pixelRatio: large ? 1 : "auto",
  }, placed ? viewOf(placed.radius) : {}));
  const built = performance.now();
  cy.on("tap", "node", (ev) => writeView({ actor: ev.target.id(), edge: "" }));
  cy.on("tap", "edge", (ev) => writeView({ edge: ev.target.id() }));
  window.cy = cy;  // for the browser test and the console
  return new Promise((resolve) => {
    // Two frames after the layout: the first paint of the canvas is done.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({
      build_ms: built - started, draw_ms: performance.now() - started,
    })));
  });
}

async function showEgo(view) {
  const p = filterParams(view);
  p.set("actor", view.actor);
  p.set("depth", view.depth);
  const query = p.toString();
  if (query === drawn) return;
  if (view.relation === "none") { status("no relation selected"); return; }
  status(`loading ${view.actor}…`);
  const t0 = performance.now();
  const doc = await api("/api/ego", p);
  const fetchMs = performance.now() - t0;
  const timing = await draw(doc);
  drawn = query;
  // Read by the browser test: fetch, build (elements, style, layout), first paint.
  window.explorerTiming = Object.assign({ fetch_ms: fetchMs, nodes: doc.nodes.length, edges: doc.edges.length }, timing);
  document.body.dataset.drawn = query;
  status(`${doc.focus}: ${doc.nodes.length} actors, ${doc.edges.length} relations ` +
    `(fetched in ${fetchMs.toFixed(0)} ms, drawn in ${timing.draw_ms.toFixed(0)} ms)`);
  showActor(doc.focus).catch((e) => status(e.message, true));
}

// ---- the side panel: an actor, or an edge's evidence ----

function heading(text) {
  const h = document.createElement("h2");
  h.textContent = text;
  return h;
}

async function showActor(id) {
  const a = await api(`/api/actor/${encodeURIComponent(id)}`);
  if (readView().edge) return;
  const p = document.createElement("p");
  p.textContent = `${a.kind}${a.country && a.country !== a.id ? ", " + a.country : ""} · ` +
    `${a.relations} relations with ${a.neighbours} actors, ${a.evidence} evidence records`;
  const aliases = document.createElement("p");
  aliases.className = "hint";
  aliases.textContent = a.aliases.slice(0, 12).join(", ");
  $("detail").replaceChildren(heading([a.name || a.id, a.name_ja].filter(Boolean).join(" / ")), p, aliases);
}

async function showEdge(view) {
  const [source, relation, target] = view.edge.split("|");
  const p = filterParams(view);
  p.set("source", source); p.set("relation", relation); p.set("target", target);
  const e = await api("/api/edge", p);
  const arrow = e.symmetric ? "↔" : "→";
  const summary = document.createElement("p");
  summary.textContent = `${e.evidence} records: ${e.asserted} asserted, ${e.hedged} hedged, ` +
    `${e.negated} denied, in ${e.articles} articles (${e.line})`;
  const list = document.createElement("ol");
  list.id = "evidence";
  list.dataset.edge = view.edge;
  list.append(...e.sentences.map(evidenceItem));
  $("detail").replaceChildren(heading(`${e.source} ${relation} ${arrow} ${e.target}`), summary, list);
  if (cy) { cy.edges().unselect(); cy.getElementById(view.edge).select(); }
}

function evidenceItem(s) {
  const li = document.createElement("li");
  const text = document.createElement("div");
  text.className = "sentence";
  for (const [on, name] of [[s.negated, "denied"], [s.hedged, "hedged"]]) {
    if (!on) continue;
    const f = document.createElement("span");
    f.className = `flag ${name}`;
    f.textContent = name;
    text.append(f);
  }
  text.append(s.text);
  const meta = document.createElement("div");
  meta.className = "meta";
  // Only web addresses become links: a stored `javascript:` URL stays text.
  const title = s.title || s.article;
  if (s.url && /^https?:\/\//i.test(s.url)) {
    const a = document.createElement("a");
    a.href = s.url; a.textContent = title; a.target = "_blank"; a.rel = "noopener noreferrer";
    meta.append(a);
  } else {
    meta.append(title);
  }
  const extra = [s.date, s.attributed_to.length ? `according to ${s.attributed_to.join(", ")}` : ""];
  meta.append(" · " + extra.filter(Boolean).join(" · "));
  li.append(text, meta);
  return li;
}

// ---- start ----

async function render() {
  const view = readView();
  showControls(view);
  if (!view.actor) return;
  try {
    await showEgo(view);
    if (view.edge) await showEdge(view);
  } catch (e) {
    status(e.message, true);
  }
}

async function start() {
  const stats = await api("/api/stats");
  store.colors = stats.colors;
  store.relations = Object.keys(stats.relations);
  [store.first, store.last] = stats.dates || [null, null];
  setUpRelations();
  setUpDates();
  setUpToggles();
  setUpSearch();
  window.addEventListener("hashchange", render);
  status(`${stats.store}: ${stats.actors} actors, ${stats.edges} relations, ${stats.evidence} evidence records`);
  await render();
}

start().catch((e) => status(e.message, true));
