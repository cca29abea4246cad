#!/usr/bin/env python3
"""From a saved playbook to the browser's reload event, through a running `irbook serve`.

    bench/serve_latency.py BINARY HANDBOOK_ROOT [--edits N] [--gap SECONDS]

Starts `BINARY serve --port 0` on a copy-free handbook (the edit is undone at the end),
listens to the live-reload events of the edited playbook's page as a browser does, saves the
playbook N times (through a temporary file and a rename, as editors do) and prints the median
and p95 time from the rename to the `reload` event, and the server's memory.
"""
import argparse, os, re, socket, statistics, subprocess, sys, time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("root"); ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--gap", type=float, default=1.0, help="seconds between two saves")
    args = ap.parse_args()
    playbooks = os.path.join(args.root, "content", "playbooks")
    name = sorted(f for f in os.listdir(playbooks) if f.endswith(".md"))[0]
    path = os.path.join(playbooks, name)
    original = open(path, encoding="utf-8").read()
    env = dict(os.environ, NO_COLOR="1")
    proc = subprocess.Popen([args.binary, "serve", "--port", "0", "--root", args.root],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        port = None
        for line in proc.stderr:
            m = re.search(r" at http://127\.0\.0\.1:(\d+)/", line)
            if m:
                port = int(m.group(1)); break
        if port is None:
            sys.exit("serve did not start")
        page = "/playbooks/" + name[:-3] + ".html"
        body = http_get(port, page)
        generation = re.search(rb"live\.js\?g=(\d+)", body).group(1).decode()
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(f"GET /__irbook/events?g={generation}&page={page} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        events.settimeout(60)
        buffer = b""
        times = []
        for i in range(args.edits):
            tmp = path + "___jb_tmp___"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(original + f"\nEdit number {i}.\n")
            start = time.perf_counter()
            os.rename(tmp, path)
            while b"event: reload" not in buffer:
                chunk = events.recv(65536)
                if not chunk:
                    sys.exit("the event stream closed")
                buffer += chunk
            times.append(time.perf_counter() - start)
            buffer = buffer[buffer.index(b"event: reload") + 13:]
            time.sleep(args.gap)
        rss = hwm = "?"
        for line in open(f"/proc/{proc.pid}/status"):
            if line.startswith("VmRSS"): rss = line.split()[1]
            if line.startswith("VmHWM"): hwm = line.split()[1]
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{args.root}: {len(times)} saves {args.gap} s apart, save -> reload event: median {statistics.median(times)*1000:.0f} ms, "
              f"p95 {p95*1000:.0f} ms; serve memory {int(rss)//1024} MB now, peak {int(hwm)//1024} MB")
    finally:
        proc.terminate(); proc.wait()
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)

def http_get(port, path):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk: break
        data += chunk
    return data

if __name__ == "__main__":
    main()
