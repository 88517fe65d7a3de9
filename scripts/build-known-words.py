"""Build nlu/words/known.txt.gz: the words nlu/spelling.py never repairs (real words of en/es/pl).

Source: the word-frequency lists of wordfreq 3.1.1 (https://github.com/rspeer/wordfreq, data
CC BY-SA 4.0, Robyn Speer et al.; from Wikipedia, OpenSubtitles, news, books, web text, Twitter and
Reddit). Only its data files are read, from the wheel, which this script fetches from PyPI once when
the file is rebuilt; nothing is downloaded when the bot runs. A word is kept when its Zipf frequency
in English, Spanish or Polish is at least MIN_ZIPF; words are folded as the NLU folds them
(core.text.fold: lowercase, no diacritics) and only words of letters are kept.

    python scripts/build-known-words.py [--wheel PATH]
"""
from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import msgpack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.text import fold  # noqa: E402

VERSION = "3.1.1"
LANGS = ("en", "es", "pl")
MIN_ZIPF = 2.5
OUT = Path(__file__).resolve().parents[1] / "nlu" / "words" / "known.txt.gz"


def zipf_words(wheel: Path, lang: str) -> set[str]:
    """Words of ``lang`` with a Zipf frequency of at least MIN_ZIPF (wordfreq's cBpack format)."""
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read(f"wordfreq/data/large_{lang}.msgpack.gz")
    buckets = msgpack.load(gzip.GzipFile(fileobj=io.BytesIO(raw)), raw=False)[1:]
    # bucket i holds the words of frequency 10 ** (-i / 100); Zipf = 9 + log10(frequency)
    return {word for i, bucket in enumerate(buckets) if 9 - i / 100 >= MIN_ZIPF for word in bucket}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wheel", type=Path, help=f"a downloaded wordfreq-{VERSION} wheel (else pip downloads it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "-qq", "download", "--no-deps", f"wordfreq=={VERSION}",
                            "-d", tmp], check=True)
            wheel = next(Path(tmp).glob("wordfreq-*.whl"))
        words = set()
        for lang in LANGS:
            words |= {fold(w) for w in zipf_words(wheel, lang)}
    words = sorted(w for w in words if w.isalpha())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write(("\n".join(words) + "\n").encode("utf-8"))
    print(f"{len(words)} words -> {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
