"""A copy of the bundled example journal for `journal lsp` to serve, and the binary to run."""
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOURNAL = os.environ.get("JOURNAL_BINARY", os.path.join(ROOT, ".build", "debug", "journal"))
TODAY = "2026-11-25"


def fresh_journal():
    """A new copy of examples/ada-grace in a temporary folder; returns its path."""
    folder = os.path.join(tempfile.mkdtemp(prefix="journal-lsp-"), "ada-grace")
    shutil.copytree(os.path.join(ROOT, "examples", "ada-grace"), folder)
    return folder


def lint(folder, path, text):
    """What `journal lint --format json` says of `path` holding `text`, in a copy of the journal."""
    copy = os.path.join(tempfile.mkdtemp(prefix="journal-lint-"), "ada-grace")
    shutil.copytree(folder, copy)
    with open(os.path.join(copy, path), "w") as handle:
        handle.write(text)
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=os.path.dirname(copy), JOURNAL_CACHE_DIR=os.path.join(copy, ".cache-none"))
    run = subprocess.run([JOURNAL, "--today", TODAY, "--no-cache", "lint", "--format", "json"], cwd=copy,
                         capture_output=True, text=True, env=env)
    import json
    return [d for d in json.loads(run.stdout)["diagnostics"] if d["path"] == path]
