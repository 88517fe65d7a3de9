"""Disguise web front-ends: templates and static files served by ``bot.channels.shop``."""
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES = WEB_DIR / "templates"
STATIC = WEB_DIR / "static"
