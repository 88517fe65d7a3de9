"""Append issue-13 training blocks to nlu/safety/{lang}.yml (fresh examples, not from any test split)."""
import sys
root = sys.argv[1]
import os
HN = os.path.dirname(os.path.abspath(__file__))
def block(intent, lang, lines, comment):
    out = [f"# {comment}", f"- intent: {intent}", f"  metadata: {{lang: {lang}}}", "  examples: |"]
    out += [f"    - {l}" for l in lines]
    return "\n".join(out) + "\n"
def read(name):
    try:
        return [l.strip() for l in open(f"{HN}/{name}", encoding="utf-8") if l.strip()]
    except FileNotFoundError:
        return []
for lang in ("en", "pl", "es"):
    path = f"{root}/nlu/safety/{lang}.yml"
    text = open(path, encoding="utf-8").read().rstrip("\n") + "\n\n"
    text += block("out_of_scope", lang, read(f"{lang}.txt"),
                  "Hard negatives (issue 13), written fresh from the categories, never from a test split: figurative\n"
                  "# violence and idioms, gaming talk, adult shoppers, everyday teen talk.")
    text += "\n" + block("abuse_disclosure", lang, read(f"neglect_{lang}.txt"),
                         "Neglect is abuse (issue 13): locked in, no food, left alone for days, no care.")
    urgent = read(f"urgent_{lang}.txt")
    if urgent:
        text += "\n" + block("self_harm_urgent", lang, urgent,
                             "Self-harm with a plan, means at hand or a time (issue 13).")
    open(path, "w", encoding="utf-8").write(text)
