# Shared by scripts/test.sh: Debian's Chromium for the browser tests (Playwright drives it; it cannot download its
# own browsers here), and a Japanese font so screenshots are legible. Source it, then call: ensure_chromium

ensure_chromium() {
  local packages=()
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then packages+=(fonts-ipafont-gothic); fi
  [ ${#packages[@]} -eq 0 ] && return 0
  log "Installing ${packages[*]} for the browser tests..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >&2 || log "Could not install ${packages[*]}; the browser tests will say what is missing."
}
