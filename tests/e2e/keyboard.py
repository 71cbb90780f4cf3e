"""A keyboard user's moves: Tab and Shift+Tab to reach a control, the arrow keys in a radio
group, Space to tick, Enter to press. Nothing here focuses or clicks an element directly, so a
control a keyboard cannot reach fails the test."""

# Whether the focus is on one of the elements, and whether they all come before it (then
# Shift+Tab is the way back to them).
FOCUS_IS_ON = "(elements) => elements.includes(document.activeElement)"
ALL_BEHIND_FOCUS = """(elements) => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return false;
    return elements.every(
        el => focused.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING
    );
}"""


def _locator(page, target):
    """`target` is a CSS selector (any element it matches will do) or a locator."""
    locator = page.locator(target) if isinstance(target, str) else target
    assert locator.count() >= 1, f"nothing on the page matches {target}"
    return locator


def tab_to(page, target, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab, if the target is behind the focus) until the target has the
    focus, as a keyboard user would."""
    locator = _locator(page, target)
    if locator.evaluate_all(FOCUS_IS_ON):
        return
    key = "Shift+Tab" if locator.evaluate_all(ALL_BEHIND_FOCUS) else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if locator.evaluate_all(FOCUS_IS_ON):
            return
    raise AssertionError(f"{key} never reached {target}")


def choose(page, name: str, value: str) -> None:
    """Pick a radio option: Tab into the group, arrow to the option, and Space if it is the
    group's first option (Tab lands on it without checking it)."""
    radios = f"input[type=radio][name='{name}']"
    tab_to(page, radios)
    for _ in range(page.locator(radios).count() + 1):
        focused_value = page.evaluate("() => document.activeElement.value")
        if focused_value == value:
            if not page.evaluate("() => document.activeElement.checked"):
                page.keyboard.press("Space")
            assert page.locator(f"{radios}[value='{value}']").is_checked(), (name, value)
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"Could not choose {value} for {name}")


def tick(page, target) -> None:
    """Tab to a checkbox and tick it with Space."""
    tab_to(page, target)
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked"), target


def type_into(page, target, text: str) -> None:
    """Tab to a field and type."""
    tab_to(page, target)
    page.keyboard.type(text)


def activate(page, target):
    """Tab to a button or link and press Enter; return the response of the page it opens."""
    tab_to(page, target)
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    return navigation.value
