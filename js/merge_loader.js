// Loads the diff view's bundle (js/merge_view.js → merge_view.js beside editor.js) on first
// use, from the same origin, and shows a diff with it: `showDiff(parent, options)` returns
// { destroy } at once; `options.onError(message)` is called if the bundle cannot be loaded.

// Where this bundle was loaded from: the diff's bundle sits beside it.
const here = document.currentScript && document.currentScript.src ? document.currentScript.src : document.baseURI;
let loading = null;

function loadMerge() {
  if (window.PodlabMerge) return Promise.resolve(window.PodlabMerge);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("merge_view.js", here).href;
      script.onload = () =>
        window.PodlabMerge ? resolve(window.PodlabMerge) : reject(new Error("the diff view did not start"));
      script.onerror = () => {
        loading = null;
        script.remove();
        reject(new Error("the diff view could not be loaded"));
      };
      document.head.append(script);
    });
  }
  return loading;
}

export function showDiff(parent, options) {
  let view = null;
  let gone = false;
  loadMerge().then(
    (merge) => {
      if (!gone) view = merge.open(parent, options || {});
    },
    (err) => {
      if (!gone && options && typeof options.onError === "function") options.onError(String(err.message || err));
    },
  );
  return {
    destroy() {
      gone = true;
      if (view) view.destroy();
      view = null;
    },
  };
}
