// Rating pages (self-evaluation and rater feedback): save the page's answers in the
// background each time a rating is chosen, so a closed tab or a dropped connection
// loses nothing. The buttons still save and move on as they do without script.
const form = document.querySelector("form[data-autosave-ratings]");

function clock(date) {
  return date.toTimeString().slice(0, 5);
}

async function save(status) {
  try {
    const response = await fetch(form.action || window.location.href, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Autosave": "1" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(String(response.status));
    status.textContent = status.dataset.savedText.replace("TIME", clock(new Date()));
  } catch {
    status.textContent = status.dataset.failedText;
  }
}

if (form) {
  const status = form.querySelector("[data-ratings-status]");
  form.addEventListener("change", (event) => {
    if (event.target.type === "radio") save(status);
  });
}
