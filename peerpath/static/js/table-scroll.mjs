// Wide tables and charts sit in a .pp-table-scroll box that scrolls sideways on narrow
// screens. A box that scrolls must be reachable by keyboard (WCAG 2.1.1) and say what it
// holds, so while it overflows it becomes a region named by the table's caption or the
// chart's title, focusable; when it fits, it is left alone and adds no tab stop.
let captions = 0;

function update(box) {
  if (box.scrollWidth > box.clientWidth) {
    const caption = box.querySelector("table > caption, svg > title");
    if (caption) {
      caption.id ||= `pp-table-caption-${++captions}`;
      box.setAttribute("aria-labelledby", caption.id);
    }
    box.setAttribute("role", "region");
    box.setAttribute("tabindex", "0");
  } else {
    box.removeAttribute("role");
    box.removeAttribute("tabindex");
    box.removeAttribute("aria-labelledby");
  }
}

const boxes = document.querySelectorAll(".pp-table-scroll");
const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target)));
boxes.forEach((box) => {
  update(box);
  observer.observe(box);
});
