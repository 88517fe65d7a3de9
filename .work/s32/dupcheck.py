"""Report my lines that equal (lower-cased, punctuation-stripped) a dev or training line. Never reads heldout/blind11."""
import json, re, sys
from pathlib import Path
def norm(s): return " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())
seen = set()
root = Path("tests/data")
for sub in root.iterdir():
    if not sub.is_dir() or sub.name in ("heldout", "blind11"): continue
    for f in sub.glob("*.jsonl"):
        for raw in f.read_text().splitlines():
            if raw.strip():
                try: seen.add(norm(json.loads(raw)["text"]))
                except Exception: pass
for f in list(Path("nlu/safety").glob("*.yml")) + list(Path("personas").glob("*.yml")) + list(Path("personas/benign").glob("*.txt")):
    for raw in f.read_text().splitlines():
        t = raw.strip().lstrip("- ").strip('"').strip("'")
        seen.add(norm(re.sub(r"\]\([a-z_]+\)", "", t).replace("[", "")))
for p in sys.argv[1:]:
    for raw in Path(p).read_text().splitlines():
        text = raw.split("|", 2)[2]
        if norm(text) in seen: print("DUP", p, text)
