// The statement picker: search frameworks as you type instead of scrolling a list of
// hundreds. Without this script the Search button submits the form and the server shows
// the results; with it, results arrive as the person types, and a ticked result moves up
// into the chosen list so a new search never loses it.
const DELAY_MS = 250;

function setUp(picker) {
  const query = picker.querySelector("[data-picker-query]");
  const framework = picker.querySelector("[data-picker-framework]");
  const button = picker.querySelector("[data-picker-button]");
  const results = picker.querySelector("[data-picker-results]");
  const chosen = picker.querySelector("[data-picker-chosen]");
  const none = picker.querySelector("[data-picker-none]");
  let timer = null;
  let latest = 0;

  const chosenIds = () =>
    Array.from(chosen.querySelectorAll("input[type=checkbox]")).map((box) => box.value);

  const search = async () => {
    clearTimeout(timer);
    const params = new URLSearchParams({
      q: query.value,
      framework: framework.value,
      name: picker.dataset.fieldName,
      exclude: chosenIds().join(","),
    });
    const ticket = ++latest;
    try {
      const response = await fetch(`${picker.dataset.searchUrl}?${params}`, {
        credentials: "same-origin",
      });
      if (response.ok && ticket === latest) {
        results.innerHTML = await response.text();
      }
    } catch {
      // Offline: the Search button still works once the connection is back.
    }
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(search, DELAY_MS);
  };

  query.addEventListener("input", later);
  framework.addEventListener("change", search);
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault(); // search, do not submit the whole form
      search();
    }
  });
  // The Search button submits only without this script. As a plain button it is no
  // longer the form's default, so Enter in any other field saves the form again.
  button.type = "button";
  button.addEventListener("click", (event) => {
    event.preventDefault();
    search();
  });
  results.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches("input[type=checkbox]") && box.checked) {
      chosen.appendChild(box.closest(".govuk-checkboxes__item"));
      none.classList.add("govuk-visually-hidden");
    }
  });
}

document.querySelectorAll("[data-statement-picker]").forEach(setUp);
