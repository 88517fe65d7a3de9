#!/bin/sh
# Create or change the secret files of docker/compose.yml (docker/secrets/, never committed).
#
#   docker/init-secrets.sh                 generate every missing secret; never overwrites one
#   docker/init-secrets.sh set NAME        replace secret NAME with a value read from stdin
#                                          (e.g. popbot_telegram_token_rumianek)
#   docker/init-secrets.sh new-key         print a fresh key (for POPBOT_MASTER_KEYS rotation)
#
# Run it as root (sudo) so the files can be given to uid 10001, the image's popbot user: compose
# mounts secret files as they are on the host, and the popbot containers do not run as root.
# Never regenerate popbot_master_keys or popbot_pseudonym_key for a running service: the database
# would become unreadable (see docs/deploy.md, "Keys").
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dir="${POPBOT_SECRETS_OUT:-$here/secrets}"
owner="${POPBOT_SECRETS_OWNER:-10001:10001}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "init-secrets: needs $1" >&2; exit 1; }; }
need openssl

# 32 random bytes as base64url with padding: the key format of bot/storage/keys.py.
new_key() { openssl rand -base64 32 | tr '+/' '-_'; }
# URL-safe password (hex): used inside postgresql:// and redis:// URLs without escaping.
new_password() { openssl rand -hex 32; }

write() {  # write NAME VALUE: atomically, 0400, given to $owner when running as root
    name=$1
    tmp="$dir/.$name.tmp.$$"
    (umask 077 && printf '%s' "$2" > "$tmp")
    chmod 0400 "$tmp"
    if [ "$(id -u)" = 0 ]; then chown "$owner" "$tmp"; fi
    mv -f "$tmp" "$dir/$name"
}

create() {  # create NAME VALUE: only if absent
    if [ -e "$dir/$1" ]; then
        echo "kept     $1"
    else
        write "$1" "$2"
        echo "created  $1"
    fi
}

case "${1:-init}" in
    init)
        mkdir -p "$dir"
        chmod 0700 "$dir"
        if [ -e "$dir/postgres_password" ] && [ ! -e "$dir/popbot_database_url" ]; then
            echo "init-secrets: postgres_password exists without popbot_database_url; write it with 'set'" >&2
            exit 1
        fi
        pg=$(new_password)
        rd=$(new_password)
        [ -e "$dir/postgres_password" ] || create popbot_database_url "postgresql://popbot:$pg@postgres:5432/popbot"
        create postgres_password "$pg"
        [ -e "$dir/redis_password" ] || create popbot_redis_url "redis://:$rd@redis:6379/0"
        create redis_password "$rd"
        create popbot_rasa_token "$(openssl rand -hex 32)"
        create popbot_actions_secret "$(openssl rand -hex 32)"
        create popbot_master_keys "1:$(new_key)"
        create popbot_pseudonym_key "$(new_key)"
        create popbot_telegram_token_rumianek ""
        create popbot_telegram_token_gametips ""
        if [ "$(id -u)" != 0 ]; then
            echo "not root: files are yours; before 'docker compose up' run:" >&2
            echo "  sudo chown $owner $dir/* && sudo chmod 0400 $dir/*" >&2
        fi
        echo "Back up popbot_master_keys and popbot_pseudonym_key now, apart from any database backup."
        ;;
    set)
        [ $# -eq 2 ] || { echo "usage: $0 set NAME  (value on stdin)" >&2; exit 2; }
        case "$2" in
            *[!a-z0-9_]*|"") echo "init-secrets: bad secret name $2" >&2; exit 2 ;;
        esac
        [ -d "$dir" ] || { echo "init-secrets: run '$0' first" >&2; exit 1; }
        if [ -t 0 ]; then
            printf 'value for %s (not echoed): ' "$2" >&2
            stty -echo; IFS= read -r value; stty echo; echo >&2
        else
            value=$(cat)
        fi
        write "$2" "$value"
        echo "wrote    $2 (restart the services that use it)"
        ;;
    new-key)
        new_key
        echo
        ;;
    *)
        echo "usage: $0 [init | set NAME | new-key]" >&2
        exit 2
        ;;
esac
