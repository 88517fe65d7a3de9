"""The disguise front-end of each web-enabled persona, served at ``/shop/<persona>/``.

Pages are rendered from the persona file (``bot.persona.catalogue`` data) with the page
template in ``bot/web/templates``; the chat widget (``bot/web/static/shop.js``) talks to the web
channel. No trace is left in the browser: every response is ``no-store``, the only cookie is a
session cookie (HttpOnly, SameSite=Strict) holding the chat's session id, and the script
uses no Web Storage or IndexedDB.
"""
from __future__ import annotations

import html
import logging
import secrets
import string
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.disguise import not_found
from bot.web import STATIC, TEMPLATES
from core.persona import project_personas
from bot.web.i18n import strings

if TYPE_CHECKING:
    from bot.channels.web import WebInput
    from bot.persona.catalogue import DisplayView

logger = logging.getLogger(__name__)

_STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
#: Product pictures drawn as inline SVG (no image files, no emoji fonts needed): keyword -> shape.
_SHAPES = {
    "jar": '<rect x="22" y="34" width="56" height="46" rx="10" class="p"/><rect x="18" y="22" width="64" height="16" rx="5" class="a"/><rect x="32" y="48" width="36" height="18" rx="3" fill="#fff" opacity=".85"/>',
    "bar": '<rect x="14" y="36" width="72" height="36" rx="12" class="p"/><rect x="24" y="44" width="52" height="20" rx="8" fill="#fff" opacity=".35"/><circle cx="74" cy="28" r="6" class="a"/><circle cx="84" cy="18" r="4" class="a"/>',
    "tube": '<rect x="40" y="16" width="20" height="12" rx="3" class="a"/><path d="M34 28h32l6 56H28z" class="p"/><rect x="38" y="44" width="24" height="22" rx="3" fill="#fff" opacity=".85"/>',
    "cup": '<path d="M20 38h50v22a22 22 0 0 1-22 22h-6a22 22 0 0 1-22-22z" class="p"/><path d="M70 44h6a9 9 0 0 1 0 18h-6" class="sp" stroke-width="6" fill="none"/><path d="M36 16c-6 8 6 10 0 18M50 14c-6 8 6 10 0 18" class="sa" stroke-width="4" fill="none"/>',
    "bag": '<path d="M24 34h52l-4 50H28z" class="p"/><path d="M36 34c0-12 28-12 28 0" class="sa" stroke-width="5" fill="none"/><circle cx="42" cy="58" r="5" fill="#fff" opacity=".8"/><circle cx="56" cy="66" r="4" fill="#fff" opacity=".8"/><circle cx="58" cy="50" r="3" fill="#fff" opacity=".8"/>',
    "bottle": '<rect x="42" y="12" width="16" height="14" rx="3" class="a"/><rect x="28" y="26" width="44" height="60" rx="12" class="p"/><rect x="36" y="44" width="28" height="24" rx="4" fill="#fff" opacity=".85"/>',
    "pad": '<rect x="12" y="34" width="76" height="40" rx="20" class="p"/><path d="M30 46v16M22 54h16" stroke="#fff" stroke-width="5"/><circle cx="66" cy="48" r="5" class="a"/><circle cx="74" cy="58" r="5" class="a"/>',
    "target": '<circle cx="50" cy="52" r="34" class="p"/><circle cx="50" cy="52" r="22" fill="#fff" opacity=".9"/><circle cx="50" cy="52" r="11" class="a"/>',
    "bricks": '<rect x="14" y="58" width="34" height="22" rx="3" class="p"/><rect x="52" y="58" width="34" height="22" rx="3" class="p"/><rect x="32" y="32" width="34" height="22" rx="3" class="a"/>',
    "lantern": '<rect x="40" y="12" width="20" height="8" rx="2" class="a"/><rect x="30" y="20" width="40" height="60" rx="10" class="p"/><circle cx="50" cy="50" r="12" class="a"/>',
    "star": '<path d="M50 14l10 24 26 2-20 17 6 26-22-14-22 14 6-26-20-17 26-2z" class="p"/>',
}
_KEYWORDS = (
    ("hand", "tube"), ("cream", "jar"), ("soap", "bar"), ("balm", "tube"), ("lip", "tube"), ("tea", "cup"),
    ("salt", "bag"), ("bath", "bag"), ("shampoo", "bottle"), ("aim", "target"), ("build", "bricks"),
    ("lantern", "lantern"), ("quest", "lantern"),
)


