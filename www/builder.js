// builder.js: the embed-code builder (builder.html). It reads the form, shows the configuration
// live in a <role-compare> element, and writes the code for each way in: the element (with a
// static fallback that matches the configuration), the iframe, and the offline file.
//
// Where the fallback comes from (the design): the widget's own first render. For each
// configuration the builder mounts a fresh preview element and, once it is ready, copies what it
// draws for print (a folded section's rows are built only when it opens, or while the page
// prints: the builder fires `beforeprint` around the copy) and applies the differences between a live first render and `prerender::fallback` (the
// server-side render the CLI and the build print):
//   - the controls, the "Open all" button, the export bar and each section's "Show detail"
//     button carry `hidden` (the `.rc-controls`, `.rc-detail-all`, `.rc-export` and `.rc-fold`
//     classes: src/style.css shows exactly these inside the shadow root, so the upgrade does not
//     move anything; without JavaScript, where they cannot work, they stay hidden);
//   - form state the live DOM keeps in properties (checked, value, selected) is written as
//     attributes, as the server renderer writes it;
//   - ids use the first widget's prefix (`rc1-`), as the fallback does, whatever number the
//     preview element got on this page;
//   - headings take the configured level: the preview is always drawn at PREVIEW_LEVEL (under
//     this page's h2 "Live preview", so the page's outline holds), and its two heading levels
//     (the widget's, and its sections' one below, at most 6) map onto the configured ones.
// The result is the same DOM as `role-compare prerender` prints for that configuration
// (tests/e2e/builder.test.mjs compares them node for node), and it costs the wasm no bytes: the
// alternative, a prerender entry point exported by the wasm, would add the server renderer's
// code to every page's download. A host dataset is read by the builder (same-origin only, under
// this page's Content-Security-Policy) and handed to the preview as its `data` property, which
// goes through the same reader and validator as `src`; where the builder cannot read it, it says
// so and gives the CLI command that prerenders from the file.
const TAG = "role-compare";
const PREVIEW_LEVEL = 3;
const form = document.getElementById("options");
const preview = document.getElementById("preview");
const previewStatus = document.getElementById("preview-status");
const srcStatus = document.getElementById("src-status");
const copyStatus = document.getElementById("copy-status");
const codes = {
  element: document.getElementById("element-code"),
  iframe: document.getElementById("iframe-code"),
  offline: document.getElementById("offline-code"),
};
const here = new URL("./", import.meta.url);
const base = document.getElementById("base");
base.value = here.href;

// The bundled lists, as builder.html writes them, to put back when a host dataset is cleared.
const bundledLists = {
  roles: [...document.querySelectorAll('[data-list="roles"] input')].map((i) => ({ id: i.value, abbr: i.parentElement.textContent.trim(), name: i.parentElement.querySelector("abbr")?.title ?? "" })),
  facets: [...document.querySelectorAll('[data-list="facets"] input')].map((i) => ({ id: i.value, label: i.parentElement.textContent.trim() })),
};
// The dataset the form lists now: null for the bundled one, else { url, text, json }.
let hostDataset = null;
// Each render has a number; a slower earlier one never overwrites a later one.
let generation = 0;
let latest = null;

// The form as the element's attributes, in the README's order, defaults left out.
function configuration() {
  const data = new FormData(form);
  const all = (name) => form.querySelectorAll(`input[name="${name}"]`).length;
  const attributes = [];
  const roles = data.getAll("role");
  if (roles.length >= 2 && roles.length < all("role")) attributes.push(["roles", roles.join(" ")]);
  const facets = data.getAll("facet");
  if (facets.length > 0 && facets.length < all("facet")) attributes.push(["facets", facets.join(" ")]);
  for (const [name, fallback] of [["mode", "all"], ["detail", "summary"]]) {
    const value = data.get(name);
    if (value && value !== fallback) attributes.push([name, value]);
  }
  const search = String(data.get("search") ?? "").trim();
  if (search) attributes.push(["search", search]);
  const level = data.get("heading-level");
  if (level && level !== "2") attributes.push(["heading-level", level]);
  const headingLevel = Math.min(6, Math.max(1, Number(level) || 2));
  const theme = data.get("theme");
  if (theme && theme !== "auto") attributes.push(["theme", theme]);
  const src = String(data.get("src") ?? "").trim();
  if (src) attributes.push(["src", src]);
  const height = Math.min(20000, Math.max(200, Number(data.get("height")) || 900));
  let root = String(data.get("base") ?? "").trim() || here.href;
  if (!root.endsWith("/")) root += "/";
  const firstScreen = data.get("first-screen") === "on";
  return { attributes, roles, height, root, src, level: headingLevel, firstScreen };
}

