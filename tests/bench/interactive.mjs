// The time-to-interactive marker both benchmarks use: `window.__interactive` is set when
// every selector is on the page. For podlab: the editor, the pod as parsed, and its
// simulated run (timeline and the kubectl view).
export const PODLAB_READY = ["[data-testid=yaml-editor]", "[data-testid=pod-name]", "[data-testid=timeline-svg]", "[data-testid=view-output]"];

export function markInteractive(page, ready = PODLAB_READY) {
  return page.addInitScript((ready) => {
    new MutationObserver((_, obs) => {
      if (ready.every((s) => document.querySelector(s))) {
        window.__interactive = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, ready);
}
