#!/usr/bin/env bash
# A throwaway PostgreSQL for Corridor nodes and tests (used by `deployments/corridor up --db postgresql`
# and reusable from CI).
#
#   postgres.sh start DIR PORT [DB...]   initdb DIR once, start it on 127.0.0.1:PORT (only), make sure the
#                                         login role exists and each DB exists, owned by that role
#   postgres.sh stop DIR                  stop the server running from DIR (fast shutdown)
#   postgres.sh status DIR               say whether it runs; exit 0 if it does, 3 if not
#
# Both start and stop are idempotent: starting a running server only checks the role and databases,
# stopping a stopped one does nothing.
#
# Layout: DIR/data (the cluster), DIR/postgres.log (server log), DIR/superuser.password (password of the
# `postgres` superuser, random, 0600). Settings: listen_addresses=127.0.0.1, no Unix socket,
# max_prepared_transactions=64 (XA needs it), password authentication (scram-sha-256) for every TCP client.
#
# Environment: CORRIDOR_PG_USER / CORRIDOR_PG_PASSWORD (default corridor / corridor) name the login role
# created for the application. PostgreSQL binaries come from PATH or the newest /usr/lib/postgresql/*/bin.
# initdb refuses to run as root: as root, the server runs as the `postgres` OS user and DIR is chowned to it.
set -euo pipefail

readonly PROG="postgres.sh"
readonly APP_USER="${CORRIDOR_PG_USER:-corridor}"
readonly APP_PASSWORD="${CORRIDOR_PG_PASSWORD:-corridor}"
readonly START_TIMEOUT_S=60
readonly STOP_TIMEOUT_S=60

die() { echo "$PROG: $*" >&2; exit 1; }
say() { echo "$PROG: $*"; }

usage() {
    cat >&2 <<EOF
usage: $PROG start DIR PORT [DB...]   start (initdb once) a PostgreSQL in DIR on 127.0.0.1:PORT
       $PROG stop DIR                 stop it
       $PROG status DIR               exit 0 if it runs, 3 if not
EOF
    exit 2
}

# Finds the PostgreSQL programs: initdb on PATH, else under the newest /usr/lib/postgresql/<version>/bin;
# pg_ctl and psql from the same directory as initdb when they are there (Debian's /usr/bin/psql is a
# wrapper that picks a version on its own).
find_bins() {
    local initdb="" dir
    if initdb="$(command -v initdb 2>/dev/null)" && [[ -x "$initdb" ]]; then
        dir="$(dirname "$(readlink -f "$initdb")")"
    else
        dir=""
        for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -rn); do
            if [[ -x "$candidate/initdb" ]]; then dir="$candidate"; break; fi
        done
        [[ -n "$dir" ]] || die "cannot find initdb on PATH or under /usr/lib/postgresql/*/bin: install the PostgreSQL server binaries"
    fi
    local name var path
    for name in initdb pg_ctl psql; do
        path="$dir/$name"
        if [[ ! -x "$path" ]]; then
            path="$(command -v "$name" 2>/dev/null)" || die "cannot find $name (looked in $dir and on PATH)"
        fi
        var="${name^^}"
        printf -v "$var" '%s' "$path"
    done
}

# Runs a command as the OS user that owns the cluster: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

abs_dir() {
    local dir="$1"
    [[ -n "$dir" ]] || usage
    mkdir -p "$dir"
    (cd "$dir" && pwd -P)
}

