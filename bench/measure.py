#!/usr/bin/env python3
"""Time a command over repeated runs, and print the comparison table. Used by bench/compare.sh.

    measure.py run --results FILE --n N --tool NAME [--clean DIR] [--runs R] -- COMMAND...
    measure.py table --results FILE
    measure.py skip --results FILE --n N --tool NAME --why TEXT

`run` does one warm-up and R timed runs of COMMAND. Before each run (outside the timing) it
moves DIR, the tool's output folder, into TRASH (the folder beside DIR named `.trash`), so
every run is a full build into an empty folder; compare.sh deletes TRASH at its start and end.
The folder is moved rather than deleted because on ext4 a file created within seconds of many
deletions makes the kernel skip every recently freed inode of its block group
(`recently_deleted` in `ext4_create`): deleting 15,000 files right before a build made the
build's system time 3 to 5 times what it is otherwise, for any tool. Each
run is started with fork/exec and reaped with os.wait4, which gives its wall time (from just
before the start to the reaping), CPU time (user + system, the process and the children it
waited for) and peak resident set size (ru_maxrss). Any non-zero exit fails the benchmark.
One JSON line per command is appended to FILE.

`table` prints, per N, one Markdown table: median and minimum wall, median CPU, median peak
RSS, and the files written, then the ratios (of medians) of `irbook build` to each other site
generator of the same run, and a line for each tool that `skip` recorded as not measured.
Standard library only.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time


def count_files(d):
    return sum(len(files) for _, _, files in os.walk(d)) if d and os.path.isdir(d) else None


def once(cmd, clean):
    if clean and os.path.exists(clean):
        trash = os.path.join(os.path.dirname(clean), ".trash")
        os.makedirs(trash, exist_ok=True)
        os.rename(clean, os.path.join(trash, "%s-%d" % (os.path.basename(clean), time.time_ns())))
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Read stderr before reaping: a chatty tool would otherwise block on a full pipe.
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        sys.stderr.write(err.decode(errors="replace")[-4000:])
        sys.exit("error: %s exited with %d" % (" ".join(cmd), p.returncode))
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024


def run(args):
    cmd = args.command
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    once(cmd, args.clean)  # warm-up: page cache, lazily loaded libraries
    walls, cpus, rsss = [], [], []
    for _ in range(args.runs):
        w, c, r = once(cmd, args.clean)
        walls.append(w)
        cpus.append(c)
        rsss.append(r)
    rec = {
        "n": args.n, "tool": args.tool, "version": args.version, "note": args.note,
        "runs": args.runs, "wall": walls, "cpu": cpus, "rss": rsss,
        "files": count_files(args.clean), "command": cmd,
    }
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(rec) + "\n")
    sys.stderr.write("   %-14s N=%-6d wall median %7.3f s (%s)  cpu %7.3f s  rss %6.0f MiB\n" % (
        args.tool, args.n, statistics.median(walls), " ".join("%.3f" % w for w in walls),
        statistics.median(cpus), statistics.median(rsss) / 2**20))


def fmt_s(s):
    return "%.2f s" % s if s >= 0.1 else "%.0f ms" % (s * 1000)


def table(args):
    recs = []
    with open(args.results, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                recs.append(json.loads(line))
    for n in sorted({r["n"] for r in recs}):
        rows = [r for r in recs if r["n"] == n]
        head = next((r for r in rows if not r.get("skipped")), rows[0])
        title = "example handbook (repository root)" if n == 0 else "N = {:,} playbooks".format(n)
        print("\n%s%s; median of %d runs after 1 warm-up\n" % (
            title, (" " + head["note"]) if head.get("note") else "", head.get("runs", 0)))
        print("| tool | wall (median) | wall (min) | CPU (user+sys) | peak RSS | files written |")
        print("|---|---:|---:|---:|---:|---:|")
        med = {}
        skipped = [r for r in rows if r.get("skipped")]
        rows = [r for r in rows if not r.get("skipped")]
        for r in rows:
            m = (statistics.median(r["wall"]), statistics.median(r["cpu"]),
                 statistics.median(r["rss"]))
            name = r["tool"] + ((" " + r["version"]) if r.get("version") else "")
            med[name] = m
            files = "{:,}".format(r["files"]) if r.get("files") is not None else "-"
            print("| %s | %s | %s | %s | %.0f MiB | %s |" % (
                name, fmt_s(m[0]), fmt_s(min(r["wall"])), fmt_s(m[1]), m[2] / 2**20, files))
        base = med.get("irbook build")
        ratios = []
        for other in med:
            if base and other.split()[0] in ("hugo", "zola", "mdbook"):
                o = med[other]
                ratios.append("irbook build / %s: wall %.2fx, CPU %.2fx, peak RSS %.2fx" % (
                    other, base[0] / o[0], base[1] / o[1], base[2] / o[2]))
        ratios += ["%s: not measured (%s)" % (r["tool"], r["skipped"]) for r in skipped]
        if ratios:
            print("\n" + "  \n".join(ratios))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run")
    r.add_argument("--results", required=True)
    r.add_argument("--n", type=int, required=True)
    r.add_argument("--tool", required=True)
    r.add_argument("--version", default="")
    r.add_argument("--note", default="")
    r.add_argument("--clean")
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("command", nargs=argparse.REMAINDER)
    t = sub.add_parser("table")
    t.add_argument("--results", required=True)
    k = sub.add_parser("skip")
    k.add_argument("--results", required=True)
    k.add_argument("--n", type=int, required=True)
    k.add_argument("--tool", required=True)
    k.add_argument("--why", required=True)
    args = ap.parse_args()
    if args.what == "run":
        run(args)
    elif args.what == "table":
        table(args)
    else:
        with open(args.results, "a", encoding="utf-8") as f:
            f.write(json.dumps({"n": args.n, "tool": args.tool, "skipped": args.why}) + "\n")


if __name__ == "__main__":
    main()
