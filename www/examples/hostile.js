// Host scripts that patch built-ins and swallow events, run before the widget loads.
// (Each patch keeps the original behaviour reachable, as real-world polyfills and trackers do.)
(function () {
  const push = Array.prototype.push;
  Array.prototype.push = function (...items) { return push.apply(this, items); };
  Array.prototype.extraEnumerable = function () {};
  Object.prototype.polluted = "yes";
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) { return add.call(this, type, fn, opts); };
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) { return parse(text, reviver); };
  // Swallow every click and key event once it bubbles up to the document.
  document.addEventListener("click", (e) => e.stopPropagation());
  document.addEventListener("keydown", (e) => e.stopPropagation());
  window.hostileReady = true;
})();
