#!/usr/bin/env python3
"""Concurrent edits of one entry, merged by git's line merge and by `journal merge-driver`.

Generates realistic pairs of edits a mentor and a mentee make to the same session notes,
reflection, goal or agreement between two syncs (ticks, due dates, new items, `next:`, agenda
items, milestones, notes appended or corrected, new sections), with now and then the same thing
changed differently on both sides, as happens. Each scenario is merged by `git merge-file`
and by journal's driver; the table counts the files left in conflict and the words either
side added that are missing from the result (inside markers counts as kept).

Usage: merge_corpus.py JOURNAL [--scenarios N] [--seed S] [--dump DIR]
(--dump writes each scenario's base, ours, theirs and path into DIR/NUMBER/ instead.)
"""
import argparse, collections, os, random, re, subprocess, sys, tempfile

OWNERS = ["@mentor", "@mentee"]
TOPICS = ["Case review", "Supervision notes", "Boundaries", "Night shifts", "Documentation", "Feedback",
          "Conference abstract", "Time off", "Difficult conversation", "Reading list"]
WORDS = ("we talked about the first case and how the handover went the mentee asked about "
         "escalation and the mentor shared a story from her first year on the ward").split()


def sentence(rng, n=None):
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(6, 14))]
    return " ".join(words).capitalize() + "."


def date(rng, month=12):
    return f"2026-{month:02d}-{rng.randint(1, 28):02d}"


def session(rng):
    agenda = rng.sample(TOPICS, rng.randint(1, 4))
    items = [f"- [ ] {rng.choice(OWNERS)} {sentence(rng, 5)[:-1].lower()} (due {date(rng)})"
             for _ in range(rng.randint(2, 5))]
    notes = [sentence(rng) for _ in range(rng.randint(2, 5))]
    return ("---\ndate: 2026-11-20\nstatus: held\nduration: 60\n# what we talk about next time\nagenda:\n"
            + "".join(f"  - {t}\n" for t in agenda) + "goals:\n  - clinical-reasoning\n---\n"
            + "## Notes\n\n" + "\n".join(notes) + "\n\n## Action items\n\n" + "\n".join(items)
            + "\n\n## Next\n\n" + sentence(rng) + "\n")


def reflection(rng):
    return ("---\ndate: 2026-11-22\nauthor: mentee\nconfidence: 3\ngoals: [clinical-reasoning]\n---\n"
            "## What went well\n\n" + sentence(rng) + "\n" + sentence(rng) + "\n\n## What was hard\n\n"
            + sentence(rng) + "\n\n## Questions for my mentor\n\n"
            + "".join(f"- {sentence(rng, 6)[:-1]}?\n" for _ in range(rng.randint(1, 3))))


def goal(rng):
    milestones = "".join(f"  - title: {t}\n    due: {date(rng, m)}\n"
                         for m, t in enumerate(rng.sample(["Present a case", "Lead a review", "Teach a session",
                                                            "Write a summary"], rng.randint(1, 3)), start=1))
    return ("---\ntitle: Clinical reasoning\nstatus: active\ntarget: 2027-03-01\nmeasure: leads case reviews alone\n"
            "milestones:\n" + milestones + "---\n## Why\n\n" + sentence(rng) + "\n\n## Progress\n\n"
            + "".join(f"- 2026-11-{d:02d}: {sentence(rng, 6)}\n" for d in sorted(rng.sample(range(1, 29), 2))))


def agreement(rng):
    return ("---\nmentor:\n  name: Mara Quinn\n  email: mara@example.org\nmentee:\n  name: Theo Park\n"
            "  email: theo@example.org\nstarted: 2026-09-01\ncadence: biweekly\nstatus: active\n---\n"
            "## Why\n\n" + sentence(rng) + "\n\n## Expectations\n\n"
            + "".join(f"- {sentence(rng, 7)}\n" for _ in range(3)) + "\n## Commitments\n\n" + sentence(rng) + "\n")


KINDS = {"sessions/2026-11-20.md": session, "reflections/2026-11-22.md": reflection,
         "goals/clinical-reasoning.md": goal, "agreement.md": agreement}


def lines_where(lines, pattern):
    return [i for i, line in enumerate(lines) if re.search(pattern, line)]


def section_end(lines, heading):
    """The index after the section's last non-blank line."""
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    while end > start + 1 and lines[end - 1] == "":
        end -= 1
    return end


