"""Reading and writing directory files: dispatch on the format, validate, raise one error."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from referrals.errors import ImportError_, Problem, ValidationError
from referrals.hsds import read_package, write_package
from referrals.model import Directory
from referrals.sheet import read_sheet
from referrals.validate import Problems, check_directory


def _parse(path: Path, problems: Problems) -> Directory:
    if not path.exists():
        raise ImportError_(f"{path}: no such file or directory")
    if path.is_dir() or path.name == "datapackage.json":
        return read_package(path, problems)
    if path.suffix.lower() in (".csv", ".xlsx", ".xlsm"):
        return read_sheet(path, problems)
    raise ImportError_(
        f"{path.name}: unknown format (give an HSDS datapackage.json or its folder, or a .csv/.xlsx sheet)")


def check_file(path: Path | str, today: Optional[date] = None) -> tuple[Directory, list[Problem]]:
    """Parse and check a file; every problem (errors and warnings) with file, row and field."""
    problems = Problems()
    directory = _parse(Path(path), problems)
    check_directory(directory, problems, today)
    ordered = sorted(problems.problems, key=lambda p: (p.file, p.row if p.row is not None else 0))
    return directory, ordered


def read_file(path: Path | str, today: Optional[date] = None) -> Directory:
    """The directory in ``path``; raises :class:`ValidationError` listing every error."""
    directory, problems = check_file(path, today)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors)
    return directory


def validate_file(path: Path | str, today: Optional[date] = None) -> list[Problem]:
    """Every problem of ``path`` (errors and warnings); empty when the file is clean."""
    return check_file(path, today)[1]


def export_package(directory: Directory, target: Path | str) -> Path:
    """Write ``directory`` as an HSDS package into ``target``; returns the datapackage.json path."""
    return write_package(directory, Path(target))
