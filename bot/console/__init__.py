"""The counselor console: a separate ASGI application (Starlette + Jinja2 + htmx) on its own
port (``POPBOT_CONSOLE_PORT``, 8080), with its own accounts (argon2id + mandatory TOTP),
server-side sessions and a permissions rules file (``permissions.yml``). See docs/console.md."""