def edits(path, lines, rng, who):
    """The edits a person may make to this entry: (what it touches, function)."""
    options = []
    fm_end = lines.index("---", 1)

    def set_key(key, value, after="date:"):
        def apply(ls):
            hits = [i for i in range(1, ls.index("---", 1)) if ls[i].startswith(key + ":")]
            if hits:
                ls[hits[0]] = f"{key}: {value}"
            else:
                ls.insert(lines_where(ls, "^" + after)[0] + 1, f"{key}: {value}")
        return (f"key {key}", value, apply)

    def append(heading, text):
        def apply(ls):
            ls.insert(section_end(ls, heading), text)
        return (f"append {heading} {who}", "", apply)

    def edit_line(index):
        new = sentence(rng)
        def apply(ls):
            ls[index] = new
        return (f"line {index}", new, apply)

    for index in lines_where(lines, r"^- \[ \]"):
        options.append((f"mark {index}", "x", lambda ls, i=index: ls.__setitem__(i, ls[i].replace("- [ ]", "- [x]", 1))))
        new_due = date(rng)
        options.append((f"due {index}", new_due,
                        lambda ls, i=index, d=new_due: ls.__setitem__(i, re.sub(r"due \d{4}-\d\d-\d\d", "due " + d, ls[i]))))
    for heading in [l for l in lines[fm_end:] if l.startswith("## ")]:
        if heading == "## Action items":
            options.append(append(heading, f"- [ ] {rng.choice(OWNERS)} {sentence(rng, 5)[:-1].lower()} (due {date(rng)})"))
        elif heading in ("## Questions for my mentor", "## Expectations"):
            options.append(append(heading, f"- {sentence(rng, 6)[:-1]}?"))
        elif heading == "## Progress":
            options.append(append(heading, f"- 2026-12-{rng.randint(1, 9):02d}: {sentence(rng, 6)}"))
        else:
            options.append(append(heading, sentence(rng)))
    prose = [i for i in range(fm_end + 1, len(lines)) if lines[i] and not lines[i].startswith(("#", "-"))]
    for index in prose:
        options.append(edit_line(index))
    if path.startswith("sessions"):
        options.append(set_key("next", date(rng), after="status:"))
        options.append(set_key("status", rng.choice(["moved", "cancelled"])))
        topic = rng.choice([t for t in TOPICS])
        options.append((f"agenda + {who} {topic}", "",
                        lambda ls, t=topic: ls.insert(max(lines_where(ls, "^  - ")[:-1] or lines_where(ls, "^agenda:")) + 1, f"  - {t}")))
        agenda = lines_where(lines, "^  - ")[:-1]
        if len(agenda) > 1:
            index = rng.choice(agenda)
            options.append((f"agenda - {lines[index]}", "", lambda ls, text=lines[index]: ls.remove(text) if text in ls else None))
    if path.startswith("reflections"):
        options.append(set_key("confidence", str(rng.randint(1, 5))))
    if path.startswith("goals"):
        options.append(set_key("target", date(rng, 4).replace("2026", "2027"), after="status:"))
        for index in lines_where(lines, r"^    due: "):
            new_due = date(rng, 2).replace("2026", "2027")
            options.append((f"milestone due {index}", new_due, lambda ls, i=index, d=new_due: ls.__setitem__(i, "    due: " + d)))
            options.append((f"milestone done {index}", "", lambda ls, i=index: ls.insert(i + 1, "    done: true")))
        title = rng.choice(["Run a clinic", "Mentor a student", "Audit the notes"])
        options.append((f"milestone + {who}", "", lambda ls, t=title: ls.insert(ls.index("---", 1), f"  - title: {t} ({who})")))
    if path == "agreement.md":
        options.append(set_key("cadence", rng.choice(["weekly", "monthly"])))
        options.append(set_key("ends", date(rng, 6).replace("2026", "2027"), after="status:"))
    options.append((f"section {who}", "", lambda ls: ls.extend(["", "## Follow-up", "", sentence(rng)])))
    return options


def position(option):
    """The line an edit acts at, for edits that hold a line number; the others find their place
    when applied (appends, new sections, front-matter keys and lists) and come after them."""
    target = option[0]
    numbers = re.findall(r"\d+$", target)
    if numbers and target.startswith(("mark", "due", "line", "milestone due", "milestone done")):
        return int(numbers[0])
    return -1