function escapeAttribute(value) {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function tag(attributes, extra = []) {
  const all = [...extra, ...attributes];
  return `<${TAG}${all.map(([n, v]) => (v === "" ? ` ${n}` : ` ${n}="${escapeAttribute(v)}"`)).join("")}>`;
}

// A copy of the preview's first render, turned into the fallback (see the header comment).
function fallbackFrom(element, level) {
  const mount = element.shadowRoot?.querySelector(".rc-mount");
  if (!mount || !mount.firstElementChild) throw new Error("the preview has not rendered");
  const live = [...mount.querySelectorAll("input, option, textarea")];
  const holder = document.createElement("div");
  holder.setAttribute("data-role-compare-fallback", "");
  holder.append(...[...mount.childNodes].map((n) => n.cloneNode(true)));
  const copies = [...holder.querySelectorAll("input, option, textarea")];
  live.forEach((node, i) => {
    const copy = copies[i];
    if (node instanceof HTMLOptionElement) {
      copy.toggleAttribute("selected", node.selected);
    } else if (node.type === "checkbox" || node.type === "radio") {
      copy.toggleAttribute("checked", node.checked);
    } else {
      copy.setAttribute("value", node.value);
    }
  });
  for (const el of holder.querySelectorAll(".rc-controls, .rc-detail-all, .rc-export, .rc-fold")) el.setAttribute("hidden", "hidden");
  const levels = new Map([
    [String(PREVIEW_LEVEL), String(level)],
    [String(PREVIEW_LEVEL + 1), String(Math.min(level + 1, 6))],
  ]);
  for (const el of holder.querySelectorAll('[role="heading"][aria-level]')) {
    const to = levels.get(el.getAttribute("aria-level"));
    if (to === undefined) throw new Error(`unexpected heading level ${el.getAttribute("aria-level")} in the preview`);
    el.setAttribute("aria-level", to);
  }
  const prefix = holder.querySelector("[id]")?.id.match(/^(rc\d+)-/)?.[1];
  if (prefix && prefix !== "rc1") {
    // Id references: the id-valued attributes (token lists, `#` links) and SVG's `url(#…)`;
    // never text a dataset put into an attribute (a title, a label).
    const ids = new Set(["id", "for", "name", "headers", "href", "list", "aria-controls", "aria-describedby", "aria-labelledby", "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage"]);
    const token = new RegExp(`(^|[\\s#])${prefix}-`, "g");
    const url = new RegExp(`url\\(#${prefix}-`, "g");
    for (const el of holder.querySelectorAll("*")) {
      for (const { name, value } of [...el.attributes]) {
        if (!value.includes(`${prefix}-`)) continue;
        const next = ids.has(name) ? value.replace(token, "$1rc1-") : value.replace(url, "url(#rc1-");
        if (next !== value) el.setAttribute(name, next);
      }
    }
  }
  return holder.outerHTML;
}

// Reads a host dataset the way the widget reads `src`, within what this page may fetch.
async function readDataset(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new Error(`"${src}" is not a URL`);
  }
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch (error) {
    const foreign = url.origin !== location.origin;
    throw new Error(
      foreign
        ? `this page may read only its own site (${location.origin}), so it cannot read ${url.href}`
        : `could not read ${url.href} (${error.message})`,
    );
  }
  if (!response.ok) throw new Error(`${url.href} answered HTTP ${response.status}`);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${url.href} is not JSON (${error.message})`);
  }
  return { url: url.href, text, json };
}

// Replaces a choice list with a dataset's roles or facets, keeping what was checked where it
// still exists.
function fillList(list, items, name, label) {
  const box = form.querySelector(`[data-list="${list}"]`);
  const checked = new Set(new FormData(form).getAll(name));
  const keep = items.some((item) => checked.has(item.id));
  box.replaceChildren(
    ...items.map((item) => {
      const labelEl = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox";
      input.name = name;
      input.value = item.id;
      input.checked = keep ? checked.has(item.id) : true;
      if (list === "roles") input.setAttribute("aria-describedby", "roles-hint");
      labelEl.append(input, " ", label(item));
      return labelEl;
    }),
  );
}

function abbr(role) {
  const el = document.createElement("abbr");
  el.title = role.name ?? "";
  el.textContent = role.abbr ?? role.id;
  return el;
}

function useLists(json) {
  const roles = Array.isArray(json?.roles) ? json.roles.filter((r) => typeof r?.id === "string") : bundledLists.roles;
  const facets = Array.isArray(json?.facets) ? json.facets.filter((f) => typeof f?.id === "string") : bundledLists.facets;
  fillList("roles", roles, "role", abbr);
  fillList("facets", facets, "facet", (f) => String(f.label ?? f.id));
}

function frame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

// Mounts a preview for the configuration and writes the code from its first render.
async function render() {
  const number = ++generation;
  const config = configuration();
  previewStatus.textContent = "Updating the preview…";
  let dataset = null;
  if (config.src) {
    try {
      dataset = hostDataset?.url === new URL(config.src, document.baseURI).href ? hostDataset : await readDataset(config.src);
    } catch (error) {
      if (number !== generation) return;
      srcStatus.textContent = `The builder cannot read this dataset: ${error.message}. The preview shows the bundled comparison. Make the static copy from the file with the command line: role-compare prerender --data FILE.json ${config.attributes.filter(([n]) => n !== "src" && n !== "theme").map(([n, v]) => `--${n} '${v.replaceAll("'", "'\\''")}'`).join(" ")} --element --src '${config.src}'`;
      dataset = null;
      if (hostDataset) {
        hostDataset = null;
        useLists(null);
      }
    }
    if (number !== generation) return;
    if (dataset && dataset !== hostDataset) {
      hostDataset = dataset;
      useLists(dataset.json);
      render();
      return;
    }
  } else if (hostDataset) {
    hostDataset = null;
    srcStatus.textContent = "";
    useLists(null);
    render();
    return;
  }
  const element = document.createElement(TAG);
  for (const [name, value] of config.attributes) if (name !== "src" && name !== "heading-level") element.setAttribute(name, value);
  element.setAttribute("heading-level", String(PREVIEW_LEVEL));
  element.setAttribute("loading", "eager");
  if (dataset) element.data = dataset.json;
  const problems = [];
  element.addEventListener(`${TAG}-error`, (e) => problems.push(...(e.detail.problems?.length ? e.detail.problems : [e.detail.what])));
  const ready = new Promise((resolve) => element.addEventListener(`${TAG}-ready`, resolve, { once: true }));
  preview.replaceChildren(element);
  await ready;
  await frame();
  await frame();
  if (number !== generation) return;
  if (dataset) {
    srcStatus.textContent = problems.length
      ? `This dataset has problems, so the widget would show the bundled comparison: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` … and ${problems.length - 5} more` : ""}. Check it with: role-compare check FILE.json`
      : `Read ${dataset.url}: the preview and the static copy use it.`;
  }
  // Every section's rows, as the page would print them (see the header comment).
  window.dispatchEvent(new Event("beforeprint"));
  await frame();
  let fallback;
  try {
    fallback = fallbackFrom(element, config.level);
  } finally {
    window.dispatchEvent(new Event("afterprint"));
  }
  if (number !== generation) return;
  latest = { config, fallback, dataset: problems.length ? null : dataset };
  writeCode(latest);
  previewStatus.textContent = "Preview and code are up to date.";
}

function writeCode({ config, fallback, dataset }) {
  const { attributes, root, height } = config;
  const stylesheet = new URL("role-compare.css", root).href;
  const fallbackNote = config.src && !dataset ? `<!-- Fallback: run \`role-compare prerender --data YOUR-DATASET.json … --element --stylesheet ${stylesheet}\` to make one from your dataset. -->\n` : "";
  // In the first screen, the glue and the wasm download with the page instead of after the
  // loader has run (the loader's own requests then take the preloaded responses).
  const preload = config.firstScreen
    ? `<link rel="modulepreload" href="${escapeAttribute(new URL("role_compare.js", root).href)}">\n` +
      `<link rel="preload" href="${escapeAttribute(new URL("role_compare_bg.wasm", root).href)}" as="fetch" type="application/wasm" crossorigin>\n`
    : "";
  codes.element.value =
    preload +
    `<script type="module" src="${escapeAttribute(new URL("role-compare.js", root).href)}"></script>\n` +
    `${tag(attributes)}\n${fallbackNote}${config.src && !dataset ? "" : `${declarative(fallback, stylesheet)}\n`}</${TAG}>`;

  const query = new URLSearchParams(attributes).toString();
  const title = `${names(config)} compared`;
  codes.iframe.value =
    `<iframe src="${escapeAttribute(new URL(`embed.html${query ? `?${query}` : ""}`, root).href)}" data-role-compare\n` +
    `        title="${escapeAttribute(title)}" style="width: 100%; height: ${height}px; border: 0"></iframe>\n` +
    `<script type="module" src="${escapeAttribute(new URL("role-compare-frame.js", root).href)}"></script>`;

  codes.offline.value = offlineElement(latest);
}

