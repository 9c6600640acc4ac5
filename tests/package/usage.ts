// A page author's TypeScript using the npm package (tests/package, run by `cargo xtask test`):
// type-checked against the package's declarations with the pinned TypeScript, then bundled with
// esbuild and loaded in Chromium by load.test.mjs. The element comes from the package's
// `exports`; the wasm is found next to the package's loader.
import "role-compare";
import type { RoleCompareChangeDetail, RoleCompareElement, RoleCompareState } from "role-compare";

const log: string[] = [];
const element: RoleCompareElement = document.createElement("role-compare");
element.setAttribute("roles", "cio ciso");
element.setAttribute("loading", "eager");
element.addEventListener("role-compare-ready", () => {
  const state: RoleCompareState | null = element.state;
  log.push(`ready ${state ? state.roles.join(" ") : "none"}`);
  // Setting `state` replaces every filter: keep the rest of the current one.
  if (state) element.state = { ...state, mode: "differences" };
});
element.addEventListener("role-compare-change", (event) => {
  const detail: RoleCompareChangeDetail = event.detail;
  log.push(`change ${detail.mode} ${detail.visibleRows > 0 ? "rows" : "empty"}`);
});
element.addEventListener("role-compare-error", (event) => log.push(`error ${event.detail.where}`));
// The types refuse what the element does not accept.
// @ts-expect-error: "loud" is not a mode
const wrong: RoleCompareState["mode"] = "loud";
void wrong;
document.body.append(element);
(window as unknown as { __usage: string[] }).__usage = log;
