"""What the AT-SPI tests share: Kamlang started on a copy of a fixture with
its own folders and language, found on the accessibility bus, stopped; TAP-like
checks that count failures."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

failures = 0


def check(ok, what):
    global failures
    print(("ok - " if ok else "not ok - ") + what, flush=True)
    if not ok:
        failures += 1


class Kamlang:
    """Kamlang on a copy of FIXTURE, its messages in LANGUAGE; .app is its
    accessible application (None if it never showed up)."""

    def __init__(self, kamlang, fixture, language):
        self.home = tempfile.mkdtemp(prefix="kamlang-atspi-")
        data = os.path.join(self.home, os.path.basename(fixture))
        shutil.copy(fixture, data)
        env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.home, "data"),
                   XDG_CONFIG_HOME=os.path.join(self.home, "config"), LANGUAGE=language, LC_ALL="C.UTF-8",
                   GSETTINGS_BACKEND="memory")
        env.pop("GTK_A11Y", None)
        self.process = subprocess.Popen([kamlang, data], env=env)
        self.app = None
        end = time.monotonic() + 30
        while self.app is None and time.monotonic() < end:
            self.app = next((a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "kamlang"),
                            None)
            time.sleep(0.1)
        check(self.app is not None, "the application is on the accessibility bus")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.home, ignore_errors=True)
        return False


def walk(acc):
    """acc and everything below it (an accessible gone meanwhile ends its branch)."""
    yield acc
    try:
        children = list(acc)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child)


def text_of(acc):
    """The text an accessible shows, or "" when it has none."""
    try:
        text = acc.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return ""


def finish():
    print(f"{failures} failed")
    sys.exit(1 if failures else 0)
