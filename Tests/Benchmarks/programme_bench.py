#!/usr/bin/env python3
"""`journal programme report` over many repositories served on this machine by `git daemon`
and over smart HTTP (nginx, fcgiwrap and git-http-backend), against a shell loop of
`git clone --bare` / `git fetch` doing the fetching alone.

Cold: nothing cached (no mirror). Warm: nothing changed since the last run. Incremental: ten
repositories changed since the last run. Each repository is one mentorship of the benchmark's
generated journal (cycled), committed on a fixed day.

Usage: programme_bench.py JOURNAL TEMPLATE_JOURNAL WORK [--pairs N]
"""
import argparse, os, shutil, socket, subprocess, sys, time

DAY = "2026-11-20T12:00:00+00:00"


def git(args, cwd=None, env=None):
    run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                         env=dict(os.environ, GIT_AUTHOR_DATE=DAY, GIT_COMMITTER_DATE=DAY, **(env or {})))
    if run.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {run.stderr}")
    return run.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup(template, work, pairs):
    served = os.path.join(work, "served")
    stamp = os.path.join(work, ".ready")
    if not (os.path.exists(stamp) and open(stamp).read() == str(pairs)):
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(served)
        sources = sorted(d for d in os.listdir(template) if os.path.isdir(os.path.join(template, d)) and not d.startswith("."))
        works = []
        for name in sources:
            folder = os.path.join(work, "work", name)
            shutil.copytree(os.path.join(template, name), folder)
            git(["init", "-q", "-b", "main"], folder)
            git(["-c", "user.name=Bench", "-c", "user.email=b@example.org", "add", "-A"], folder)
            git(["-c", "user.name=Bench", "-c", "user.email=b@example.org", "commit", "-qm", "Start"], folder)
            works.append(folder)
        for index in range(pairs):
            bare = os.path.join(served, f"pair-{index:04d}.git")
            git(["init", "-q", "--bare", "-b", "main", bare])
            git(["push", "-q", bare, "main"], works[index % len(works)])
        with open(stamp, "w") as handle:
            handle.write(str(pairs))
    return served


PEAK = {}


def timed(command, env=None, cwd=None, label=None):
    """Seconds the command took; its peak resident memory goes into PEAK[label] (KB)."""
    memory = os.path.join(cwd or ".", ".peak")
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", memory, *command] if label and os.path.exists("/usr/bin/time") else command
    start = time.perf_counter()
    run = subprocess.run(wrapped, cwd=cwd, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {run.stderr[:500]}")
    elapsed = time.perf_counter() - start
    if wrapped is not command:
        PEAK[label] = int(open(memory).read().split()[-1])
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("journal")
    parser.add_argument("template")
    parser.add_argument("work")
    parser.add_argument("--pairs", type=int, default=500)
    args = parser.parse_args()
    print("\n".join(table(measure(args.journal, args.template, args.work, args.pairs))))


NGINX, FCGIWRAP, BACKEND = "/usr/sbin/nginx", "/usr/sbin/fcgiwrap", "/usr/lib/git-core/git-http-backend"


def wait_for(port):
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)