// The fallback in a declarative shadow root that links the widget's stylesheet: styled at first
// paint, never copied by the loader (the same markup as `prerender::Fallback::declarative`;
// NO_SCRIPT is its NO_SCRIPT_MARKER, which the stylesheet's no-JS rules key on).
const NO_SCRIPT = '<noscript><i class="rc-nojs"></i></noscript>';
function declarative(fallback, stylesheet) {
  return `<template shadowrootmode="open"><link rel="stylesheet" href="${escapeAttribute(stylesheet)}">${NO_SCRIPT}${fallback}</template>`;
}

// The compared roles' abbreviations, for the iframe's title.
function names(config) {
  const boxes = [...form.querySelectorAll('input[name="role"]')];
  const chosen = config.roles.length >= 2 ? boxes.filter((b) => b.checked) : boxes;
  const abbrs = chosen.map((b) => b.parentElement.textContent.trim());
  return abbrs.length > 1 ? `${abbrs.slice(0, -1).join(", ")} and ${abbrs.at(-1)}` : "Roles";
}

// The offline file's element: eager (the file is the page), and a host dataset inline, since a
// file:// page cannot fetch one.
function offlineElement({ config, fallback, dataset }) {
  const attributes = config.attributes.filter(([n]) => n !== "src");
  const inline = dataset ? `<script type="application/json">${dataset.text.replaceAll("</", "<\\/")}</script>\n` : "";
  return `${tag(attributes, [["loading", "eager"]])}\n${inline}${fallback}\n</${TAG}>`;
}

