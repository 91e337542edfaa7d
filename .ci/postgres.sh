# Starts a throw-away PostgreSQL cluster on loopback and exports RESEAU_TEST_DATABASE_URL.
start_postgres() {
  local bindir port dir
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=${RESEAU_PG_PORT:-55432}
  dir=$(mktemp -d /tmp/reseau-pg.XXXXXX)
  chown postgres "$dir"
  su postgres -c "$bindir/initdb -D $dir/data -A trust -U postgres" >/dev/null
  su postgres -c "$bindir/pg_ctl -D $dir/data -o '-c listen_addresses=127.0.0.1 -p $port -k $dir' -l $dir/log -w start" >/dev/null
  export RESEAU_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  trap "su postgres -c '$bindir/pg_ctl -D $dir/data -m fast stop' >/dev/null 2>&1 || true" EXIT
}
