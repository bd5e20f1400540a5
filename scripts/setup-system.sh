#!/usr/bin/env bash
# Installs the system packages the tests need, from Debian's packages, when they are missing:
#   chromium           the task pane's tests in a headless browser (tests/browser/)
#   libreoffice-calc   rendering of the written registers to PDF (report tests); registers re-saved
#                      by LibreOffice (tests/fixtures/thirdParty/)
#   python3-openpyxl, python3-pil, python3-uno
#                      the third-party registers' generators (tests/fixtures/thirdParty/, run by
#                      /usr/bin/python3): openpyxl's workbooks, the picture in one, LibreOffice's pivot table
#   libreoffice-writer a deliberation as a PDF (tests/fixtures/pdf/makePdfs.ts: HTML and text converted)
#   poppler-utils      pdftoppm, the PDF pages as PNG
#   qpdf               an encrypted PDF for the import's refusal (tests/fixtures/pdf/makePdfs.ts)
#   fonts-dejavu-core, fonts-liberation
#                      fonts with the French accents for Chromium and LibreOffice
# Idempotent: a package already installed is left alone, and `apt-get update` runs only when an
# install fails without it. Installs as root, or through `sudo -n` when that works without a
# password; otherwise says what to run. With CI=true, anything still missing at the end is an
# error (exit 1); elsewhere a warning (the tests that need it are then skipped and say so).
#   npm run setup
set -uo pipefail

PACKAGES=(chromium libreoffice-calc libreoffice-writer poppler-utils qpdf fonts-dejavu-core fonts-liberation python3-openpyxl python3-pil python3-uno)

say() { printf '[setup] %s\n' "$*"; }

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    installed "$package" || printf '%s\n' "$package"
  done
}

give_up() {
  if [ "${CI:-}" = "true" ]; then
    say "ÉCHEC (CI=true) : $*"
    exit 1
  fi
  say "ATTENTION : $*"
  say "Les tests qui en ont besoin seront ignorés sur ce poste."
  exit 0
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  give_up "ce système n'a pas apt-get/dpkg (Debian ou Ubuntu attendu) ; à installer à la main : ${PACKAGES[*]}."
fi

mapfile -t MISSING < <(missing_packages)
if [ "${#MISSING[@]}" -eq 0 ]; then
  say "Rien à installer : ${PACKAGES[*]} déjà présents."
  exit 0
fi
say "Paquets manquants : ${MISSING[*]}"

if [ "$(id -u)" -eq 0 ]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT=(sudo -n)
  say "Installation par sudo -n."
else
  give_up "pas les droits d'installer (ni root, ni sudo sans mot de passe). À lancer : sudo apt-get install ${MISSING[*]}"
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() {
  say "apt-get install --no-install-recommends ${MISSING[*]}"
  "${AS_ROOT[@]}" apt-get install -y -q --no-install-recommends "${MISSING[@]}"
}

if ! apt_install; then
  # The package lists are missing or stale (a fresh machine, or a version gone from the mirror).
  say "Échec de l'installation : mise à jour des listes (apt-get update), puis nouvel essai."
  if ! "${AS_ROOT[@]}" apt-get update -q; then
    give_up "apt-get update a échoué."
  fi
  apt_install || true
fi

mapfile -t STILL_MISSING < <(missing_packages)
if [ "${#STILL_MISSING[@]}" -ne 0 ]; then
  give_up "toujours manquants après installation : ${STILL_MISSING[*]}."
fi
say "Installés : ${MISSING[*]}"
