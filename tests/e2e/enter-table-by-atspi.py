#!/usr/bin/python3
"""The monthly job of issue 27 done with the keyboard alone, read back
through AT-SPI (tests/e2e/run-atspi starts Kamlang on its own X server and
D-Bus session):

    enter-table-by-atspi.py KAMLANG FIXTURE LOCALEDIR LANGUAGE

Alt+8 opens Enter Table (deployments by sex); the year becomes 2024; Malaysia
and South Korea are added by typing a few letters; women, men and a total
are typed with Tab and Enter; a 2×2 block is copied and pasted under them
for two more destinations; Chart This Table shows the figures split by sex
with the rest of Malaysia's total as its own part; Ctrl+Z undoes it all.
Then, on the Figures page, typing on a country cell opens its list, whose
every choice has its whole name. Keys go through XTest (xdotool), as a
person's; AT-SPI only reads. The names it looks for are the English ones
put through the build's catalogue for LANGUAGE, so it runs in Khmer too."""

import gettext
import os
import subprocess
import sys
import time

import pyatspi

from kamlang_atspi import Kamlang, check, finish, text_of, walk

kamlang, fixture, localedir, language = sys.argv[1:5]
catalogue = gettext.translation("kamlang", localedir=localedir, languages=[language], fallback=True)
_ = catalogue.gettext
if language != "C" and isinstance(catalogue, gettext.NullTranslations) and not catalogue._info:
    sys.exit(f"no {language} catalogue in {localedir}")
KHMER = language == "km"
# the fixture's names (name-km in Khmer)
MALAYSIA = "ម៉ាឡេស៊ី" if KHMER else "Malaysia"
KOREA = "កូរ៉េខាងត្បូង" if KHMER else "South Korea"
WOMEN = "ស្ត្រី" if KHMER else "Women"
MEN = "បុរស" if KHMER else "Men"
TOTAL = "សរុប" if KHMER else "Total"


def state_of(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:
        return False


def focused(app):
    for acc in walk(app):
        if state_of(acc, pyatspi.STATE_FOCUSED):
            return acc
    return None


def describe(acc):
    try:
        return f"{acc.getRoleName()} {acc.name!r}"
    except Exception:
        return "(none)"


def key(*combos):
    """Keys as a person presses them (XTest), one combination after another."""
    for combo in combos:
        subprocess.run(["xdotool", "key", "--clearmodifiers", combo], check=False)
        time.sleep(0.25)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "60", text], check=False)
    time.sleep(0.3)


def wait_until(condition, timeout=10.0):
    end = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return True
        except Exception:
            pass
        if time.monotonic() > end:
            return False
        time.sleep(0.2)


def tab_to(app, pred, limit=60, backwards=False):
    """Tab (or Shift+Tab) until the focus is on what pred accepts."""
    seen = []
    for _ in range(limit):
        now = focused(app)
        if now is not None and pred(now):
            return now
        seen.append(describe(now))
        key("shift+Tab" if backwards else "Tab")
    print(f"# Tab went through: {seen}", flush=True)
    return None


def cell(app, row, column):
    """The Enter Table cell named "ROW, COLUMN"."""
    name = f"{row}, {column}"
    return next((a for a in walk(app) if a.name == name and a.getRoleName() in ("text", "entry")), None)


def reads(app, row, column, text):
    """Whether the cell "ROW, COLUMN" reads text (the entry or the text in it)."""
    name = f"{row}, {column}"
    return any(text_of(a) == text for a in walk(app) if a.name == name)


def no_mnemonic(label):
    return label.replace("_", "")