is_running() {
    local data="$1/data"
    [[ -f "$data/PG_VERSION" ]] || return 1
    as_owner "$PG_CTL" status -D "$data" >/dev/null 2>&1
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

psql_admin() {
    local port="$1"; shift
    PGPASSWORD="$(cat "$DIR/superuser.password")" PGCONNECT_TIMEOUT=5 \
        "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

init_cluster() {
    local dir="$1" port="$2"
    if [[ "$(id -u)" -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' OS user to run PostgreSQL as"
        chown postgres: "$dir"
        as_owner test -w "$dir" \
            || die "the 'postgres' OS user cannot write to $dir (a parent directory is not accessible to it?)"
    fi
    say "initialising a PostgreSQL cluster in $dir/data"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$dir/superuser.password")
    [[ "$(id -u)" -ne 0 ]] || chown postgres: "$dir/superuser.password"
    as_owner "$INITDB" -D "$dir/data" -U postgres --pwfile="$dir/superuser.password" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed (log above, also in $dir/initdb.log)"; }
    # Appended to postgresql.conf (later lines win). `start` also passes the port on the command line, so
    # a later start on another port works. fsync and friends are off: this database is disposable, and
    # they only matter when the machine, not the server process, crashes.
    cat >>"$dir/data/postgresql.conf" <<EOF

# --- set by $PROG ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_prepared_transactions = 64
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

cmd_start() {
    [[ $# -ge 2 ]] || usage
    DIR="$(abs_dir "$1")"
    local port="$2"; shift 2
    [[ "$port" =~ ^[0-9]+$ && "$port" -ge 1024 && "$port" -le 65535 ]] || die "PORT must be a number 1024..65535, was '$port'"
    local db
    for db in "$@"; do
        [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "database name '$db' must be letters, digits and _"
    done

    if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
        init_cluster "$DIR" "$port"
    fi

    if is_running "$DIR"; then
        local running_port
        running_port="$(sed -n 4p "$DIR/data/postmaster.pid" 2>/dev/null || true)"
        if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
            die "PostgreSQL in $DIR already runs, on port $running_port, not $port: stop it first ($PROG stop $DIR)"
        fi
        say "PostgreSQL in $DIR is already running on 127.0.0.1:$port"
    else
        if port_in_use "$port"; then
            die "port $port is already in use by another process: choose another (CORRIDOR_PG_PORT for the launcher)"
        fi
        say "starting PostgreSQL in $DIR on 127.0.0.1:$port; waiting up to ${START_TIMEOUT_S} s for it to accept connections (log: $DIR/postgres.log)"
        if [[ "$(id -u)" -eq 0 ]]; then
            touch "$DIR/postgres.log" && chown postgres: "$DIR/postgres.log"
        fi
        as_owner "$PG_CTL" start -D "$DIR/data" -l "$DIR/postgres.log" -w -t "$START_TIMEOUT_S" \
            -o "-p $port" >/dev/null \
            || { tail -n 20 "$DIR/postgres.log" >&2 || true; die "PostgreSQL did not start (see $DIR/postgres.log)"; }
        say "PostgreSQL is accepting connections on 127.0.0.1:$port"
    fi

    # The application's login role and databases (idempotent).
    local quoted_password="${APP_PASSWORD//\'/\'\'}"
    if [[ "$(psql_admin "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER'")" != 1 ]]; then
        say "creating role $APP_USER"
        psql_admin "$port" -c "CREATE ROLE \"$APP_USER\" LOGIN PASSWORD '$quoted_password'"
    fi
    for db in "$@"; do
        if [[ "$(psql_admin "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
            say "creating database $db (owner $APP_USER)"
            psql_admin "$port" -c "CREATE DATABASE \"$db\" OWNER \"$APP_USER\""
        fi
    done
}

cmd_stop() {
    [[ $# -eq 1 ]] || usage
    [[ -d "$1" ]] || { say "no PostgreSQL in $1 (nothing to stop)"; return 0; }
    DIR="$(abs_dir "$1")"
    if ! is_running "$DIR"; then
        say "PostgreSQL in $DIR is not running"
        return 0
    fi
    say "stopping PostgreSQL in $DIR; waiting up to ${STOP_TIMEOUT_S} s for it to shut down"
    as_owner "$PG_CTL" stop -D "$DIR/data" -m fast -w -t "$STOP_TIMEOUT_S" >/dev/null \
        || die "PostgreSQL in $DIR did not stop within ${STOP_TIMEOUT_S} s"
    say "PostgreSQL in $DIR stopped"
}

cmd_status() {
    [[ $# -eq 1 ]] || usage
    if [[ -d "$1" ]] && is_running "$(abs_dir "$1")"; then
        say "PostgreSQL in $1 is running on 127.0.0.1:$(sed -n 4p "$1/data/postmaster.pid")"
        return 0
    fi
    say "PostgreSQL in $1 is not running"
    return 3
}

[[ $# -ge 1 ]] || usage
find_bins
command="$1"; shift
case "$command" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
esac
