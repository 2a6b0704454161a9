// Rating pages (self-evaluation and rater feedback): save the page's answers in the
// background shortly after a rating is chosen, so a closed tab or a dropped connection
// loses nothing. One save at a time; a burst of clicks makes one request. The buttons
// still save and move on as they do without script.
const DELAY_MS = 400;
const form = document.querySelector("form[data-autosave-ratings]");

function clock(date) {
  return date.toTimeString().slice(0, 5);
}

if (form) {
  const status = form.querySelector("[data-ratings-status]");
  let timer = null;
  let running = null;
  let again = false;
  let submitting = false;

  const save = async () => {
    if (submitting) return;
    if (running) {
      again = true;
      return;
    }
    running = fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
    });
    try {
      const response = await running;
      if (!response.ok) throw new Error(String(response.status));
      status.textContent = status.dataset.savedText.replace("TIME", clock(new Date()));
    } catch {
      status.textContent = status.dataset.failedText;
    } finally {
      running = null;
      if (again) {
        again = false;
        save();
      }
    }
  };

  form.addEventListener("change", (event) => {
    if (event.target.type !== "radio") return;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  form.addEventListener("submit", () => {
    submitting = true;
    clearTimeout(timer);
  });
}
