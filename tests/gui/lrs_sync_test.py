#!/usr/bin/env python3
"""GUI test of the window's background sync (issue 13) with real key presses under Xvfb and a
real learning record store: Learning Locker's statement service (tests/lrs/node/serve.js) on
127.0.0.1, named in a 0600 lrs.conf under XDG_CONFIG_HOME. The window starts (its start-up
sync finds nothing to send), one card is answered and rated, Escape ends the session, and
the store then holds exactly that answer, sent by the window itself; the summary and Home
show the sync line (F12 screenshots). Exit 77 = skipped (no X, xdotool, node or the
statement service)."""
import base64
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gui_app import answer_current, end_window, key, open_window, quit_window, shoot, start_test  # noqa: E402

SERVE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lrs", "node", "serve.js")


def start_store(folder):
    """The statement service on a free loopback port: (process, xAPI url), or None to skip."""
    if shutil.which("node") is None:
        return None
    os.makedirs(folder)
    store = subprocess.Popen(["node", SERVE, folder], stdout=subprocess.PIPE, text=True)
    line = store.stdout.readline()  # "listening <port>", or "SKIPPED: ..." (exit 77)
    if not line.startswith("listening "):
        store.wait(timeout=30)
        print(line.strip() or "the statement service did not start", file=sys.stderr)
        return None
    return store, f"http://127.0.0.1:{line.split()[1]}/xAPI"


def stored(url):
    """The statements the store holds (one page is plenty here)."""
    request = urllib.request.Request(url + "/statements?limit=50", headers={
        "X-Experience-API-Version": "1.0.3",
        "Authorization": "Basic " + base64.b64encode(b"casebook:test").decode()})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["statements"]


def wait_for(condition, what, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("timed out waiting for " + what)


def main():
    started = start_test(__doc__, "lrs_sync")
    if started is None:
        return 77
    args, shots, banks = started
    server = start_store(os.path.join(args.work, "store"))
    if server is None:
        return 77
    store, url = server
    config = os.path.join(args.work, "config")
    os.makedirs(os.path.join(config, "casebook"))
    conf = os.path.join(config, "casebook", "lrs.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write(f"url = {url}\nuser = casebook\npassword = test\n")
    os.chmod(conf, 0o600)
    shutil.copy(os.path.join(args.data, "e2e.toml"), os.path.join(banks, "course.toml"))
    db = os.path.join(args.work, "db.sqlite")
    env = dict(os.environ, CASEBOOK_SCREENSHOT_DIR=shots, XDG_CONFIG_HOME=config)
    env.pop("CASEBOOK_LRS_USER", None)
    env.pop("CASEBOOK_LRS_PASSWORD", None)
    log = open(os.path.join(args.work, "casebook.log"), "w")
    app = open_window(args.casebook, ["--db", db, "--bank", banks], env, log)
    try:
        assert stored(url) == [], "nothing is sent before an answer"
        key("Return")  # study every course bank
        answer_current()
        key("3")  # Good
        key("Escape")  # the session ends: the summary, and the sync starts
        statements = wait_for(lambda: stored(url), "the window to send the answer")
        time.sleep(1.0)  # the summary redraws with the result
        shoot(shots, "summary-synced")
        assert len(statements) == 1, statements
        assert statements[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered", statements[0]
        with sqlite3.connect(db) as con:
            reviews = con.execute("SELECT COUNT(*) FROM review_log").fetchone()[0]
            sent_up_to = con.execute("SELECT last_review_id FROM lrs_sync").fetchall()
        assert reviews == 1, reviews
        assert sent_up_to == [(1,)], sent_up_to
        key("Return")  # Home shows the same line
        shoot(shots, "home-synced")
        quit_window(app)
        assert len(stored(url)) == 1, "the start-up and session syncs sent nothing twice"
    finally:
        end_window(app, log)
        store.terminate()
        store.wait(timeout=30)
    print("the window sent the session's answer to the store; screenshots in", shots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
