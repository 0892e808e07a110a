// Drag → redraw (issue 21): on lesson 5 with a liveness probe, `periodSeconds` dragged with
// the mouse back and forth, one step (8 px) per move, 200 moves; each timed from its pointer
// event to the result region's update (`dom`) and to the next painted frame (`frame`), in ms.
import { pasteUntilPod, closePrediction } from "../e2e/app.mjs";

const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 20
`;

export async function measureDrag(page, moves = 200) {
  await closePrediction(page);
  await pasteUntilPod(page, LIVENESS, "liveness-exec");
  await page.waitForSelector(".cm-podlab-scrub[data-scrub=periodSeconds]", { timeout: 5000 });
  await page.evaluate(() => {
    window.__lat = { dom: [], frame: [] };
    document.addEventListener("pointermove", () => (window.__t0 = performance.now()), true);
    new MutationObserver(() => {
      if (window.__t0 === undefined) return;
      const t0 = window.__t0;
      window.__t0 = undefined;
      window.__lat.dom.push(performance.now() - t0);
      requestAnimationFrame(() => setTimeout(() => window.__lat.frame.push(performance.now() - t0), 0));
    }).observe(document.querySelector("section.result"), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const box = await page.locator(".cm-podlab-scrub[data-scrub=periodSeconds]").boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Past the dead zone first (that move changes the value too: it is measured as well).
  for (let i = 0; i < moves; i++) {
    // 20 → 30 → 20 … in steps: right for ten moves, left for ten.
    const k = i % 20 < 10 ? (i % 20) + 1 : 19 - (i % 20);
    await page.mouse.move(x + k * 8 + 2, y);
    await page.waitForFunction((n) => window.__lat.frame.length >= n, i + 1, { timeout: 5000 });
  }
  await page.mouse.up();
  return page.evaluate(() => window.__lat);
}
