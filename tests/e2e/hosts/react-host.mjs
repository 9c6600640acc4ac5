// A React 19 host app, bundled by tests/e2e/reliability.test.mjs with esbuild. It renders
// <role-compare> before role-compare.js is loaded, the way an app that lazy-loads the widget's
// script does: `byRef` gives the dataset through a ref (a property set on the element), `byProp`
// as a JSX prop (which React 19 writes as an attribute while the element is undefined).
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";

function App({ dataset, how }) {
  if (how === "byRef") {
    return h("role-compare", { loading: "eager", ref: (el) => el && (el.data = dataset) });
  }
  return h("role-compare", { loading: "eager", data: dataset });
}

let root = null;
window.renderReact = (dataset, how) => {
  root ??= createRoot(document.getElementById("app"));
  flushSync(() => root.render(h(App, { dataset, how })));
};
