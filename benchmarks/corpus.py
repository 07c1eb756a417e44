"""A deterministic corpus of generated example articles for the benchmark.

Every sentence comes from templates written for this file, with slots filled from small word
lists and numbers drawn from a seeded generator, so no two files are the same text (spaCy's
per-string caches see realistic variety) and the same seed always gives the same corpus. The
articles mix health-news paragraphs in the domain of the bundled claims packs (doses, trials,
regulators, with the outdated phrasing the linter exists to catch) with off-topic filler, in
Markdown with front matter, headings, lists and the odd table. They are test input, not facts.
"""

from __future__ import annotations

import random
from pathlib import Path

DRUGS = ["MDMA", "psilocybin", "semaglutide", "tirzepatide", "ketamine", "esketamine", "liraglutide"]
CONDITIONS = ["PTSD", "depression", "type 2 diabetes", "obesity", "alcohol use disorder", "anxiety"]
AGENCIES = ["the FDA", "the EMA", "Australia's TGA", "Health Canada", "the MHRA"]
PLACES = ["Denver", "Melbourne", "Leeds", "Montreal", "Austin", "Utrecht", "Bergen", "Porto"]
PEOPLE = ["Dr. Alvarez", "Prof. Lindqvist", "Dr. Okafor", "Ms. Brennan", "Dr. Haddad", "Mr. Ito"]
MONTHS = ["January", "March", "April", "June", "August", "September", "October", "December"]
HOBBIES = ["allotment gardening", "cycling to work", "sourdough baking", "birdwatching", "choir singing"]
THINGS = ["tomato seedlings", "a folding bike", "rye starter", "a spotting scope", "sheet music", "rain barrels"]

CLAIMS = [
    "{drug} for {cond} is now on the verge of approval by {agency}, according to {person}.",
    "In a phase {phase} trial, {p}% of participants no longer met the criteria for {cond} after {w} weeks.",
    "Typical doses ranged from {d1} to {d2} mg, with a supplemental dose of {d3} mg given {h} hours later.",
    "{agency} is expected to decide on {drug} for {cond} by {month} {year}.",
    "About {p2}% of patients reported nausea, and {p3}% reported headaches during the sessions.",
    "The study (Mitchell et al. {year}) enrolled {n} participants across {sites} sites.",
    "Researchers reported a {p4}% drop in symptom scores compared with placebo at week {w}.",
    "{agency} has approved {drug} for {cond}, {person} told reporters in {place}.",
    "A course of treatment costs between ${k1},000 and ${k2},000 in private clinics in {place}.",
    "The half-life of {drug} is roughly {h2} hours, and the effects last {h} to {h3} hours.",
    "Patients lost an average of {p5}% of their body weight over {w2} weeks on the higher dose.",
    "Sponsors plan to file with {agency} in {year}, {person} said, though timelines often slip.",
]
PLAIN = [
    "{person} has run a clinic in {place} for {n2} years and sees a steady stream of questions.",
    "Many readers asked what the latest results mean for them, so we put the main points together here.",
    "Waiting lists in {place} remain long, and most people pay for the first appointment themselves.",
    "Nobody we spoke to expected quick answers, but several were hopeful about the next round of studies.",
    "The clinic's team meets every {month} to review cases and plan training for new staff.",
    "Talk therapy is still part of every programme, before and after each supervised session.",
    "Insurers in {place} have not yet said whether they will cover the treatment.",
    "Critics point out that small trials can overstate how well a treatment works in practice.",
    "Several patient groups in {place} have published guides for people considering treatment.",
]
FILLER = [
    "On weekends the neighbourhood turns to {hobby}, and the community centre lends out {thing}.",
    "The local library in {place} opens late on Thursdays, which suits people who work shifts.",
    "Rain arrived early this {month}, so the market moved indoors for the first time in {n2} years.",
    "A volunteer group meets by the river every other Sunday to clear litter and count birds.",
    "Our editor spent {month} learning {hobby} and reports mixed but cheerful results.",
    "Bus route {route} now runs every {mins} minutes, a change commuters in {place} had asked for.",
    "Readers sent in photos of {thing}, and we will share a selection in next week's issue.",
    "The school fair raised enough to repaint the hall and buy {thing} for the art room.",
]
HEADINGS = ["What the trials found", "What treatment looks like", "Costs and access", "What regulators said",
            "Side effects", "What comes next", "Around town", "Questions from readers", "Background"]


def _fill(template: str, rng: random.Random) -> str:
    d1 = rng.choice([60, 75, 80, 100, 120])
    return template.format(
        drug=rng.choice(DRUGS), cond=rng.choice(CONDITIONS), agency=rng.choice(AGENCIES), place=rng.choice(PLACES),
        person=rng.choice(PEOPLE), month=rng.choice(MONTHS), year=rng.randint(2017, 2027), phase=rng.choice([2, 3]),
        p=rng.randint(30, 80), p2=rng.randint(5, 40), p3=rng.randint(3, 30), p4=rng.randint(10, 60),
        p5=rng.randint(5, 22), w=rng.choice([8, 12, 18, 24]), w2=rng.choice([52, 68, 72]), d1=d1,
        d2=d1 + rng.choice([25, 40, 60]), d3=rng.choice([40, 50, 60]), h=rng.choice([1, 2, 4]),
        h2=rng.choice([6, 8, 9]), h3=rng.choice([6, 8, 10]), n=rng.randint(40, 900), sites=rng.randint(3, 30),
        k1=rng.randint(5, 12), k2=rng.randint(13, 30), n2=rng.randint(2, 25), hobby=rng.choice(HOBBIES),
        thing=rng.choice(THINGS), route=rng.randint(2, 99), mins=rng.choice([8, 10, 12, 15]),
    )


def _paragraph(rng: random.Random, claim_share: float) -> str:
    out = []
    for _ in range(rng.randint(3, 6)):
        r = rng.random()
        bank = CLAIMS if r < claim_share else PLAIN if r < claim_share + 0.35 else FILLER
        out.append(_fill(rng.choice(bank), rng))
    return " ".join(out)


def article(rng: random.Random, words: int) -> str:
    """One Markdown article of about `words` words."""
    title = _fill("{drug} and {cond}: notes from {place}", rng)
    parts = [f"---\ntitle: \"{title}\"\ndate: {rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---",
             f"# {title}"]
    claim_share = rng.choice([0.15, 0.3, 0.45])
    count = 0
    while count < words:
        r = rng.random()
        if r < 0.12:
            block = f"## {rng.choice(HEADINGS)}"
        elif r < 0.2:
            block = "\n".join(f"- {_fill(rng.choice(CLAIMS + PLAIN), rng)}" for _ in range(rng.randint(2, 5)))
        elif r < 0.23:
            rows = [f"| {rng.choice(DRUGS)} | {rng.randint(5, 80)}% | {rng.randint(20, 900)} |" for _ in range(3)]
            block = "\n".join(["| Drug | Response | Participants |", "|---|---|---|", *rows])
        else:
            block = _paragraph(rng, claim_share)
        parts.append(block)
        count += len(block.split())
    return "\n\n".join(parts) + "\n"


def build(out: Path, files: int, seed: int = 42, words: int = 1300) -> tuple[int, int]:
    """Write `files` articles into `out`; return (words, bytes)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total_words = total_bytes = 0
    for i in range(files):
        text = article(rng, rng.randint(words // 2, words * 3 // 2))
        data = text.encode("utf-8")
        (out / f"page-{i:05d}.md").write_bytes(data)
        total_words += len(text.split())
        total_bytes += len(data)
    return total_words, total_bytes
