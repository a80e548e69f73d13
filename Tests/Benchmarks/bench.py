#!/usr/bin/env python3
"""`make bench`: journal against the baselines a user would otherwise use, side by side.

Every measured command runs in the same invocation, alternating with its baselines, at least
five times; the table reports medians, ratios and peak memory (from wait4's rusage), and is
written to docs/performance.md together with the machine's core count.

Usage: bench.py [--runs N] [--quick] [--write]
"""
import argparse, datetime, os, platform, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(ROOT, ".build", "bench")
JOURNAL = os.path.join(ROOT, ".build", "release", "journal")
HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-25"
# journal's parse cache for every benchmark run, inside the work folder rather than ~/.cache.
CACHE = os.path.join(WORK, "cache")


TIME = "/usr/bin/time"


def run(command, cwd=None, env=None):
    """Runs a command; returns (seconds, peak resident KB). Output is discarded.

    Peak memory comes from /usr/bin/time when it is installed: a child forked straight from
    this Python process would inherit Python's own resident size in its rusage."""
    memory = os.path.join(WORK, "peak.txt")
    wrapped = [TIME, "-f", "%M", "-o", memory, *command] if os.path.exists(TIME) else command
    start = time.perf_counter()
    if env is None:
        # The generated journals sit inside this project's work tree; without a ceiling, git
        # discovery would find the project's own repository and its history.
        env = dict(os.environ, GIT_CEILING_DIRECTORIES=WORK, JOURNAL_CACHE_DIR=CACHE)
    process = subprocess.Popen(wrapped, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if code not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({code}): {err[:400]}")
    peak = usage.ru_maxrss
    if wrapped is not command:
        with open(memory) as handle:
            peak = int(handle.read().split()[-1])
    return elapsed, peak


def generate(name, mentorships, entries=40):
    folder = os.path.join(WORK, name)
    stamp = os.path.join(folder, ".generated")
    wanted = f"{mentorships} {entries}"
    if os.path.exists(stamp) and open(stamp).read() == wanted:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), folder, "--mentorships", str(mentorships),
                    "--entries", str(entries)], check=True)
    with open(stamp, "w") as handle:
        handle.write(wanted)
    return folder


def venv_python():
    folder = os.path.join(WORK, "venv")
    python = os.path.join(folder, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", folder], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    subprocess.run([python, "-c", "import yaml; yaml.CSafeLoader"], check=True)
    return python


def files_of(folder):
    return sum(len([n for n in names if n.endswith(".md")]) for _, _, names in os.walk(folder))


def compare(label, commands, runs):
    """Alternates the commands `runs` times; returns {name: (median seconds, peak KB)}."""
    times = {name: [] for name, _ in commands}
    peaks = {name: 0 for name, _ in commands}
    for _ in range(runs):
        for name, (command, cwd, setup) in commands:
            if setup:
                setup()
            seconds, peak = run(command, cwd=cwd)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    result = {name: (statistics.median(values), peaks[name]) for name, values in times.items()}
    RUNS.update(times)
    print(f"{label}: " + ", ".join(f"{n} {s:.3f}s" for n, (s, _) in result.items()), flush=True)
    return result


# Every run's times by command, for the spread of each ratio over the alternating rounds.
RUNS = {}


def spread(ours, theirs):
    """The lowest and highest ratio of one round's times, rounds paired in the order they ran."""
    ratios = [a / b for a, b in zip(RUNS.get(ours, []), RUNS.get(theirs, []))]
    return (min(ratios), max(ratios)) if ratios else None


def git(args, cwd):
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *args], cwd=cwd,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# Entries built to be slow: each is the shape a Markdown parser or journal's own code could
# spend the square of its length on, filled to just under the entry size limit (1 MB). An
# ordinary entry of the same size is the baseline each is timed beside.
HOSTILE_SIZE = 1_000_000