def _art(item_id: str, kind: str) -> str:
    shape = next((s for key, s in _KEYWORDS if key in item_id), "jar" if kind == "shop" else "pad")
    return f'<svg viewBox="0 0 100 100" width="96" height="96" aria-hidden="true" focusable="false">{_SHAPES[shape]}</svg>'


def _headers(nonce: str | None = None) -> dict[str, str]:
    style = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    return {
        "Cache-Control": "no-store, max-age=0",
        "Pragma": "no-cache",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": (
            f"default-src 'self'; script-src 'self'; style-src {style}; img-src 'self' data:; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        ),
    }


@lru_cache(maxsize=1)
def _template() -> string.Template:
    return string.Template((TEMPLATES / "page.html").read_text(encoding="utf-8"))


def _pick_lang(request: Request, languages: tuple[str, ...]) -> str:
    asked = request.args.get("lang")
    if asked in languages:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in languages:
            return code
    return languages[0]


def render_page(view: "DisplayView", content: str, *, base: str, nonce: str, title: str) -> str:
    t = strings(view.lang)
    tips = view.kind != "shop"
    e = html.escape
    langs = "".join(
        f'<a href="?lang={e(code)}" lang="{e(code)}"'
        + (' aria-current="true"' if code == view.lang else "")
        + f">{e(code.upper())}</a>"
        for code in view.languages
    )
    footer = "".join(f"<p>{e(line)}</p>" for line in view.footer) or f"<p>{e(t['footer'])}</p>"
    exit_name = view.exit_label or t["close_page"]
    values = {
        "lang": e(view.lang), "title": e(title), "base": e(base), "nonce": nonce,
        "kind": "tips" if tips else "shop", "persona": e(view.persona), "exit_url": e(view.exit_url),
        "favicon": e(view.name[:1].upper()), "name": e(view.name),
        "tagline": e(view.tagline), "languages": langs if len(view.languages) > 1 else "",
        "banner": f'<p class="banner">{e(view.banner)}</p>' if view.banner else "", "content": content,
        "footer": footer, "exit_name": e(exit_name), "exit_title": e(f"{exit_name} (Shift ×3)"),
        "exit_icon": e(view.exit_icon),
        "exit_label": f' <span class="exit-label">{e(view.exit_label)}</span>' if view.exit_label else "",
        **{f"c_{k}": e(v) for k, v in view.colors.items()},
        **{f"t_{k}": e(v) for k, v in t.items()},
        "t_chat_open": e(t["chat_open_tips" if tips else "chat_open_shop"]),
        "t_chat_title": e(t["chat_title_tips" if tips else "chat_title_shop"]),
        "t_chat_hello": e(t["chat_hello_tips" if tips else "chat_hello_shop"]),
    }
    return _template().substitute(values)


def home_content(view: "DisplayView", base: str) -> str:
    t, e = strings(view.lang), html.escape
    tips = view.kind != "shop"
    cards = []
    for item in view.catalogue:
        price = f'<p class="price">{e(item.price)}</p>' if item.price else ""
        size = f'<span class="size">{e(item.size)}</span>' if item.size else ""
        cards.append(
            f'<li class="card"><a href="{e(base)}/p/{e(item.id)}?lang={e(view.lang)}">'
            f'<span class="art" aria-hidden="true">{_art(item.id, view.kind)}</span>'
            f"<h3>{e(item.name)}</h3>{size}"
            f'<p class="desc">{e(item.description)}</p>{price}</a></li>'
        )
    heading = t["catalogue_tips" if tips else "catalogue_shop"]
    return (
        f'<section class="hero"><h1>{e(view.name)}</h1><p>{e(view.tagline)}</p></section>'
        f'<section aria-labelledby="cat"><h2 id="cat">{e(heading)}</h2><ul class="grid">{"".join(cards)}</ul></section>'
    )


