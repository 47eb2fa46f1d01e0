# Sourced by .ci/run: starts what the tests need on this machine and exports its settings.
# PostgreSQL 15 is installed but not running; the tests use it through AITBC_TEST_DATABASE_URL.
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break
    sleep 1
  done
  if pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL' || true
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aitbc') THEN
    CREATE ROLE aitbc LOGIN PASSWORD 'aitbc' CREATEDB;
  END IF;
END $$;
SELECT 'CREATE DATABASE aitbc_test OWNER aitbc' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'aitbc_test')\gexec
SQL
    export AITBC_TEST_DATABASE_URL="postgres://aitbc:aitbc@127.0.0.1:5432/aitbc_test"
    echo "PostgreSQL is up: database tests run on SQLite and PostgreSQL."
  else
    echo "PostgreSQL did not start: database tests run on SQLite only." >&2
  fi
fi
# The browser tests (e2e/) drive Debian's Chromium through playwright-core, never a downloaded
# browser. CI runs as root with apt available: install it quietly when it is missing.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; then
    echo "Installed Debian's chromium for the browser tests."
  else
    echo "Could not install chromium: the browser tests (e2e/) will be skipped." >&2
  fi
fi
