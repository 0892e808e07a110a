// Saved progress as a file: `download(name, text)` saves a text as a file the learner keeps;
// `readFile(input, done)` reads the file chosen in an <input type=file> and calls
// done(text) — or done(null) when it cannot be read. Nothing leaves the browser.

export function download(name, text) {
  const url = URL.createObjectURL(new Blob([String(text)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = String(name);
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function readFile(input, done) {
  const file = input && input.files && input.files[0];
  if (!file) return;
  // Saved progress is small; anything much larger is not podlab's.
  if (file.size > 8 * 1024 * 1024) {
    done(null);
    return;
  }
  file.text().then(
    (text) => done(text),
    () => done(null),
  );
}