def product_content(view: "DisplayView", item_id: str, base: str) -> str | None:
    t, e = strings(view.lang), html.escape
    tips = view.kind != "shop"
    item = next((i for i in view.catalogue if i.id == item_id), None)
    if item is None:
        return None
    facts = []
    if item.size:
        facts.append(f"<dt>{e(t['size'])}</dt><dd>{e(item.size)}</dd>")
    if item.price:
        facts.append(f"<dt>{e(t['price'])}</dt><dd class=\"price\">{e(item.price)}</dd>")
    ask = t["ask_guide" if tips else "ask_product"]
    return (
        f'<p><a class="back" href="{e(base)}/?lang={e(view.lang)}">{e(t["back_tips" if tips else "back"])}</a></p>'
        f'<article class="product"><span class="art big" aria-hidden="true">{_art(item.id, view.kind)}</span>'
        f'<div><h1>{e(item.name)}</h1><p class="desc">{e(item.description)}</p><dl>{"".join(facts)}</dl>'
        f'<button type="button" class="ask" data-ask="{e(item.name)}">{e(ask)}</button></div></article>'
    )


def favicon_svg(emoji: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<text y=".9em" font-size="90">{html.escape(emoji)}</text></svg>'
    )


def shop_blueprint(channel: "WebInput") -> Blueprint:
    """Routes of the front-end; only personas the web channel serves are shown."""
    bp = Blueprint("popbot_shop", url_prefix="/shop")
    cache: dict[str, Any] = {}

    def persona(persona_id: str) -> Any | None:
        if "personas" not in cache:
            cache["personas"] = dict(project_personas())
        found = cache["personas"].get(persona_id)
        if found is None or (channel.personas is not None and persona_id not in channel.personas):
            return None
        return found

    def served(request: Request, persona_id: str) -> Any | None:
        """The persona if it exists, the channel serves it and it may be shown on this host."""
        return persona(persona_id) if channel.doors.serves(request, persona_id) else None

    def page(request: Request, persona_id: str, item_id: str | None) -> HTTPResponse:
        from bot.persona.catalogue import display_data

        p = served(request, persona_id)
        if p is None:
            return not_found()
        lang = _pick_lang(request, p.languages)
        view = display_data(p, lang, strings(lang)["free_delivery"])
        base = f"/shop/{p.id}"
        title = f"{view.name} — {view.tagline}"
        if item_id is None:
            content = home_content(view, base)
        else:
            content = product_content(view, item_id, base)
            if content is None:
                return not_found()
            title = f"{next(i.name for i in view.catalogue if i.id == item_id)} — {view.name}"
        nonce = secrets.token_urlsafe(16)
        resp = response.html(render_page(view, content, base=base, nonce=nonce, title=title), headers=_headers(nonce))
        _ensure_session(request, resp)
        return resp

    @bp.route("/<persona_id:str>/", methods=["GET"])
    async def home(request: Request, persona_id: str) -> HTTPResponse:
        return page(request, persona_id, None)

    @bp.route("/<persona_id:str>/p/<item_id:str>", methods=["GET"])
    async def product(request: Request, persona_id: str, item_id: str) -> HTTPResponse:
        return page(request, persona_id, item_id)

    @bp.route("/<persona_id:str>/favicon.svg", methods=["GET"])
    async def favicon(request: Request, persona_id: str) -> HTTPResponse:
        p = served(request, persona_id)
        if p is None:
            return not_found()
        emoji = p.display.favicon if p.display.favicon_is_emoji else "•"
        return response.text(favicon_svg(emoji), content_type="image/svg+xml", headers=_headers())

    @bp.route("/<persona_id:str>/static/<name:str>", methods=["GET"])
    async def static(request: Request, persona_id: str, name: str) -> HTTPResponse:
        path = STATIC / name
        if served(request, persona_id) is None or name not in {"shop.css", "shop.js"} or not path.is_file():
            return not_found()
        return response.text(path.read_text(encoding="utf-8"), content_type=_STATIC_TYPES[path.suffix], headers=_headers())

    return bp


def _ensure_session(request: Request, resp: HTTPResponse) -> None:
    """Give the browser a signed session id unless it already holds one this server issued."""
    from bot.channels import sessions

    if not sessions.verify(request.cookies.get(sessions.COOKIE)):
        sessions.set_cookie(request, resp, sessions.issue())
