# shellcheck shell=bash
# System packages of the local stack (Debian 12). Sourced by scripts/services.sh.
#
# Only what is missing is installed, so a warm `up` never touches apt.

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
GO_FALLBACK_VERSION=${SERVICES_GO_VERSION:-1.24.3}

missing_packages() {
  local -a pkgs=()
  command -v java >/dev/null || pkgs+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || pkgs+=(maven)
  command -v redis-server >/dev/null || pkgs+=(redis-server)
  [[ -x $PG_BIN/postgres && -x $PG_BIN/psql ]] || pkgs+=("postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR")
  command -v snmpget >/dev/null || pkgs+=(snmp)
  [[ -x /usr/sbin/snmpd ]] || pkgs+=(snmpd)
  [[ -x /usr/sbin/snmptrapd ]] || pkgs+=(snmptrapd)
  # Reports: CJK fonts embedded in the PDFs, poppler to check them in tests (pdftotext, pdftoppm).
  [[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] || pkgs+=(fonts-noto-cjk)
  command -v pdftoppm >/dev/null || pkgs+=(poppler-utils)
  # The web end-to-end tests and bench:web drive Debian's headless Chromium (playwright-core).
  [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
  command -v runuser >/dev/null || pkgs+=(util-linux)
  command -v flock >/dev/null || pkgs+=(util-linux)
  command -v ss >/dev/null || pkgs+=(iproute2)
  if ! find_go >/dev/null; then
    # Only to fetch a Go toolchain (see ensure_go).
    command -v curl >/dev/null || pkgs+=(curl ca-certificates)
    command -v unzip >/dev/null || pkgs+=(unzip)
  fi
  if ((${#pkgs[@]})); then printf '%s\n' "${pkgs[@]}" | sort -u; fi
}

ensure_packages() {
  local -a pkgs
  mapfile -t pkgs < <(missing_packages)
  ((${#pkgs[@]})) || return 0
  [[ ${SERVICES_SKIP_APT:-0} == 1 ]] && die "missing packages (${pkgs[*]}) and SERVICES_SKIP_APT=1"
  ((EUID == 0)) || die "missing packages: ${pkgs[*]} — run as root once, or: sudo apt-get install ${pkgs[*]}"
  command -v apt-get >/dev/null || die "missing packages (${pkgs[*]}) and no apt-get: install them by hand"

  log "apt: installing ${pkgs[*]}"
  # Debian's postinst scripts start every daemon they install (system redis on 6379,
  # snmpd, a postgres cluster on 5432). We run our own instances from .local, so a
  # temporary policy-rc.d (exit 101 = "action forbidden") keeps them from starting.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  # Slim images drop /usr/share/man; the JRE's postinst needs man1 for alternatives.
  mkdir -p /usr/share/man/man1
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
  } </dev/null >"$RUN_DIR/apt.log" 2>&1 || rc=$?
  ((own_policy)) && rm -f "$policy"
  if ((rc != 0)); then
    tail_log "$RUN_DIR/apt.log" 40
    die "apt-get failed (exit $rc)"
  fi
  hash -r
}

# A system service (started by Debian, by hand, or before this script knew better)
# would hold a port we need or compete with ours: stop it and keep it from coming back.
stop_system_service() {
  local name=$1
  [[ -x /etc/init.d/$name ]] || return 0
  ((EUID == 0)) || return 0
  if service "$name" status >/dev/null 2>&1; then
    log "stopping the system $name service (ours runs from .local)"
    service "$name" stop >/dev/null 2>&1 || true
  fi
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    systemctl disable --quiet "$name" 2>/dev/null || true
  else
    update-rc.d "$name" disable >/dev/null 2>&1 || true
  fi
}

stop_system_daemons() {
  # Only act when needed: a fast no-op on the warm path.
  if port_open 6379 && ! redis_pid >/dev/null; then
    stop_system_service redis-server
    # A redis started by hand (not via init.d) still holds the port.
    if port_open 6379 && [[ -f /run/redis/redis-server.pid ]]; then
      kill -TERM "$(cat /run/redis/redis-server.pid)" 2>/dev/null || true
      wait_for 10 "system redis to exit" port_closed 6379 || true
    fi
  fi
  # The system snmpd (161) and snmptrapd (162) do not clash with the test ports
  # (11161, 1161, 1162) but answer on loopback with the machine's real MIB: stop them
  # so a misdirected test fails instead of passing by accident.
  if [[ -f /run/snmpd.pid ]] && kill -0 "$(cat /run/snmpd.pid)" 2>/dev/null; then
    stop_system_service snmpd
  fi
  if [[ -f /run/snmptrapd.pid ]] && kill -0 "$(cat /run/snmptrapd.pid)" 2>/dev/null; then
    stop_system_service snmptrapd
  fi
}

# Go >= 1.24 to build the FerretDB launcher: the system one if recent enough, else
# the official toolchain, fetched once from the Go module proxy (the same place the
# launcher's modules come from: golang.org/toolchain) into .local/cache/go-<version>.
GO_BIN=''
go_recent_enough() {
  local v
  v=$("$1" env GOVERSION 2>/dev/null) || return 1
  v=${v#go}
  local major=${v%%.*} rest=${v#*.}
  local minor=${rest%%.*}
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  ((major > 1 || (major == 1 && minor >= 24)))
}

go_toolchain_dir() { echo "$CACHE_DIR/go-$GO_FALLBACK_VERSION"; }

find_go() {
  local candidate
  for candidate in "$(command -v go || true)" /usr/local/go/bin/go "$(go_toolchain_dir)/bin/go"; do
    if [[ -n $candidate && -x $candidate ]] && go_recent_enough "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_go() {
  GO_BIN=$(find_go) && return 0
  local arch
  case $(uname -m) in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64 ;;
    *) die "no Go >= 1.24 and no Go toolchain for $(uname -m)" ;;
  esac
  local proxy=${GOPROXY:-https://proxy.golang.org}
  proxy=${proxy%%[,|]*}
  [[ $proxy == http* ]] || proxy=https://proxy.golang.org
  local module=golang.org/toolchain@v0.0.1-go$GO_FALLBACK_VERSION.linux-$arch
  local url="$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_FALLBACK_VERSION.linux-$arch.zip"
  local dir tmp
  dir=$(go_toolchain_dir)
  tmp=$dir.tmp
  log "Go >= 1.24 not found: fetching go$GO_FALLBACK_VERSION from $url"
  rm -rf "$tmp" && mkdir -p "$tmp"
  curl -fsSL --retry 3 -o "$tmp/toolchain.zip" "$url" || die "Go toolchain download failed"
  unzip -q "$tmp/toolchain.zip" -d "$tmp" || die "Go toolchain unzip failed"
  # Module zips do not promise exec bits (the go command sets them itself).
  chmod -R a+x "$tmp/$module/bin" "$tmp/$module/pkg/tool"
  rm -rf "$dir" && mv "$tmp/$module" "$dir" && rm -rf "$tmp"
  GO_BIN=$dir/bin/go
  go_recent_enough "$GO_BIN" || die "downloaded Go toolchain does not run"
}
