// The export page asks the server how the file is coming along every few seconds,
// moves the progress bar, and shows the download once the file is ready. Without this
// script the page has a "Check again" link.
const INTERVAL_MS = 2000;

function watch(box) {
  const bar = box.querySelector("progress");
  const stage = box.querySelector("[data-export-stage]");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.exportStatusUrl, { credentials: "same-origin" });
      if (response.ok) {
        const state = await response.json();
        bar.value = state.progress;
        bar.textContent = `${state.progress}%`;
        if (stage.textContent !== state.stage) stage.textContent = state.stage;
        if (state.finished) {
          window.location.reload();
          return;
        }
      }
    } catch {
      // A dropped connection: try again at the next tick.
    }
    setTimeout(poll, INTERVAL_MS);
  };
  setTimeout(poll, INTERVAL_MS);
}

document.querySelectorAll("[data-export-status-url]").forEach(watch);
