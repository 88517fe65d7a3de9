#!/bin/sh
# popbot-env: export secrets mounted as files, then run the command.
#
# Every readable, non-empty file /run/secrets/popbot_<name> becomes the environment variable
# POPBOT_<NAME> (upper case), e.g. /run/secrets/popbot_master_keys -> POPBOT_MASTER_KEYS.
# popbot reads its secrets from the environment (bot/settings.py, bot/storage/keys.py); this lets
# compose `secrets:`, Kubernetes secret volumes or Docker Swarm hand them over as files, so they
# never appear in `docker inspect`, the compose file or the image.
#
# * An empty file is skipped (e.g. a Telegram token left blank: that bot is not started).
# * A variable already set in the environment wins; the file is then ignored (name printed).
# * An unreadable file stops the container: a secret that silently went missing must not turn
#   into a half-configured service (docs/design.md, invariant 4: fail closed).
# * Values are never printed.
#
# It is the image's ENTRYPOINT. `docker exec` / `docker compose exec` do not run the entrypoint:
# use `docker compose exec rasa popbot-env popbot keys status`.
set -eu

dir="${POPBOT_SECRETS_DIR:-/run/secrets}"
if [ -d "$dir" ]; then
    for file in "$dir"/popbot_*; do
        [ -f "$file" ] || continue
        base=$(basename "$file")
        name=$(printf '%s' "$base" | tr '[:lower:]' '[:upper:]')
        case "$name" in
            *[!A-Z0-9_]*)
                echo "popbot-env: ignoring $base (name must be popbot_ + letters, digits, _)" >&2
                continue
                ;;
        esac
        if [ ! -r "$file" ]; then
            echo "popbot-env: cannot read secret $file as uid $(id -u); give it to that uid (chown) and mode 0400" >&2
            exit 78
        fi
        eval "already=\${$name:-}"
        if [ -n "$already" ]; then
            echo "popbot-env: $name is already set in the environment; ignoring $file" >&2
            continue
        fi
        value=$(cat "$file")
        [ -n "$value" ] || continue
        export "$name=$value"
    done
fi
unset already value 2>/dev/null || true
exec "$@"