def http_host(served, folder, port):
    """nginx in front of fcgiwrap and git-http-backend, serving `served`; returns the processes."""
    os.makedirs(os.path.join(folder, "temp"), exist_ok=True)
    sock = os.path.join(folder, "fcgi.sock")
    user = "user root;\n" if os.geteuid() == 0 else ""
    with open(os.path.join(folder, "nginx.conf"), "w") as handle:
        handle.write(f"""{user}worker_processes 2;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {folder}/temp/body; fastcgi_temp_path {folder}/temp/fastcgi;
  proxy_temp_path {folder}/temp/proxy; uwsgi_temp_path {folder}/temp/uwsgi; scgi_temp_path {folder}/temp/scgi;
  server {{
    listen 127.0.0.1:{port};
    location / {{
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME {BACKEND};
      fastcgi_param GIT_PROJECT_ROOT {served};
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param PATH_INFO $uri;
      fastcgi_pass unix:{sock};
    }}
  }}
}}
""")
    fcgi = subprocess.Popen([FCGIWRAP, "-c", "8", "-s", "unix:" + sock], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    nginx = subprocess.Popen([NGINX, "-p", folder, "-c", os.path.join(folder, "nginx.conf")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(port)
    return [fcgi, nginx]


def measure(journal, template, work, pairs):
    """Both hosts, one after the other: {host: (pairs, results)}."""
    served = setup(template, work, pairs)
    measured = {}
    port = free_port()
    daemon = subprocess.Popen(["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={port}",
                               f"--base-path={served}", "--export-all", served],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port)
        measured["git daemon"] = measure_host(journal, work, served, pairs, f"git://127.0.0.1:{port}")
    finally:
        daemon.terminate()
        daemon.wait()
    if all(os.path.exists(p) for p in (NGINX, FCGIWRAP, BACKEND)):
        port = free_port()
        processes = http_host(served, os.path.join(work, "http-host"), port)
        try:
            measured["smart HTTP"] = measure_host(journal, work, served, pairs, f"http://127.0.0.1:{port}")
        finally:
            for process in processes:
                process.terminate()
                process.wait()
    return pairs, measured


def measure_host(journal, work, served, pairs, base):
    """Cold, warm and incremental runs against one host, beside git's own loop."""
    office = os.path.join(work, "office")
    shutil.rmtree(office, ignore_errors=True)
    os.makedirs(office)
    with open(os.path.join(office, "programme.yml"), "w") as handle:
        handle.write("pairs:\n" + "".join(f"  - url: {base}/pair-{i:04d}.git\n" for i in range(pairs)))
    cache = os.path.join(work, "cache")
    env = dict(os.environ, JOURNAL_CACHE_DIR=cache, JOURNAL_TODAY="2026-11-25", GIT_CEILING_DIRECTORIES=work)
    report = [journal, "programme", "report", "--format", "json", "--output", os.path.join(work, "report.json")]
    clones = os.path.join(work, "clones")
    urls = " ".join(f"{base}/pair-{i:04d}.git" for i in range(pairs))
    clone_loop = ["sh", "-c", f"i=0; for u in {urls}; do i=$((i+1)); git clone -q --bare $u {clones}/$i.git || exit 1; done"]
    fetch_loop = ["sh", "-c", f"for d in {clones}/*.git; do git -C $d fetch -q origin '+refs/heads/*:refs/heads/*' || exit 1; done"]
    results = {}
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(clones, ignore_errors=True)
    results["cold"] = (timed(report, env, office, "cold"), timed(clone_loop))
    results["warm"] = (timed(report, env, office, "warm"), timed(fetch_loop))
    # What asking every repository whether it changed costs the host, with as many connections
    # as journal uses: the floor of any warm run that fetches.
    ask = ["sh", "-c", f"printf '%s\\n' {urls} | xargs -P 8 -n 1 git ls-remote > /dev/null"]
    results["warm, beside git ls-remote 8 at a time"] = (timed(report, env, office), timed(ask))
    results["warm, mirrors as fetched (--no-fetch)"] = (timed(report + ["--no-fetch"], env, office), None)
    # Ten repositories change.
    for index in range(0, pairs, max(1, pairs // 10))[:10]:
        scratch = os.path.join(work, "scratch")
        shutil.rmtree(scratch, ignore_errors=True)
        git(["clone", "-q", os.path.join(served, f"pair-{index:04d}.git"), scratch])
        sessions = [d for d, _, _ in os.walk(scratch) if d.endswith("sessions")]
        with open(os.path.join(sessions[0] if sessions else scratch, "2026-11-24.md"), "a") as handle:
            handle.write("---\ndate: 2026-11-24\n---\n## Notes\n\n" if handle.tell() == 0 else "")
            handle.write(f"We met ({time.time()}).\n")
        git(["-c", "user.name=Bench", "-c", "user.email=b@example.org", "add", "-A"], scratch)
        git(["-c", "user.name=Bench", "-c", "user.email=b@example.org", "commit", "-qm", "Session"], scratch)
        git(["push", "-q", "origin", "main"], scratch)
    results["incremental (10 changed)"] = (timed(report, env, office, "incremental"), timed(fetch_loop))
    return results


def table(measured):
    pairs, hosts = measured
    lines = [f"{pairs} repositories served on this machine, one mentorship each; the git loop clones (cold) or "
             "fetches (warm, incremental) each bare repository in turn; `git ls-remote` 8 at a time only asks "
             "each repository for its branches, with as many connections as journal uses.", "",
             "| host | run | journal programme report | peak memory | git alone | ratio |",
             "|---|---|---|---|---|---|"]
    for host, results in hosts.items():
        lines += rows(host, results)
    return lines


def rows(host, results):
    lines = []
    for name, (ours, theirs) in results.items():
        peak = PEAK.get(name.split(" ")[0].rstrip(","))
        memory = f"{peak / 1024:.0f} MB" if peak and not name.startswith("warm,") else ""
        other = f"{theirs:.2f} s" if theirs else ""
        ratio = f"{ours / theirs:.2f}" if theirs else ""
        lines.append(f"| {host} | {name} | {ours:.2f} s | {memory} | {other} | {ratio} |")
    return lines


if __name__ == "__main__":
    main()
