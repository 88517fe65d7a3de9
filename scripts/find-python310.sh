#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain where we looked and exit 1.
# Order: $PYTHON, python3.10 on PATH, pyenv's 3.10.x, `uv python find 3.10`.
set -u
is310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
if [ -n "${PYTHON:-}" ]; then
  if is310 "$PYTHON"; then echo "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a working Python 3.10 interpreter (Rasa 3.6 needs exactly 3.10)." >&2
  exit 1
fi
if p=$(command -v python3.10 2>/dev/null) && is310 "$p"; then echo "$p"; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for p in $(ls -d "$root"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
    if is310 "$p"; then echo "$p"; exit 0; fi
  done
fi
if command -v uv >/dev/null 2>&1; then
  if p=$(uv python find 3.10 2>/dev/null) && is310 "$p"; then echo "$p"; exit 0; fi
fi
cat >&2 <<MSG
No Python 3.10 interpreter found. Rasa 3.6 runs on Python 3.10 only. Looked at:
  - the PYTHON variable            (make PYTHON=/path/to/python3.10 ...)
  - python3.10 on PATH
  - pyenv's versions/3.10.*        (pyenv install 3.10)
  - uv python find 3.10            (uv python install 3.10)
MSG
exit 1