def hostile_shapes(n):
    row = lambda cells, cell: "|" + (cell + "|") * cells + "\n"
    return {
        "ordinary prose (baseline)": "Some words of a reflection, with a [link](https://example.org) and *emphasis*.\n\n"
                                     * (n // 80),
        "`![[]()` repeated": "![[]()" * (n // 6),
        "`![[]()` on every line": "![[]()\n" * (n // 7),
        "10,000-column table": row(10_000, "a") + row(10_000, "-") + row(10_000, "b") * (n // 20_002 - 2),
        "rows of 5,000 cells": "a|" * 50 + "\n" + "-|" * 50 + "\n" + ("|" * 5_000 + "\n") * (n // 5_001 - 1),
        "one line of e-mail addresses": "a_b@c.d " * (n // 8),
        "`*_` emphasis run": "*_" * (n // 2),
        "backtick runs": "".join("`" * i + "a" for i in range(1, 1400)),
        "action items": "- [ ] @mentee a task (due 2026-12-01)\n" * (n // 38),
        "100,000 nested block quotes": "> " * 100_000 + "- [ ] deep\n",
    }


def hostile_journal(name, body):
    folder = os.path.join(WORK, "hostile", name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "reflections"))
    with open(os.path.join(folder, "agreement.md"), "w") as handle:
        handle.write("---\nmentor: Mara <m@example.org>\nmentee: Theo <t@example.org>\nstarted: 2026-11-01\n"
                     "cadence: weekly\n---\n")
    with open(os.path.join(folder, "reflections", "2026-11-20.md"), "w") as handle:
        handle.write("---\ndate: 2026-11-20\n---\n# A reflection\n\n## Questions\n\n" + body + "\n")
    git(["init", "-q", "-b", "main"], folder)
    return folder


def hostile(runs):
    """Each hostile entry beside the ordinary one: lint, report, HTML report and status."""
    shapes = hostile_shapes(HOSTILE_SIZE)
    folders = {name: hostile_journal(f"shape-{index}", body) for index, (name, body) in enumerated(shapes)}
    commands = {
        "lint": ["--no-cache", "--today", TODAY, "lint"],
        "report": ["--no-cache", "--today", TODAY, "report", "--include-private"],
        "report --format html": ["--no-cache", "--today", TODAY, "report", "--include-private", "--format", "html"],
        "status": ["--no-cache", "status"],
    }
    results = {}
    for name, folder in folders.items():
        size = os.path.getsize(os.path.join(folder, "reflections", "2026-11-20.md"))
        timed = compare(f"hostile: {name}", [
            (f"{name} {what}", ([JOURNAL, "-C", folder, *arguments], None, None))
            for what, arguments in commands.items()], runs)
        results[name] = (size, {what: timed[f"{name} {what}"][0] for what in commands})
    return list(commands), results


def enumerated(mapping):
    return enumerate(mapping.items())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a smaller journal, for trying the suite")
    parser.add_argument("--write", action="store_true", help="write docs/performance.md")
    parser.add_argument("--hostile-only", action="store_true", help="only the hostile files, printed")
    parser.add_argument("--merge-only", action="store_true", help="only the merge corpus, printed")
    parser.add_argument("--lsp-only", action="store_true", help="only the language server, printed")
    parser.add_argument("--programme-only", action="store_true", help="only the programme of repositories, printed")
    parser.add_argument("--download-only", action="store_true", help="only the download (make dist), printed")
    args = parser.parse_args()
    if args.download_only:
        os.makedirs(WORK, exist_ok=True)
        print("\n".join(download_table(max(args.runs, 9))))
        return
    if args.merge_only:
        print("\n".join(merge_table(200 if args.quick else 400)))
        return
    if args.programme_only:
        os.makedirs(WORK, exist_ok=True)
        print("\n".join(programme_table(100 if args.quick else 500)))
        return
    if args.lsp_only:
        os.makedirs(WORK, exist_ok=True)
        print("\n".join(lsp_table()))
        return
    if args.hostile_only:
        os.makedirs(WORK, exist_ok=True)
        columns, results = hostile(max(args.runs, 3))
        print("\n".join(hostile_table(columns, results)))
        return
    runs = max(args.runs, 1 if args.quick else 5)
    os.makedirs(WORK, exist_ok=True)
    python = venv_python()
    size = 25 if args.quick else 250
    large = generate(f"journal-{size}", size)
    small = generate("journal-1", 1)
    count = files_of(large)
    rows = []

    lint = ["--today", TODAY, "lint", "--format", "json"]
    report = ["--today", TODAY, "report", "--format", "json"]
    cat = ["sh", "-c", "find . -name '*.md' -print0 | xargs -0 cat > /dev/null"]
    def forget_cache():
        shutil.rmtree(CACHE, ignore_errors=True)

    # Three ways a run can find the cache: none at all (--no-cache: every file parsed), filled
    # by the run before (nothing changed), and empty (every file parsed and the cache written).
    # Writing the cache is measured on its own: the 31 MB it writes (and the file it deletes
    # first) keep the disk busy for a while, which would fall on whatever ran next.
    run([JOURNAL, "-C", large, *lint])
    big = compare(f"{count} files", [
        ("journal lint --no-cache", ([JOURNAL, "-C", large, "--no-cache", *lint], None, None)),
        ("journal report --no-cache", ([JOURNAL, "-C", large, "--no-cache", *report], None, None)),
        ("journal lint, cache filled", ([JOURNAL, "-C", large, *lint], None, None)),
        ("journal report, cache filled", ([JOURNAL, "-C", large, *report], None, None)),
        ("python baseline", ([python, os.path.join(HERE, "baseline.py"), large], None, None)),
        ("cat", (cat, large, None)),
    ], runs)
    big.update(compare("writing the cache", [
        ("journal lint, writing the cache", ([JOURNAL, "-C", large, *lint], None, forget_cache)),
        ("journal lint --no-cache, beside them", ([JOURNAL, "-C", large, "--no-cache", *lint], None, None)),
    ], runs))
    for lint_name, report_name, how in (
            ("journal lint --no-cache", "journal report --no-cache", "--no-cache"),
            ("journal lint, cache filled", "journal report, cache filled", "cache filled")):
        rows.append((f"lint ({how}) vs Python baseline", big[lint_name][0], big["python baseline"][0],
                     "at least 8x faster", spread(lint_name, "python baseline")))
        rows.append((f"lint ({how}) vs cat", big[lint_name][0], big["cat"][0], "within 2x", spread(lint_name, "cat")))
        rows.append((f"report vs lint ({how})", big[report_name][0], big[lint_name][0], "within 1.2x",
                     spread(report_name, lint_name)))
    rows.append(("lint writing the cache vs --no-cache", big["journal lint, writing the cache"][0],
                 big["journal lint --no-cache, beside them"][0], "(no target; measured)",
                 spread("journal lint, writing the cache", "journal lint --no-cache, beside them")))

    one = compare("one mentorship", [
        ("journal report", ([JOURNAL, "-C", os.path.join(small, "pair-0000"), *report], None, None)),
        ("journal report --no-cache", ([JOURNAL, "-C", os.path.join(small, "pair-0000"), "--no-cache", *report],
                                       None, None)),
        ("journal --version", ([JOURNAL, "--version"], None, None)),
    ], max(runs, 9))

    commit_result = None
    help_text = subprocess.run([JOURNAL, "--help"], capture_output=True, text=True).stdout
    has_commit = "\n  commit " in help_text
    if has_commit:
        repos = {}
        for name in ("journal", "git"):
            repo = os.path.join(WORK, f"repo-{name}")
            shutil.rmtree(repo, ignore_errors=True)
            shutil.copytree(large, repo)
            git(["init", "-q", "-b", "main"], repo)
            git(["add", "-A"], repo)
            git(["commit", "-q", "-m", "start"], repo)
            repos[name] = repo
        counter = [0]

        def touch(repo):
            def change():
                counter[0] += 1
                path = os.path.join(repo, "pair-0000", "sessions", "2025-01-06.md")
                if not os.path.exists(path):
                    path = next(os.path.join(f, n) for f, _, ns in os.walk(os.path.join(repo, "pair-0000", "sessions")) for n in ns)
                with open(path, "a") as handle:
                    handle.write(f"\nA note {counter[0]}.\n")
            return change

        env_git = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.org"]
        commit_result = compare("commit one changed file", [
            ("journal commit", ([JOURNAL, "-C", repos["journal"], "commit", "-m", "note"], None, touch(repos["journal"]))),
            ("git add -A && git commit", (["sh", "-c", " ".join(env_git) + " add -A && " + " ".join(env_git)
                                          + " commit -q -m note"], repos["git"], touch(repos["git"]))),
        ], runs)
        rows.append(("commit vs git CLI", commit_result["journal commit"][0],
                     commit_result["git add -A && git commit"][0], "within 1.2x",
                     spread("journal commit", "git add -A && git commit")))

    sync_result = None
    if has_commit and "\n  sync " in help_text:
        # Each side has its own bare remote and a peer clone; before every run the peer pushes a
        # change to one file and the local clone commits a change to another, so every sync
        # fetches, merges two histories with a merge commit, and pushes.
        sides = {}
        for name in ("journal", "git"):
            remote = os.path.join(WORK, f"sync-{name}-remote.git")
            local = os.path.join(WORK, f"sync-{name}-local")
            peer = os.path.join(WORK, f"sync-{name}-peer")
            for folder in (remote, local, peer):
                shutil.rmtree(folder, ignore_errors=True)
            git(["clone", "-q", "--bare", repos["git"], remote], WORK)
            for clone in (local, peer):
                git(["clone", "-q", remote, clone], WORK)
                git(["config", "user.name", "Bench"], clone)
                git(["config", "user.email", "bench@example.org"], clone)
                git(["config", "pull.rebase", "false"], clone)
            sides[name] = (local, peer)
        rounds = [0]

        def diverge(local, peer):
            def change():
                rounds[0] += 1
                git(["pull", "-q", "--no-rebase", "--no-edit"], peer)
                for clone, file in ((peer, "goal-1.md"), (local, "goal-2.md")):
                    path = os.path.join(clone, "pair-0001", "goals", file)
                    with open(path, "a") as handle:
                        handle.write(f"\nNote {rounds[0]}.\n")
                    git(["commit", "-q", "-am", f"note {rounds[0]}"], clone)
                git(["push", "-q"], peer)
            return change

        sync_result = compare("sync after both sides changed", [
            ("journal sync", ([JOURNAL, "-C", sides["journal"][0], "sync"], None, diverge(*sides["journal"]))),
            ("git pull --no-rebase && git push", (["sh", "-c", "git pull -q --no-rebase --no-edit && git push -q"],
                                                  sides["git"][0], diverge(*sides["git"]))),
        ], runs)
        rows.append(("sync vs git CLI", sync_result["journal sync"][0],
                     sync_result["git pull --no-rebase && git push"][0], "(no target; measured)",
                     spread("journal sync", "git pull --no-rebase && git push")))

    scaling = []
    if not args.quick:
        for n in (25, 250, 1000):
            folder = generate(f"journal-{n}", n)
            result = compare(f"lint, {n} mentorships", [
                ("journal lint --no-cache", ([JOURNAL, "-C", folder, "--no-cache", *lint], None, None))],
                min(runs, 3))
            scaling.append((n, files_of(folder), *result["journal lint --no-cache"]))

    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {datetime.date.today()} on {os.cpu_count()} cores "
        f"({platform.machine()}, {platform.system()} {platform.release()}); medians of {runs} alternating runs, "
        "every command and its baselines in the same invocation. Release build, linked as `make install` links it.",
        "",
        f"## The {count}-file journal",
        "",
        "| command | median | peak memory |",
        "|---|---|---|",
    ]
    for name, (seconds, peak) in big.items():
        lines.append(f"| {name} | {seconds:.3f} s | {peak / 1024:.1f} MB |")
    lines += ["", "## Targets", "",
              "Ratio is journal's time over the baseline's (medians): below 1 means journal is faster. "
              "The range is the lowest and highest ratio of single alternating rounds, which shows how much "
              "the machine's load moved a ratio during the run.", "",
              "| comparison | journal | baseline | ratio | range | target | met |", "|---|---|---|---|---|---|---|"]
    for label, ours, theirs, target, bounds in rows:
        ratio = ours / theirs
        if target.startswith("at least"):
            wanted = float(target.split()[2].rstrip("x"))
            met, shown = ("yes" if theirs / ours >= wanted else "no"), f"{ratio:.2f} ({theirs / ours:.1f}x faster)"
        elif target.startswith("within"):
            met, shown = ("yes" if ratio <= float(target.split()[1].rstrip("x")) else "no"), f"{ratio:.2f}"
        else:
            met, shown = "", f"{ratio:.2f}"
        low_high = f"{bounds[0]:.2f}–{bounds[1]:.2f}" if bounds else ""
        lines.append(f"| {label} | {ours:.3f} s | {theirs:.3f} s | {shown} | {low_high} | {target} | {met} |")
    report_one, version = one["journal report"][0], one["journal --version"][0]
    report_cold = one["journal report --no-cache"][0]
    lines += ["", "## One mentorship", "",
              f"`journal report` on one mentorship of {files_of(small)} entries: {report_one * 1000:.1f} ms "
              f"({report_cold * 1000:.1f} ms with `--no-cache`), of which process start-up (`journal --version`) "
              f"is {version * 1000:.1f} ms ({version / report_one:.0%}; {version / report_cold:.0%} of the run "
              "without the cache)."]
    if scaling:
        lines += ["", "## How lint grows", "", "Every file parsed (`--no-cache`).", "",
                  "| mentorships | files | lint | per file | peak memory |",
                  "|---|---|---|---|---|"]
        for n, files, seconds, peak in scaling:
            lines.append(f"| {n} | {files} | {seconds:.3f} s | {seconds / files * 1e6:.0f} µs | {peak / 1024:.1f} MB |")
    columns, results = hostile(3 if args.quick else max(runs, 3))
    lines += ["", "## Hostile files", ""] + hostile_table(columns, results)
    lines += ["", "## Merging concurrent edits", ""] + merge_table(200 if args.quick else 400)
    lines += ["", "## The language server", ""] + lsp_table()
    lines += ["", "## A programme of many repositories", ""] + programme_table(100 if args.quick else 500)
    lines += ["", "## The download", ""] + download_table(max(runs, 9))
    if not has_commit:
        lines += ["", "`journal commit` is not available in this build; the commit and sync comparisons were skipped."]
    if sync_result:
        lines += ["", "Sync: before every run a peer clone pushes a change to one file and the local clone commits a "
                  "change to another, so each run fetches, makes a merge commit and pushes, against a bare remote on "
                  "the same disk."]
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    if args.write:
        # The hand-written notes (what was profiled, what moved) follow the measured tables.
        with open(os.path.join(HERE, "notes.md")) as handle:
            text += "\n" + handle.read()
        with open(os.path.join(ROOT, "docs", "performance.md"), "w") as handle:
            handle.write(text)


def merge_table(scenarios):
    """How many generated concurrent edits of one entry git's line merge and journal's leave in
    conflict (Tests/Benchmarks/merge_corpus.py)."""
    sys.path.insert(0, HERE)
    import merge_corpus
    return merge_corpus.table(merge_corpus.run(JOURNAL, scenarios, 2026))


def lsp_table():
    """From an edit to its diagnostics in `journal lsp`, on a journal of about 1,000 entries
    (Tests/Benchmarks/lsp_latency.py)."""
    sys.path.insert(0, HERE)
    import lsp_latency
    return lsp_latency.table(lsp_latency.measure(JOURNAL, generate("journal-12", 12), 40))


def programme_table(pairs):
    """`journal programme report` over `pairs` repositories served by git daemon
    (Tests/Benchmarks/programme_bench.py)."""
    sys.path.insert(0, HERE)
    import programme_bench
    template = generate("journal-25", 25)
    return programme_bench.table(programme_bench.measure(JOURNAL, template, os.path.join(WORK, "programme"), pairs))


# Distributions by the glibc they ship, oldest first: a binary that asks for glibc N runs on each
# release whose glibc is N or later.
GLIBC_RELEASES = [("2.31", "Debian 11, Ubuntu 20.04"), ("2.34", "RHEL 9, Rocky and Alma Linux 9"),
                  ("2.35", "Ubuntu 22.04, Fedora 36"), ("2.36", "Debian 12, Fedora 37"),
                  ("2.38", "Ubuntu 24.04, openSUSE Leap 16, Fedora 39"), ("2.39", "Fedora 40, Tumbleweed (2024)")]


def download_table(runs):
    """The download `make dist` writes, beside the development builds: what a person downloads and
    installs, how long the program takes to start, and the oldest glibc it runs with."""
    dist = os.path.join(ROOT, "dist")
    names = sorted(os.listdir(dist)) if os.path.isdir(dist) else []
    tarball = next((n for n in names if n.endswith(".tar.gz")), None)
    deb = next((n for n in names if n.endswith(".deb")), None)
    if not tarball:
        return ["`dist/` is empty: run `make dist` first."]
    stage = os.path.join(WORK, "download")
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(stage)
    subprocess.run(["tar", "-C", stage, "-xzf", os.path.join(dist, tarball)], check=True)
    folder = os.path.join(stage, tarball[:-len(".tar.gz")])
    binary = os.path.join(folder, "journal")
    installed = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    debug = os.path.join(ROOT, ".build", "debug", "journal")
    mb = lambda n: f"{n / 1e6:.1f} MB"
    symbols = subprocess.run(["objdump", "-T", binary], capture_output=True, text=True).stdout
    versions = sorted(set(re.findall(r"GLIBC_(2\.[0-9.]+[0-9])", symbols)), key=lambda v: [int(p) for p in v.split(".")])
    glibc = versions[-1] if versions else "?"
    needs = [line.split("[")[-1].rstrip("]") for line in
             subprocess.run(["readelf", "-d", binary], capture_output=True, text=True).stdout.splitlines()
             if "(NEEDED)" in line]
    covered = [dists for version, dists in GLIBC_RELEASES
               if [int(p) for p in version.split(".")] >= [int(p) for p in glibc.split(".")]]
    starts = compare("start-up", [
        ("download: journal --version", ([binary, "--version"], None, None)),
        ("make release: journal --version", ([JOURNAL, "--version"], None, None)),
        ("make build (debug): journal --version", ([debug, "--version"], None, None)),
    ], runs)
    lines = ["The download `make dist` writes, beside the development builds. Start-up is the median of "
             f"{runs} alternating runs of `journal --version`.", "",
             "| | download | installed | start-up |", "|---|---|---|---|",
             f"| tarball ({tarball}) | {mb(os.path.getsize(os.path.join(dist, tarball)))} | {mb(installed)} "
             f"(binary {mb(os.path.getsize(binary))}) | {starts['download: journal --version'][0] * 1000:.1f} ms |"]
    if deb:
        lines.append(f"| Debian package ({deb}) | {mb(os.path.getsize(os.path.join(dist, deb)))} | "
                     "the same files under /usr | the same binary |")
    lines += [f"| `make release` (.build/release/journal; needs libgit2 and cmark-gfm installed) | | "
              f"{mb(os.path.getsize(JOURNAL))} | {starts['make release: journal --version'][0] * 1000:.1f} ms |",
              f"| `make build` (.build/debug/journal; needs the Swift toolchain too) | | "
              f"{mb(os.path.getsize(debug))} | {starts['make build (debug): journal --version'][0] * 1000:.1f} ms |",
              "", f"The binary needs {', '.join(needs)} and no other library. The newest glibc symbol version it asks "
              f"for is GLIBC_{glibc}, so it runs on: {'; '.join(covered)}; and later releases of each."]
    return lines


def hostile_table(columns, results):
    baseline = results["ordinary prose (baseline)"][1]
    lines = ["One entry built to be slow, just under the 1 MB entry limit, in a mentorship of its own; every "
             "file parsed (`--no-cache`). In brackets, the time over the same command on an ordinary entry of the "
             "same size, run beside it. Each command should take about a second at most.", "",
             "| entry | size | " + " | ".join(columns) + " |", "|---|---|" + "---|" * len(columns)]
    slowest = 0.0
    for name, (size, times) in results.items():
        cells = [f"{times[c]:.2f} s ({times[c] / baseline[c]:.1f}x)" for c in columns]
        slowest = max(slowest, *times.values())
        lines.append(f"| {name} | {size / 1e6:.2f} MB | " + " | ".join(cells) + " |")
    lines += ["", f"Slowest single command: {slowest:.2f} s."]
    return lines


if __name__ == "__main__":
    main()
