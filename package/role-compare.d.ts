// TypeScript declarations for the <role-compare> custom element (package/role-compare.d.ts,
// shipped in the npm package). Importing the package's entry defines the element as a side
// effect; these types describe what a page or an app sees of it. The names of the attributes,
// events, parts and CSS custom properties are the README's tables: tests/package/main.rs checks
// that this file lists exactly those, and custom-elements.json is generated from the README.

/** Role ids of the bundled dataset (a host dataset may use others). */
export type RoleCompareBundledRole = "cio" | "ciso" | "cso";

/** Which statements are shown. */
export type RoleCompareMode = "all" | "differences" | "shared";

/** Whether each section's sourced detail is folded (`summary`) or open (`full`). */
export type RoleCompareDetail = "summary" | "full";

/** The current filters: the `state` property, the `sync-url` hash and the change event's base. */
export interface RoleCompareState {
  /** Every compared role id, in dataset order (set: an empty or missing list means the default). */
  roles: string[];
  /** Every shown section (facet) id, in dataset order. */
  facets: string[];
  mode: RoleCompareMode;
  search: string;
  dutyTopic: string | null;
  issuer: string | null;
  suits: string | null;
  target: string | null;
  detail: RoleCompareDetail;
}

/** What may be assigned to `state`: any subset; missing keys keep their defaults. */
export type RoleCompareStateInput = Partial<RoleCompareState>;

/** A citation of a source, optionally with the section it comes from. */
export interface RoleCompareCitation {
  source: string;
  at?: string | null;
}

/** A dataset in the documented format (docs/DATASET.md, docs/dataset.schema.json). */
export interface RoleCompareDataset {
  format: 1;
  version: string;
  last_reviewed: string;
  title?: string | null;
  sources: Array<{ id: string; kind: string; title: string; [field: string]: unknown }>;
  facets: Array<{ id: string; label: string; topics: Array<{ id: string; label: string }>; [field: string]: unknown }>;
  roles: Array<{ id: string; abbr: string; name: string; summary: string; [field: string]: unknown }>;
  claims: Array<{ id: string; roles: string[]; facet: string; topic: string; text: string; sources: RoleCompareCitation[]; [field: string]: unknown }>;
  conflicts?: unknown[];
  key_lines?: unknown[];
}

/** `role-compare-ready`'s detail. */
export type RoleCompareReadyDetail = Record<string, never>;

/** `role-compare-change`'s detail: the state plus what the filters show. */
export interface RoleCompareChangeDetail extends RoleCompareState {
  visibleRows: number;
  visibleStatements: number;
}

/** `role-compare-error`'s detail. */
export interface RoleCompareErrorDetail {
  what: string;
  where: "load" | "src" | "data" | "inline";
  /** Every validator message with its JSON path (`claims[5].sources[0]: unknown source "s9"`). */
  problems?: string[];
}

/** The element's attributes (all live), as the README's Attributes table lists them. */
export interface RoleCompareAttributes {
  roles?: string;
  facets?: string;
  mode?: RoleCompareMode;
  detail?: RoleCompareDetail;
  search?: string;
  "heading-level"?: "1" | "2" | "3" | "4" | "5" | "6";
  theme?: "auto" | "light" | "dark";
  src?: string;
  "src-timeout"?: string;
  loading?: "lazy" | "eager";
  "sync-url"?: "" | boolean;
}

/** Names for `role-compare::part(name)`. */
export type RoleComparePart =
  | "root" | "skip-link" | "controls" | "reset" | "keys" | "count" | "empty" | "error" | "scroll" | "table"
  | "role-header" | "badge" | "citation" | "popover" | "conflict" | "chart" | "export"
  | "sources" | "meta";

/** The CSS custom properties the widget reads (set on the element or an ancestor). */
export type RoleCompareCssProperty =
  | "--role-compare-accent" | "--role-compare-text" | "--role-compare-muted"
  | "--role-compare-background" | "--role-compare-surface" | "--role-compare-border"
  | "--role-compare-shared" | "--role-compare-differs" | "--role-compare-only"
  | "--role-compare-warning" | "--role-compare-mark" | "--role-compare-focus"
  | "--role-compare-font" | "--role-compare-font-size" | "--role-compare-radius"
  | "--role-compare-spacing" | "--role-compare-max-height" | "--role-compare-sticky-top";

/** The events the element fires (they bubble and are composed). */
export interface RoleCompareEventMap {
  "role-compare-ready": CustomEvent<RoleCompareReadyDetail>;
  "role-compare-change": CustomEvent<RoleCompareChangeDetail>;
  "role-compare-error": CustomEvent<RoleCompareErrorDetail>;
}

/** The `<role-compare>` element. */
export interface RoleCompareElement extends HTMLElement {
  /** A dataset set directly (read as `JSON.stringify` writes it); `undefined` when not set. */
  data: RoleCompareDataset | undefined;
  /** The current filters (`null` before the widget has started and none were set). */
  get state(): RoleCompareState | null;
  set state(value: RoleCompareStateInput | null);
  addEventListener<K extends keyof RoleCompareEventMap>(
    type: K,
    listener: (this: RoleCompareElement, event: RoleCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof RoleCompareEventMap>(
    type: K,
    listener: (this: RoleCompareElement, event: RoleCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "role-compare": RoleCompareElement;
  }
  interface HTMLElementEventMap extends RoleCompareEventMap {}
}

export {};