async function download() {
  if (!latest) return;
  copyStatus.textContent = "Preparing the offline file…";
  try {
    const response = await fetch(new URL("role-compare-offline.html", here));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const page = await response.text();
    const start = page.indexOf(`<${TAG} loading="eager">`);
    const end = page.indexOf(`</${TAG}>`, start);
    if (start < 0 || end < 0) throw new Error("role-compare-offline.html has no element to replace");
    const file = page.slice(0, start) + offlineElement(latest) + page.slice(end + `</${TAG}>`.length);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([file], { type: "text/html" }));
    link.download = "role-compare-offline.html";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    copyStatus.textContent = "Downloaded role-compare-offline.html with this configuration.";
  } catch (error) {
    copyStatus.textContent = `Could not prepare the offline file: ${error.message}`;
  }
}

async function copy(id) {
  const area = document.getElementById(id);
  const what = area.getAttribute("aria-labelledby") ? document.getElementById(area.getAttribute("aria-labelledby")).textContent : "code";
  try {
    await navigator.clipboard.writeText(area.value);
    copyStatus.textContent = `Copied: ${what}.`;
  } catch {
    // No clipboard permission (or no secure context): select it for the reader to copy.
    area.focus();
    area.select();
    copyStatus.textContent = `Selected: ${what}. Press Ctrl+C (or Cmd+C) to copy.`;
  }
}

let timer = 0;
function schedule(delay = 250) {
  clearTimeout(timer);
  timer = setTimeout(render, delay);
}
form.addEventListener("input", (e) => schedule(e.target.type === "text" || e.target.type === "search" || e.target.type === "number" ? 600 : 100));
form.addEventListener("change", () => schedule(100));
form.addEventListener("submit", (e) => {
  e.preventDefault();
  schedule(0);
});
for (const button of document.querySelectorAll("button.copy")) button.addEventListener("click", () => copy(button.dataset.copy));
document.getElementById("download").addEventListener("click", download);
customElements.whenDefined(TAG).then(() => render());
