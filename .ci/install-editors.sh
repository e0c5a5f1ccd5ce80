#!/usr/bin/env bash
# Installs the real editors the editor tests drive (Neovim, Emacs + eglot, headless Chromium for
# code-server's workbench) and the Debian build packages code-server's npm install compiles with.
# Versions are those of Debian 12 (bookworm) when this was written. A package that Debian's
# security updates replace (chromium, emacs, krb5) no longer has its old version in the archive,
# so each pin falls back to the current candidate with a warning instead of failing CI; the
# versions actually installed are printed at the end.
# Idempotent: when every package is already installed, it does not touch apt at all.
set -euo pipefail

# name=version (the version recorded on Debian 12.11, November 2025)
PINNED=(
  neovim=0.7.2-7
  emacs-nox=1:28.2+1-15+deb12u4
  elpa-eglot=1.9-2
  ripgrep=13.0.0-4+b2
  build-essential=12.9
  pkg-config=1.8.1-1
  python3=3.11.2-1+b1
  libkrb5-dev=1.20.1-2+deb12u5
  libx11-dev=2:1.8.4-2+deb12u2
  libxkbfile-dev=1:1.1.0-1
  libsecret-1-dev=0.20.5-3
  # pdftotext, the bench's yardstick for PDF reading; qpdf encrypts the PDF fixtures
  # (scripts/make-pdf-fixtures.mjs). Neither is needed to read PDFs: pdf.js does that.
  poppler-utils=22.12.0-2+deb12u3
  qpdf=11.3.0-1+deb12u1
)
# Chromium alone goes without recommends: they pull in a desktop's worth of packages.
CHROMIUM_PIN=chromium=156.0.8078.79-1~deb12u1

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for spec in "${PINNED[@]}" "$CHROMIUM_PIN"; do
  installed "${spec%%=*}" || missing+=("$spec")
done

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  # Keep the pin when the archive still has that version, else take the candidate.
  resolve() {
    local name=${1%%=*} want=${1#*=}
    if apt-cache madison "$name" | awk -F'|' '{gsub(/ /,"",$2); print $2}' | grep -qxF "$want"; then
      echo "$1"
    else
      echo "install-editors: $name $want is no longer in the archive; installing the candidate" >&2
      echo "$name"
    fi
  }
  plain=() chromium=()
  for spec in "${missing[@]}"; do
    if [[ ${spec%%=*} == chromium ]]; then chromium+=("$(resolve "$spec")"); else plain+=("$(resolve "$spec")"); fi
  done
  ((${#plain[@]})) && $SUDO apt-get install -y -qq "${plain[@]}"
  ((${#chromium[@]})) && $SUDO apt-get install -y -qq --no-install-recommends "${chromium[@]}"
fi

echo "install-editors: installed versions:"
for spec in "${PINNED[@]}" "$CHROMIUM_PIN"; do
  printf '  %-16s %s\n' "${spec%%=*}" "$(dpkg-query -W -f='${Version}' "${spec%%=*}")"
done
