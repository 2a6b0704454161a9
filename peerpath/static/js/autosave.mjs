// Autosave for long text. Every textarea with data-autosave-key:
//  - keeps a copy in this browser on every keystroke (survives a closed tab, a crash,
//    or a session that ended while the person was typing);
//  - sends the text to the server a few seconds after typing stops and on leaving the
//    box (survives a change of device or browser);
//  - on page load, puts back a browser copy that is newer than what the server has;
//  - shows a live word count against data-min-words and when the text was last saved.
const DELAY_MS = 3000;
const STORE_PREFIX = "peerpath:draft:";

const messages = {
  en: {
    words: (n, min) => (min ? `${n} words (at least ${min} needed)` : `${n} words`),
    saved: (time) => `Saved at ${time}`,
    saving: "Saving…",
    local: (time) =>
      `Saved on this device at ${time}. You are signed out: sign in again in another tab to save it to your account.`,
    offline: (time) => `Saved on this device at ${time}. We will try the server again.`,
    restored: "We put back text you had not saved yet.",
  },
  cy: {
    words: (n, min) => (min ? `${n} gair (o leiaf ${min} yn ofynnol)` : `${n} gair`),
    saved: (time) => `Wedi’i gadw am ${time}`,
    saving: "Wrthi’n cadw…",
    local: (time) =>
      `Wedi’i gadw ar y ddyfais hon am ${time}. Rydych wedi allgofnodi: mewngofnodwch eto mewn tab arall i’w gadw i’ch cyfrif.`,
    offline: (time) => `Wedi’i gadw ar y ddyfais hon am ${time}. Byddwn yn ceisio’r gweinydd eto.`,
    restored: "Rydym wedi rhoi’n ôl destun nad oeddech wedi’i gadw eto.",
  },
};
const t = messages[document.documentElement.lang === "cy" ? "cy" : "en"];

function countWords(text) {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function clock(date) {
  return date.toTimeString().slice(0, 5);
}

function csrfToken(textarea) {
  const input = textarea.form?.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function setUp(textarea) {
  const key = textarea.dataset.autosaveKey;
  const storeKey = STORE_PREFIX + key;
  const status = document.getElementById(`${textarea.id}-status`);
  const minWords = Number(textarea.dataset.minWords || 0);
  const serverSavedAt = Date.parse(textarea.dataset.serverSavedAt || "") || 0;
  let timer = null;
  let lastSent = textarea.value;
  let note = "";

  const show = (message) => {
    note = message || note;
    const count = t.words(countWords(textarea.value), minWords);
    status.textContent = note ? `${count}. ${note}` : count;
  };

  // Put back a copy from this browser if it is newer than the server's and different.
  try {
    const kept = JSON.parse(localStorage.getItem(storeKey) || "null");
    if (kept && kept.text !== textarea.value && kept.at > serverSavedAt) {
      textarea.value = kept.text;
      lastSent = "";
      note = t.restored;
    } else if (kept) {
      localStorage.removeItem(storeKey);
    }
  } catch {
    // Private browsing or storage full: the server copy still works.
  }

  const send = async () => {
    clearTimeout(timer);
    if (textarea.value === lastSent) return;
    const text = textarea.value;
    show(t.saving);
    try {
      const response = await fetch(textarea.dataset.autosaveUrl, {
        method: "POST",
        headers: { "X-CSRFToken": csrfToken(textarea) },
        body: new URLSearchParams({ key, text }),
        credentials: "same-origin",
      });
      if (response.ok) {
        const body = await response.json();
        lastSent = text;
        show(t.saved(body.saved_at));
      } else if (response.status === 401 || response.status === 403) {
        show(t.local(clock(new Date())));
      } else {
        show(t.offline(clock(new Date())));
      }
    } catch {
      show(t.offline(clock(new Date())));
    }
  };

  textarea.addEventListener("input", () => {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ text: textarea.value, at: Date.now() }));
    } catch {
      // Ignore: see above.
    }
    show();
    clearTimeout(timer);
    timer = setTimeout(send, DELAY_MS);
  });
  textarea.addEventListener("blur", send);
  show();
  if (lastSent === "") send();
}

document.querySelectorAll("textarea[data-autosave-key]").forEach(setUp);