def scenario(rng):
    path = rng.choice(list(KINDS))
    base = KINDS[path](rng)
    lines = base.split("\n")[:-1]
    sides = []
    same = rng.random() < 0.06
    ours_options = edits(path, lines, rng, "o")
    theirs_options = edits(path, lines, rng, "t")
    chosen_ours = rng.sample(ours_options, min(len(ours_options), rng.randint(1, 3)))
    targets = {t for t, _, _ in chosen_ours}
    if same:
        # The same thing changed differently on both sides (a real conflict).
        contested = [o for o in theirs_options if o[0] in targets and o[1]
                     and o[1] != dict((t, v) for t, v, _ in chosen_ours)[o[0]]]
        chosen_theirs = [rng.choice(contested)] if contested else []
    else:
        chosen_theirs = []
    free = [o for o in theirs_options if o[0] not in targets]
    chosen_theirs += rng.sample(free, min(len(free), rng.randint(1, 3) - len(chosen_theirs) or 1))
    for chosen in (chosen_ours, chosen_theirs):
        side = list(lines)
        # From the bottom up, so that the line numbers the edits hold still point where they did.
        for _, _, apply in sorted(chosen, key=position, reverse=True):
            apply(side)
        sides.append("\n".join(side) + "\n")
    contested = bool(same and chosen_theirs and chosen_theirs[0][0] in targets)
    return path, base, sides[0], sides[1], contested


def added_words(base, side):
    return collections.Counter(side.split()) - collections.Counter(base.split())


def lost(base, ours, theirs, result):
    have = collections.Counter(result.split())
    missing = 0
    for side in (ours, theirs):
        for word, count in added_words(base, side).items():
            missing += max(0, count - have[word])
    return missing


def run(journal, count, seed):
    rng = random.Random(seed)
    totals = collections.Counter()
    with tempfile.TemporaryDirectory() as folder:
        for number in range(count):
            path, base, ours, theirs, contested = scenario(rng)
            files = {}
            for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
                files[name] = os.path.join(folder, name)
                with open(files[name], "w") as handle:
                    handle.write(text)
            git = subprocess.run(["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs",
                                  files["ours"], files["base"], files["theirs"]], capture_output=True, text=True)
            driver = subprocess.run([journal, "merge-driver", files["base"], files["ours"], files["theirs"], path],
                                    capture_output=True, text=True, cwd=folder)
            if driver.returncode not in (0, 1):
                raise SystemExit(f"journal merge-driver failed: {driver.stderr}")
            with open(files["ours"]) as handle:
                merged = handle.read()
            totals["scenarios"] += 1
            totals["contested"] += contested
            totals["git conflicts"] += git.returncode != 0
            totals["journal conflicts"] += driver.returncode != 0
            totals["git lost words"] += lost(base, ours, theirs, git.stdout)
            totals["journal lost words"] += lost(base, ours, theirs, merged)
            totals["journal conflicts not contested"] += driver.returncode != 0 and not contested
            totals[f"kind {path.split('/')[0]}"] += 1
    return totals


def table(totals):
    git, ours = totals["git conflicts"], totals["journal conflicts"]
    fewer = 1 - ours / git if git else 0
    kinds = ", ".join(f"{totals[k]} {k[5:].replace('.md', '')}" for k in sorted(totals) if k.startswith("kind "))
    return [
        f"{totals['scenarios']} generated scenarios of two people editing one entry between syncs ({kinds}); "
        f"in {totals['contested']} of them both changed the same thing differently, a conflict no merge can decide.",
        "", "| merge | files left in conflict | words either side added, lost |", "|---|---|---|",
        f"| git's line merge (`git merge-file`) | {git} | {totals['git lost words']} |",
        f"| journal (`journal merge-driver`) | {ours} | {totals['journal lost words']} |",
        "", f"journal leaves {fewer:.0%} fewer files in conflict than git (target: at least 90%); "
        f"{totals['journal conflicts not contested']} of its conflicts are in scenarios where the two sides "
        "changed different things."]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("journal")
    parser.add_argument("--scenarios", type=int, default=400)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--dump")
    args = parser.parse_args()
    if args.dump:
        rng = random.Random(args.seed)
        for number in range(args.scenarios):
            path, base, ours, theirs, contested = scenario(rng)
            folder = os.path.join(args.dump, f"{number:03d}")
            os.makedirs(folder, exist_ok=True)
            for name, text in (("base", base), ("ours", ours), ("theirs", theirs), ("path", path),
                               ("contested", str(contested).lower())):
                with open(os.path.join(folder, name), "w") as handle:
                    handle.write(text)
        return
    print("\n".join(table(run(args.journal, args.scenarios, args.seed))))


if __name__ == "__main__":
    main()