with Kamlang(kamlang, fixture, language) as kamlang_app:
    app = kamlang_app.app
    if app is None:
        sys.exit(1)
    window = next(a for a in app if a is not None)
    box = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    # the pointer in the window's title (X gives the keys to the window under it)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + 8, "abs")
    time.sleep(1.0)

    # Alt+8: Enter Table, deployments by sex, its latest year (2023)
    key("alt+8")
    tab = next((a for a in walk(app) if a.getRoleName() == "page tab" and a.name == _("Enter Table")), None)
    check(tab is not None and wait_until(lambda: state_of(tab, pyatspi.STATE_SELECTED)),
          f"Alt+8 shows the page {_('Enter Table')!r}")
    check(wait_until(lambda: reads(app, KOREA, TOTAL, "9,778")), f"the grid shows {KOREA}'s 2023 total 9,778")

    # the year: 2024 (the grid empties: no figures of 2024 yet)
    year = tab_to(app, lambda a: a.getRoleName() == "spin button" and a.name == _("Year"))
    check(year is not None, f"Tab reaches the spin button {_('Year')!r}")
    key("ctrl+a")
    type_text("2024")
    key("Tab")
    check(wait_until(lambda: cell(app, KOREA, TOTAL) is None), "in 2024 the grid has no rows yet")

    # Malaysia from a few letters (Ctrl++: Add a destination); the cursor is in its Women cell
    key("ctrl+plus")
    add = focused(app)
    check(add is not None and add.name == no_mnemonic(_("_Add a destination")),
          f"Ctrl++ puts the cursor in {no_mnemonic(_('_Add a destination'))!r}: {describe(add)}")
    type_text("Malay")
    key("Return")
    check(wait_until(lambda: focused(app) is not None and focused(app).name == f"{MALAYSIA}, {WOMEN}"),
          f"“Malay” and Enter add {MALAYSIA}, the cursor in its {WOMEN} cell: {describe(focused(app))}")
    type_text("1200")
    key("Tab")
    type_text("3400")
    key("Return")
    key("Left", "Left")
    check(focused(app) is not None and focused(app).name == f"{MALAYSIA}, {TOTAL}",
          f"Left moves to {MALAYSIA}'s total: {describe(focused(app))}")
    type_text("5000")
    key("Return")
    check(wait_until(lambda: reads(app, MALAYSIA, WOMEN, "1,200") and reads(app, MALAYSIA, MEN, "3,400")
                     and reads(app, MALAYSIA, TOTAL, "5,000")),
          f"{MALAYSIA} reads 5,000 in all, 1,200 women and 3,400 men: "
          + str([(a.name, text_of(a)) for a in walk(app) if a.name.startswith(MALAYSIA + ",")]))

    # South Korea, from "korea"
    key("ctrl+plus")
    type_text("korea")
    key("Return")
    check(wait_until(lambda: focused(app) is not None and focused(app).name == f"{KOREA}, {WOMEN}"),
          f"“korea” adds {KOREA}: {describe(focused(app))}")
    type_text("900")
    key("Tab")
    type_text("2100")
    key("Return")
    check(wait_until(lambda: reads(app, KOREA, WOMEN, "900") and reads(app, KOREA, MEN, "2,100")),
          f"{KOREA} reads 900 women and 2,100 men")

    # a 2×2 block (Shift+arrows, Ctrl+C) pasted under it for two more destinations
    key("Up", "Left")  # Malaysia, Women
    check(focused(app) is not None and focused(app).name == f"{MALAYSIA}, {WOMEN}",
          f"Up and Left reach {MALAYSIA}, {WOMEN}: {describe(focused(app))}")
    key("shift+Right", "shift+Down", "ctrl+c")
    key("ctrl+plus")
    type_text("Japan")
    key("Return")
    key("ctrl+plus")
    type_text("Thailand")
    key("Return")
    key("Up", "ctrl+v")
    pasted = wait_until(lambda: sum(text_of(a) == "1,200" for a in walk(app) if a.getRoleName() == "text") == 2
                        and sum(text_of(a) == "2,100" for a in walk(app) if a.getRoleName() == "text") == 2)
    check(pasted, "the block pasted from the cursor: two more rows read 1,200 / 3,400 and 900 / 2,100")

    # Chart This Table: split by sex, with the rest of Malaysia's total
    chart_button = tab_to(app, lambda a: a.getRoleName() == "push button"
                          and a.name == no_mnemonic(_("_Chart This Table")))
    check(chart_button is not None, f"Tab reaches {no_mnemonic(_('_Chart This Table'))!r}")
    key("Return")
    chart = None
    if wait_until(lambda: any(a.getRoleName() == "image" and MALAYSIA in a.description for a in walk(app))):
        chart = next(a for a in walk(app) if a.getRoleName() == "image" and MALAYSIA in a.description)
    said = chart.description if chart is not None else ""
    print(f"# the chart says: {said}", flush=True)
    check(WOMEN in said and MEN in said and _("Not broken down") in said and "400" in said,
          f"the chart is split by sex, the rest of {MALAYSIA}'s total (400) its own part")

    # Ctrl+Z until nothing is left to undo: the grid's figures are gone
    undo = next((a for a in walk(app) if a.getRoleName() == "push button" and a.name == _("Undo")), None)
    for _i in range(40):
        if undo is None or not state_of(undo, pyatspi.STATE_SENSITIVE):
            break
        key("ctrl+z")
    check(undo is not None and not state_of(undo, pyatspi.STATE_SENSITIVE), "Ctrl+Z undoes every step")
    key("alt+8")
    check(wait_until(lambda: cell(app, MALAYSIA, WOMEN) is None or reads(app, MALAYSIA, WOMEN, "")),
          "the grid's figures are gone")

    # Figures: typing on a country cell opens its list, every choice named whole
    key("alt+2")
    time.sleep(0.5)
    country = tab_to(app, lambda a: a.getRoleName() in ("push button", "toggle button")
                     and a.name in (MALAYSIA, KOREA) and state_of(a, pyatspi.STATE_FOCUSED))
    if country is None:  # the list's row, then Right: its first cell
        key("Right")
        country = focused(app)
    check(country is not None and country.name in (MALAYSIA, KOREA),
          f"the keyboard reaches a country cell: {describe(country)}")
    key("m")
    time.sleep(1.0)
    if os.environ.get("KAM_E2E_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["KAM_E2E_SHOT"]])
    popup = wait_until(lambda: any(a.getRoleName() == "list item" and a.name.startswith(MALAYSIA)
                                   for a in walk(country)))
    # every choice of the list (those the typed "m" hides too)
    items = [a for a in walk(country) if a.getRoleName() == "list item"]
    names = [a.name for a in items]
    print(f"# the choices: {names}", flush=True)
    check(popup and names and all(n and "…" not in n and not n.startswith("Gtk") for n in names),
          "the list opened by typing names every choice whole")
    check(any(n.startswith(MALAYSIA) and "MYS" in n for n in names), f"{MALAYSIA}'s choice says its code MYS")
    key("Escape")
finish()
