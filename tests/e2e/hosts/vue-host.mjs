// A Vue 3 host app, bundled by tests/e2e/reliability.test.mjs with esbuild. It renders
// <role-compare> before role-compare.js is loaded; the dataset is bound with the `.prop`
// modifier (`:data.prop="dataset"` in a template, `".data"` in a render function), so Vue sets
// the property even though the element is not defined yet.
import { createApp, h, reactive } from "vue";

const state = reactive({ dataset: null });
window.renderVue = (dataset) => {
  state.dataset = dataset;
  if (!window.__vueApp) {
    window.__vueApp = createApp({ render: () => h("role-compare", { loading: "eager", ".data": state.dataset }) });
    window.__vueApp.mount("#app");
  }
};
