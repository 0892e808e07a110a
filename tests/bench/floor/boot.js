// Loads the floor as podlab's start-up script loads podlab: compile while the page loads,
// wait for the editor bundle, start the app, then place the editor.
import init from "./floor.js";
const compiled = WebAssembly.compileStreaming(fetch("./floor_bg.wasm")).catch(() => null);
if (!window.makeFloorEditor) await new Promise((r) => addEventListener("floor-editor", r, { once: true }));
await init({ module_or_path: (await compiled) ?? "./floor_bg.wasm" });
const host = document.createElement("div");
host.setAttribute("data-testid", "yaml-editor");
document.body.append(host);
window.makeFloorEditor(host);
