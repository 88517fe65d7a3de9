"""Code collisions: code phrases that ordinary visitors of that kind of site would write anyway.

A persona's code must be something only a child who knows it writes. For each code signal that
escalates (help, urgent, visit, peer help) and each language, every line of the kind's shipped
benign visitor set (:mod:`bot.persona.benign`) and every cover example of the *other* personas is
compared with the signal's code examples (:func:`similarities`: how much of a code example,
weighted by TF-IDF over the visitor lines, a visitor line contains). A visitor line at or above
:data:`THRESHOLD` against some code example "collides"; the figure is the share of visitor lines
that collide — ordinary visitors who would be taken for a child asking for help.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from bot.persona.benign import BENIGN_DIR, benign_lines, benign_path
from core.persona.schema import Persona
from core.persona.validate import example_text
from core.text import words

#: Code signals whose false alarm costs an ordinary visitor something (a discreet question, an
#: emergency number). ``not_safe`` and ``clean_chat`` only make the bot go quiet.
ESCALATING = ("help_request", "urgent", "visit_request", "peer_help")
#: Share of a code phrase's (rarity-weighted) words a visitor line must contain to collide.
THRESHOLD = 0.7
#: Letters of a word that count (``delivery``/``delivered``, ``dostawa``/``dostawę`` match).
STEM = 5


@dataclass(frozen=True)
class Match:
    """A visitor line close to a code example."""

    visitor: str  # the visitor line
    source: str  # "shop_en.txt" or "cover of gametips"
    example_index: int  # index of the code example in code.<signal>.examples.<lang>
    example: str
    similarity: float


@dataclass(frozen=True)
class Collision:
    """One code signal in one language whose examples look like ordinary visitor lines."""

    persona: str
    signal: str
    lang: str
    benign_set: str  # file name of the kind's benign set ("" when the kind has none)
    benign_lines: int  # lines in it
    cover_lines: int  # cover examples of the other personas compared
    matches: tuple[Match, ...]  # best match per colliding visitor line, most similar first

    @property
    def benign_matches(self) -> int:
        return sum(1 for m in self.matches if m.source == self.benign_set)

    @property
    def share(self) -> float:
        """The figure: share of the benign set's lines that collide."""
        return self.benign_matches / self.benign_lines if self.benign_lines else 0.0

    def summary(self) -> str:
        """``6 of 75 lines of shop_en.txt (8%), 1 of 348 cover examples of other personas``."""
        parts = []
        if self.benign_lines:
            parts.append(f"{self.benign_matches} of {self.benign_lines} lines of {self.benign_set} ({self.share:.0%})")
        if self.cover_lines:
            parts.append(f"{len(self.matches) - self.benign_matches} of {self.cover_lines} cover examples of other personas")
        return ", ".join(parts)

    @property
    def field(self) -> str:
        return f"code.{self.signal}.examples.{self.lang}"


def visitor_lines(
    persona: Persona, others: Iterable[Persona], lang: str, benign_dir: Path = BENIGN_DIR
) -> list[tuple[str, str]]:
    """``(line, source)``: the kind's benign set in ``lang`` and the other personas' cover examples."""
    lines: list[tuple[str, str]] = []
    benign = benign_lines(persona.kind, lang, benign_dir)
    if benign:
        lines += [(line, benign_path(persona.kind, lang, benign_dir).name) for line in benign]
    for other in others:
        if other.id == persona.id or lang not in other.languages:
            continue
        lines += [
            (example_text(example), f"cover of {other.id}")
            for intent in other.cover
            for example in intent.examples.get(lang, ())
        ]
    return lines


def _stems(text: str) -> frozenset[str]:
    """Word stems of the folded text: the first :data:`STEM` letters of each word (inflection)."""
    return frozenset(word[:STEM] for word in words(text) if len(word) > 1)


def similarities(examples: Sequence[str], lines: Sequence[str]) -> list[list[float]]:
    """``[example][line]``: how much of the code example a visitor line contains — the share of
    the example's word stems, each weighted by its rarity among the visitor lines (IDF), that the
    line has too. 1.0: the line contains the whole phrase ("urgent delivery today" in "can I get
    urgent delivery today? it's for a birthday"); common words ("the", "can") weigh little."""
    stems = [_stems(line) for line in lines]
    df = Counter(stem for line in stems for stem in line)
    idf = {stem: math.log((len(lines) + 1) / (count + 1)) + 1 for stem, count in df.items()}
    unseen = math.log(len(lines) + 1) + 1
    rows = []
    for example in examples:
        words = _stems(example)
        total = sum(idf.get(w, unseen) for w in words)
        rows.append([sum(idf[w] for w in words & line) / total if total else 0.0 for line in stems])
    return rows


def code_collisions(
    persona: Persona,
    others: Iterable[Persona] = (),
    *,
    threshold: float = THRESHOLD,
    benign_dir: Path = BENIGN_DIR,
) -> list[Collision]:
    """Every escalating code signal x language of ``persona`` with visitor lines at or above
    ``threshold`` (none: the code is distinct from what ordinary visitors write)."""
    others = list(others)
    found: list[Collision] = []
    for lang in persona.languages:
        lines = visitor_lines(persona, others, lang, benign_dir)
        if not lines:
            continue
        for signal in ESCALATING:
            code = persona.code.get(signal)
            examples = [example_text(e) for e in code.examples.get(lang, ())] if code else []
            if not examples:
                continue
            scores = similarities(examples, [line for line, _ in lines])
            matches = []
            for column, (line, source) in enumerate(lines):
                best = max(range(len(examples)), key=lambda row: scores[row][column])
                if scores[best][column] >= threshold:
                    matches.append(Match(line, source, best, examples[best], round(scores[best][column], 2)))
            if matches:
                matches.sort(key=lambda m: (-m.similarity, m.visitor))
                benign = benign_path(persona.kind, lang, benign_dir).name
                in_benign = sum(1 for _, source in lines if source == benign)
                found.append(Collision(
                    persona.id, signal, lang, benign if in_benign else "", in_benign, len(lines) - in_benign, tuple(matches)
                ))
    return found
