#!/usr/bin/python3
"""Every page of Kamlang walked with Tab alone, through AT-SPI
(tests/e2e/run-atspi starts it on its own X server and D-Bus session):

    tab-walk-by-atspi.py KAMLANG FIXTURE LOCALEDIR LANGUAGE

On each page, Tab goes round the window once; every control that takes the
focus must have an accessible name (not empty, not a GTK type name such as
"GtkToggleButton"), and every control of the page that can take the focus
(buttons, drop-downs, entries, switches outside the lists, whose rows are one
stop) must be reached."""

import re
import sys
import time

import pyatspi

from kamlang_atspi import Kamlang, check, finish
from gi.repository import GLib

kamlang, fixture, localedir, language = sys.argv[1:5]
TAB = 0xff09
INTERACTIVE = {"push button", "toggle button", "combo box", "entry", "text", "check box", "radio button",
               "spin button", "slider", "page tab", "password text", "menu button", "switch"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Kam)[A-Z][A-Za-z]+$")



def walk(acc, inside_list=False):
    yield acc, inside_list
    try:
        role = acc.getRoleName()
    except Exception:
        return
    inside = inside_list or role in ("tree table", "list", "table", "list box")
    for child in acc:
        if child is not None:
            yield from walk(child, inside)


focused = []


def on_focus(event):
    if event.detail1 == 1:
        focused.append(event.source)


def pump(seconds):
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.01)


def _is_ancestor(ancestor, acc):
    """Whether acc is below ancestor (a drop-down's button is reached through the drop-down)."""
    parent = acc.parent
    for _ in range(8):
        if parent is None:
            return False
        if parent == ancestor:
            return True
        parent = parent.parent
    return False


def describe(acc):
    try:
        return f"{acc.getRoleName()} {acc.name!r}"
    except Exception:
        return "(gone)"


with Kamlang(kamlang, fixture, language) as kamlang_app:
    app = kamlang_app.app
    if app is None:
        sys.exit(1)
    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    pump(1.5)
    tabs = [a for a, _ in walk(app) if a.getRoleName() == "page tab"]
    check(len(tabs) == 8, f"eight page tabs: {[t.name for t in tabs]}")
    window = next(a for a in app if a is not None)
    box = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)

    for tab in tabs:
        page = tab.name
        tab.queryAction().doAction(0)
        pump(1.0)
        # the pointer out of the way, in the window (X gives the keys to the window under it)
        pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + 5, "abs")
        focused.clear()
        seen = []
        done = False
        for _ in range(250):
            pyatspi.Registry.generateKeyboardEvent(TAB, None, pyatspi.KEY_SYM)
            pump(0.15)
            while focused:
                now = focused.pop(0)
                if len(seen) > 1 and now in seen and now != seen[-1]:
                    done = True  # round the window once (the first focus may have been the tab's click)
                elif now not in seen:
                    seen.append(now)
            if done:
                break
        if not done:
            stuck = [describe(a) + " in " + describe(a.parent) for a, _ in walk(window)
                     if a.getState().contains(pyatspi.STATE_FOCUSED)]
            print(f"# {page}: the focus stays on {stuck}", flush=True)
        check(done, f"{page}: Tab comes back to where it started")
        print(f"# {page}: " + ", ".join(describe(a) for a in seen), flush=True)
        unnamed = [describe(a) + " in " + describe(a.parent) + " in " + describe(a.parent.parent)
                   for a in seen if not a.name or TYPE_NAME.match(a.name)]
        check(len(seen) > 3 and not unnamed,
              f"{page}: Tab reached {len(seen)} controls, each named" + (f"; unnamed: {unnamed}" if unnamed else ""))
        missed = []
        for acc, inside_list in walk(window):
            try:
                state = acc.getState()
                if (acc.getRoleName() in INTERACTIVE and not inside_list
                        and state.contains(pyatspi.STATE_SHOWING) and state.contains(pyatspi.STATE_FOCUSABLE)
                        and state.contains(pyatspi.STATE_SENSITIVE) and acc not in seen
                        and not any(acc == s or _is_ancestor(s, acc) for s in seen)):
                    missed.append(describe(acc))
            except NameError:
                raise
            except Exception:
                pass
        check(not missed, f"{page}: every control can take the focus" + (f"; not reached: {missed}" if missed else ""))
finish()
