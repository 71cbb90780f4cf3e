"""Requests a second for every public page type, beside a bare view (issue 16).

Run with `.venv/bin/python bench/throughput.py [--seconds 10] [--connections 8]`. It needs
`wrk` (Debian: `apt-get install wrk`), the built front end (`make static`) and Redis at
127.0.0.1:6379 (it uses db 12 and empties it). It builds a throwaway site in a temporary
folder (SQLite unless DATABASE_URL is set: use a database you can drop) under the
production settings, loads the PEI content, collects the static files, and starts three
gunicorns of 2 sync workers each on 127.0.0.1:

- the bare view (`bench/bare_view.py`): each page's own bytes, as the site drew them, from
  memory, through no middleware (the issue measured the home page's bytes for every
  address; a page's own bytes compare a big page with sending as much);
- the site with its page cache (`page_serving/page_cache.py`), read as a reader without a
  session, after one request has filled the cache;
- the site with the page cache switched off (PEI_PAGE_CACHE_SECONDS=0): every page drawn.

Searches ask the same words again and again, so what they find is kept (per generation, per
set of words): the last row asks a word picked at random from every word in the search
index each time, far more than a process keeps, so nearly every search is worked out.

For each page type it runs wrk against each in turn, side by side in one run, and prints
requests a second and each as a share of the bare view. The issue's aims: cached pages at
0.8 of the bare view or more, drawn pages at 0.06 or more. Figures, not assertions.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.servers import (  # noqa: E402
    django_json,
    fetch,
    manage,
    sample_urls,
    site_env,
    start,
    stop,
)

REDIS_DB = 12
PORTS = {"bare": 8301, "cached": 8302, "drawn": 8303}


#: A wrk script that asks a search of a word picked at random from WORDS each time.
NEW_WORDS_SCRIPT = """
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/search/?q=" .. WORDS[math.random(#WORDS)])
end
"""


def requests_per_second(
    port: int, path: str, seconds: int, connections: int, script: Path | None = None
) -> float:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            *(["-s", str(script)] if script else []),
            f"http://127.0.0.1:{port}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        print(f"  ({errors.group(1)} error answers on {path})", file=sys.stderr)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's time per run (10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections (8)")
    args = parser.parse_args()
    subprocess.run(["redis-cli", "-n", str(REDIS_DB), "flushdb"], check=True, capture_output=True)

    with tempfile.TemporaryDirectory(prefix="pei-throughput-") as name:
        folder = Path(name)
        env = site_env(folder, redis_url=f"redis://127.0.0.1:6379/{REDIS_DB}")
        print("building the site (migrate, load_pei_content, collectstatic)...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_pei_content")
        manage(env, "collectstatic", "--noinput")
        urls = sample_urls(env)
        words = django_json(env, "search_words()", imports="from bench.pages import search_words")
        script = folder / "new_words.lua"
        listed = ", ".join(json.dumps(word) for word in words)
        script.write_text(f"WORDS = {{{listed}}}\n{NEW_WORDS_SCRIPT}")
        log = folder / "gunicorn.log"
        servers = {"cached": start(env, "pei_site.wsgi", PORTS["cached"], log)}
        servers["drawn"] = start(
            {**env, "PEI_PAGE_CACHE_SECONDS": "0"}, "pei_site.wsgi", PORTS["drawn"], log
        )
        bodies = folder / "bare"
        bodies.mkdir()
        index = {}
        searches = [f"/search/?q={word}" for word in words]
        for number, path in enumerate(["/", *(path for _, path in urls), *searches]):
            (bodies / f"{number}.html").write_bytes(fetch(PORTS["drawn"], path)[2])
            index[path] = f"{number}.html"
        (bodies / "index.json").write_text(json.dumps(index))
        servers["bare"] = start(
            {**os.environ, "PEI_BARE_BODIES": str(bodies)},
            "bench.bare_view:application",
            PORTS["bare"],
            log,
        )
        try:
            rows = []
            for label, path in urls:
                status, _, _ = fetch(PORTS["cached"], path)
                _, headers, _ = fetch(PORTS["cached"], path)
                kept = headers.get("X-Page-Cache") == "hit"
                note = "" if kept else "  (not kept: not cacheable)"
                bare = requests_per_second(PORTS["bare"], path, args.seconds, args.connections)
                cached = requests_per_second(PORTS["cached"], path, args.seconds, args.connections)
                drawn = requests_per_second(PORTS["drawn"], path, args.seconds, args.connections)
                rows.append((label, path, status, note, bare, cached, drawn))
                print(f"  measured {label} ({path})", flush=True)
            label = f"search, new words ({len(words)})"
            answers = [
                requests_per_second(PORTS[name], "/", args.seconds, args.connections, script)
                for name in ("bare", "cached", "drawn")
            ]
            note = "  (cached: mostly a first visit to each address)"
            rows.append((label, "/search/?q=…", 200, note, *answers))
        finally:
            stop(servers.values())
            subprocess.run(["redis-cli", "-n", str(REDIS_DB), "flushdb"], capture_output=True)

    print(
        f"wrk -c{args.connections} for {args.seconds} s each; gunicorn, 2 sync workers; "
        f"{os.environ.get('DATABASE_URL', 'SQLite').split('@')[-1]}; requests a second"
    )
    heads = ("status", "bare", "cached", "share", "drawn", "share")
    print(f"{'page type':<28} " + " ".join(f"{head:>8}" for head in heads))
    for label, _, status, note, bare, cached, drawn in rows:
        print(
            f"{label:<28} {status:>8} {bare:>8.0f} {cached:>8.0f} {cached / bare:>8.3f} "
            f"{drawn:>8.1f} {drawn / bare:>8.3f}{note}"
        )


if __name__ == "__main__":
    main()
