# Shared by scripts/test.sh: Debian's Chromium for the browser tests (Playwright drives it; it cannot download its
# own browsers here), and a Japanese font so screenshots are legible. Source it, then call: ensure_chromium

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "Installing $* for the browser tests..."
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2 || log "Could not install $*; the browser tests will say what is missing."
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
  # fontconfig comes with Chromium, so the font check can only run after it.
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then apt_install fonts-ipafont-gothic; fi
}
