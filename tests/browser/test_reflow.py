"""Every page reflows to a phone's width: at 320 CSS pixels (what 400% zoom leaves on a
1280-pixel screen, WCAG 2.2's 1.4.10) the page itself never scrolls sideways.

Wide tables may scroll inside their own box (data tables are the criterion's exception);
while a box scrolls it must be reachable by keyboard and named, which axe-core's rules
check at that width. Same pages, roles and languages as tests/browser/test_accessibility.py.
"""

import pytest

from tests.browser.test_accessibility import (
    LANGUAGES,
    axe_violations,
    in_language,
    pages_for,
    sign_in_context,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 640}

# What makes the page wider than the window: elements reaching past its right edge that
# are not inside a box of their own that scrolls or clips.
WIDER_THAN_WINDOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const contained = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible") return true;
    }
    return false;
  };
  const name = (el) =>
    el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map((c) => "." + c).join("");
  const culprits = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !contained(el))
    .map((el) => `${name(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`);
  return [`the page is ${document.documentElement.scrollWidth}px wide`, ...culprits.slice(-4)];
}"""

# Scrolling boxes must be focusable, and the names they are given must point somewhere.
SCROLL_BOX_RULES = {
    "type": "rule",
    "values": ["scrollable-region-focusable", "aria-valid-attr-value", "landmark-unique"],
}


@pytest.mark.parametrize(("role", "locale"), LANGUAGES)
def test_every_page_fits_a_phone_screen_without_scrolling_sideways(
    role, locale, browser, live_server, people, world
):
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport=PHONE)
    sign_in_context(context, people[role], live_server.url)
    page = context.new_page()
    problems = {}
    try:
        for url in pages_for(role, world):
            page.goto(url)
            found = (
                in_language(page, locale)
                + page.evaluate(WIDER_THAN_WINDOW)
                + axe_violations(page, SCROLL_BOX_RULES)
            )
            if found:
                problems[url] = found
    finally:
        context.close()
    report = "\n".join(f"{url}:\n  " + "\n  ".join(found) for url, found in problems.items())
    assert not problems, f"at {PHONE['width']}px as {role} in {locale}:\n{report}"


def test_a_wide_table_scrolls_in_a_named_box_that_keyboard_users_can_reach(
    browser, live_server, people, world
):
    """The frameworks list is wider than a phone: its box takes focus, is named after
    the table's caption, and scrolls with the arrow keys; on a wide screen it is no tab
    stop at all."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto("/frameworks/")
        box = page.locator(".pp-table-scroll")
        caption = box.locator("caption")
        assert box.get_attribute("tabindex") == "0"
        assert box.get_attribute("role") == "region"
        assert box.get_attribute("aria-labelledby") == caption.get_attribute("id")
        assert page.get_by_role("region", name=caption.inner_text()).count() == 1

        box.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.pp-table-scroll').scrollLeft > 0")

        page.set_viewport_size({"width": 1280, "height": 800})
        page.wait_for_function(
            "() => !document.querySelector('.pp-table-scroll').hasAttribute('tabindex')"
        )
        assert box.get_attribute("role") is None
    finally:
        context.close()
