#!/usr/bin/python3
"""Kamlang used as a person using a screen reader would: through AT-SPI, by
roles and accessible names only (tests/e2e/run-atspi starts it under its own
D-Bus session and Xvfb).

    edit-by-atspi.py KAMLANG FIXTURE LOCALEDIR LANGUAGE

Switches to Figures, finds Japan's 2021 figure, types a new value; switches
to Charts and reads the new value in the chart's description; undoes and
reads the old one back; types a negative value and reads the refusal;
exports the chart as PDF through the main menu, the export dialog and the
file chooser, and checks the file. The
names it looks for are the English ones put through the build's catalogue
for LANGUAGE, so the same test runs in Khmer."""

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
JAPAN = "ជប៉ុន" if language == "km" else "Japan"  # the fixture's name and name-km


def find(root, role=None, name=None, pred=None, timeout=10.0):
    """The first accessible below root with this role and name (and pred), waiting for it."""
    end = time.monotonic() + timeout
    while True:
        for acc in walk(root):
            try:
                if ((role is None or acc.getRoleName() == role) and (name is None or acc.name == name)
                        and (pred is None or pred(acc))):
                    return acc
            except Exception:  # an accessible gone while walking
                pass
        if time.monotonic() > end:
            return None
        time.sleep(0.2)


def wait_until(condition, timeout=10.0):
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.2)
    return True


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def click_at(acc):
    """A real click (XTest) in the middle of the accessible, as a person's."""
    box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")
    time.sleep(0.4)
    return box


def type_keys(text):
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
        time.sleep(0.05)


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.1)


RETURN, ESCAPE, F10 = 0xff0d, 0xff1b, 0xffc7

with Kamlang(kamlang, fixture, language) as kamlang_app:
    app = kamlang_app.app
    if app is None:
        sys.exit(1)

    # the Figures page, by its tab
    figures_tab = find(app, "page tab", _("Figures"))
    check(figures_tab is not None, f"a page tab named {_('Figures')!r}")
    click(figures_tab)

    def japan_value_cell():
        """The Value cell of the row whose Country reads Japan and Year 2021."""
        for row in walk(app):
            try:
                if row.getRoleName() != "table row":
                    continue
                cells = list(walk(row))
                if (any(c.name == JAPAN for c in cells)
                        and any(c.name == _("Year") and text_of(c) == "2021" for c in cells)):
                    return next((c for c in cells if c.name == _("Value") and text_of(c)), None)
            except Exception:
                pass
        return None

    cell = None
    wait_until(lambda: japan_value_cell() is not None)
    cell = japan_value_cell()
    check(cell is not None and text_of(cell) == "11,453", "Japan's 2021 figure reads 11,453")

    # click it and type a new value: typing replaces the cell's text; Enter keeps it
    box = click_at(cell)
    print(f"# the cell is at {box.x},{box.y} {box.width}x{box.height}")
    type_keys("12000")
    if os.environ.get("KAM_E2E_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["KAM_E2E_SHOT"]])
    press(RETURN)
    check(wait_until(lambda: japan_value_cell() is not None and text_of(japan_value_cell()) == "12,000"),
          "the cell reads 12,000 after typing 12000 and Enter")

    # the chart says so
    click(find(app, "page tab", _("Charts")))
    chart = find(app, "image", pred=lambda a: JAPAN in a.description)
    check(chart is not None and f"{JAPAN} 12,000" in chart.description,
          f"the chart's description reads “{JAPAN} 12,000”: {chart.description if chart else None!r}")

    # undo, by the Undo button
    click(find(app, "push button", _("Undo")))
    check(wait_until(lambda: f"{JAPAN} 11,453" in chart.description),
          f"after Undo the chart reads “{JAPAN} 11,453” again")

    # a negative value is refused, and says why
    click(figures_tab)
    wait_until(lambda: japan_value_cell() is not None)
    click_at(japan_value_cell())
    type_keys("-5")
    press(RETURN)
    refusal_start = _("the value %s is negative; counts and amounts cannot be below zero").split("%s")[0]
    refusal = find(app, pred=lambda a: a.getRoleName() == "label" and "-5" in a.name, timeout=5)
    check(refusal is not None and refusal_start.strip().lower() in refusal.name.lower(),
          f"a refusal names the value: {refusal.name if refusal else None!r}")
    press(ESCAPE)
    check(wait_until(lambda: text_of(japan_value_cell()) == "11,453"), "the figure is still 11,453")

    # export the chart: main menu, Export Chart…, the dialog's Export…, a file
    # name ending in .pdf in the file chooser, its Export button
    def no_mnemonic(label):
        return label.replace("_", "")

    click(find(app, "page tab", _("Charts")))
    press(F10)  # the main menu, as a keyboard user opens it
    menu = find(app, "menu", _("Main Menu"))
    check(menu is not None, f"the main menu opens with F10, named {_('Main Menu')!r}")
    item = find(app, "menu item", no_mnemonic(_("_Export Chart…")))
    check(item is not None, f"the main menu offers {no_mnemonic(_('_Export Chart…'))!r}")
    if item is not None:
        click(item)
    dialog = find(app, pred=lambda a: a.getRoleName() in ("frame", "dialog", "window")
                  and a.name == _("Export Chart") and find(a, "push button", no_mnemonic(_("_Export…")), timeout=0))
    check(dialog is not None, f"a window named {_('Export Chart')!r} with an {no_mnemonic(_('_Export…'))!r} button")
    out = os.path.join(kamlang_app.home, "chart.pdf")
    if dialog is not None:
        click(find(dialog, "push button", no_mnemonic(_("_Export…"))))
        # the file chooser (GTK's own, without a portal), another window of
        # that name: its name entry takes the whole path, Enter exports
        chooser = find(app, pred=lambda a: a.getRoleName() in ("dialog", "file chooser", "frame", "filler")
                       and a.name == _("Export Chart") and a != dialog)
        check(chooser is not None, "the file chooser opens")
        entry = find(chooser, "text", pred=lambda a: "." in text_of(a)) if chooser is not None else None
        check(entry is not None and text_of(entry).endswith(".png"),
              f"the file chooser proposes the chart's title as a PNG's name: {text_of(entry) if entry else None!r}")
        if entry is not None:
            entry.queryEditableText().setTextContents(out)  # the entry has the focus
            press(RETURN)
    check(wait_until(lambda: os.path.exists(out) and os.path.getsize(out) > 1000, timeout=15),
          "the chart is written to the file named")
    if os.path.exists(out):
        with open(out, "rb") as f:
            check(f.read(5) == b"%PDF-", "a name ending in .pdf gets a PDF")
finish()
