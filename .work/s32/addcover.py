"""addcover.py FILE NAME LANG COMMENT LINE...: append example lines to a persona cover/code intent's language list."""
import json, sys
path, name, lang, comment, *lines = sys.argv[1:]
src = open(path).read().split("\n")
i = next(k for k, l in enumerate(src) if l.strip() in (f"- name: {name}", f"{name}:") and l.startswith("  "))
j = next(k for k in range(i + 1, len(src)) if src[k] == f"      {lang}:")
k = j + 1
while k < len(src) and (src[k].startswith("        ") or not src[k].strip()):
    k += 1
while not src[k - 1].strip():
    k -= 1
new = [f"        # {comment}"] + [f"        - {json.dumps(l, ensure_ascii=False)}" for l in lines]
src[k:k] = new
open(path, "w").write("\n".join(src))
print(path, name, lang, "inserted at", k + 1, len(lines))
