// Another library claimed <role-compare> first.
customElements.define("role-compare", class extends HTMLElement {});
