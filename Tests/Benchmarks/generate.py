#!/usr/bin/env python3
"""Writes a synthetic journal for benchmarks: deterministic for a given seed.

Usage: generate.py OUT [--mentorships N] [--entries M] [--seed S]
Each mentorship gets an agreement, 5 goals with milestones, M sessions and M reflections
carrying action items, questions and realistic body text.
"""
import argparse, datetime, os, random

WORDS = ("we talked about the parser the review feedback a first patch testing strategy how to ask "
         "for help reading the codebase pairing on the design writing a short proposal time "
         "management the conference talk naming things the build was slow what to read next a "
         "small refactor the bug in the scheduler a demo for the team confidence").split()
FIRST = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances", "Donald", "Margaret", "Ken", "Radia",
         "Leslie", "Shafi", "John", "Karen", "Niklaus", "Sophie", "Tim", "Hedy", "Dennis", "Katherine"]
LAST = ["Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Allen", "Knuth", "Hamilton", "Thompson",
        "Perlman", "Lamport", "Goldwasser", "Backus", "Jones", "Wirth", "Wilson", "Berners", "Lamarr"]


def sentence(rng, low=8, high=20):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def person(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last} <{first.lower()}.{last.lower()}@example.org>", first.lower()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def mentorship(root, index, entries, rng):
    folder = os.path.join(root, f"pair-{index:04d}")
    mentor, mentor_handle = person(rng)
    mentee, mentee_handle = person(rng)
    start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randint(0, 60))
    write(os.path.join(folder, "agreement.md"),
          f"---\nmentor: {mentor}\nmentee: {mentee}\nstarted: {start}\ncadence: weekly\nduration: 1h\n"
          f"channel: video call\nreview: {start + datetime.timedelta(days=180)}\n---\n# Why\n\n{paragraph(rng)}\n\n"
          f"# Expectations\n\n{paragraph(rng)}\n\n# Commitments\n\n{paragraph(rng)}\n")
    goals = [f"goal-{g}" for g in range(1, 6)]
    for g, goal in enumerate(goals):
        milestones = "".join(
            f"  - title: {sentence(rng, 3, 6)[:-1]}\n    due: {start + datetime.timedelta(days=30 * (m + 1) + g)}\n"
            + (f"    done: {start + datetime.timedelta(days=30 * (m + 1))}\n" if m < 2 else "")
            for m in range(4))
        write(os.path.join(folder, "goals", f"{goal}.md"),
              f"---\ntitle: {sentence(rng, 3, 7)[:-1]}\nstatus: active\ncreated: {start}\n"
              f"target: {start + datetime.timedelta(days=200)}\nmeasure: {sentence(rng, 4, 8)}\n"
              f"milestones:\n{milestones}---\n\n{paragraph(rng)}\n")
    for n in range(entries):
        day = start + datetime.timedelta(days=7 * n)
        owner = rng.choice(["@mentor", "@mentee", "@" + mentee_handle, "@" + mentor_handle])
        due = day + datetime.timedelta(days=rng.randint(3, 20))
        notation = rng.choice([f"(due {due})", f"due: {due}", f"📅 {due}"])
        write(os.path.join(folder, "sessions", f"{day}.md"),
              f"---\ndate: {day}\nduration: 1h\ngoals: [{rng.choice(goals)}, {rng.choice(goals)}]\n"
              f"agenda:\n  - {sentence(rng, 3, 6)}\n  - {sentence(rng, 3, 6)}\n"
              + (f"next: {day + datetime.timedelta(days=7)}\n" if n % 3 == 0 else "")
              + f"---\n# Session {n + 1}\n\n## Notes\n\n{paragraph(rng)}\n\n{paragraph(rng)}\n\n"
              f"## Decisions\n\n- {sentence(rng)}\n- {sentence(rng)}\n\n"
              f"```\n- [ ] not a task, an example in a code block\n```\n\n"
              f"## Action items\n\n- [{'x' if n < entries - 3 else ' '}] {owner} {sentence(rng, 4, 9)} {notation}\n"
              f"- [ ] {rng.choice(['@mentor', '@mentee'])} {sentence(rng, 4, 9)}\n"
              f"- [x] {sentence(rng, 4, 9)}\n")
        rday = day + datetime.timedelta(days=3)
        write(os.path.join(folder, "reflections", f"{rday}.md"),
              f"---\ndate: {rday}\ngoals: [{rng.choice(goals)}]\nconfidence: {rng.randint(1, 5)}\n"
              + ("private: true\n" if n % 10 == 9 else "")
              + f"---\n# {sentence(rng, 3, 6)[:-1]}\n\n{paragraph(rng)}\n\n"
              f"## Questions\n\n- {sentence(rng, 5, 10)[:-1]}?\n- {sentence(rng, 5, 10)[:-1]}?\n\n"
              f"## Wins\n\n- {sentence(rng)}\n\n## Obstacles\n\n{paragraph(rng)}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--mentorships", type=int, default=250)
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for index in range(args.mentorships):
        mentorship(args.out, index, args.entries, rng)


if __name__ == "__main__":
    main()
