#!/usr/bin/env bash
# A Debian package of the PyInstaller bundle, built with dpkg-deb (no registry package needed):
#   packaging/make_deb.sh BUNDLE_DIR VERSION OUT_DIR
# The bundle goes to /opt/analyst-workbench, `workbench` to /usr/bin, and the launcher, the
# *.wbproj file type, the icon and the AppStream metainfo to /usr/share, where Debian's own
# triggers (desktop-file-utils, shared-mime-info, hicolor-icon-theme) index them on install.
set -euo pipefail
bundle=$1
version=$2
out=$3
here=$(cd "$(dirname "$0")/.." && pwd)
desktop=$here/resources/desktop
app=org.analystworkbench.Workbench
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
chmod 755 "$root"
trap 'rm -rf "$root"' EXIT

test -x "$bundle/workbench" || { echo "no bundle at $bundle: run make bundle first" >&2; exit 1; }
mkdir -p "$root/opt" "$root/usr/bin" "$root/DEBIAN" \
  "$root/usr/share/applications" "$root/usr/share/mime/packages" "$root/usr/share/metainfo"
cp -a "$bundle" "$root/opt/analyst-workbench"
ln -s ../../opt/analyst-workbench/workbench "$root/usr/bin/workbench"
install -m 644 "$desktop/$app.desktop" "$root/usr/share/applications/$app.desktop"
install -m 644 "$desktop/$app.mime.xml" "$root/usr/share/mime/packages/$app.xml"
install -m 644 "$desktop/$app.metainfo.xml" "$root/usr/share/metainfo/$app.metainfo.xml"
(cd "$here/resources/icons" && find hicolor -type f -name "$app.*") | while read -r icon; do
  install -D -m 644 "$here/resources/icons/$icon" "$root/usr/share/icons/$icon"
done
depends=$(paste -sd, "$here/packaging/qt-runtime-debs.txt" | sed 's/,/, /g')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: analyst-workbench
Version: $version
Section: utils
Priority: optional
Architecture: $arch
Installed-Size: $size
Depends: $depends
Maintainer: Analyst Workbench developers <workbench@localhost>
Description: claims, sources and attribution in news articles
 An offline desktop workbench in which analysts import news articles, mark the claims in
 them, attribute each claim to its sources, grade sources and claims, link claims to actors
 and events, search everything and export annotated reports.
EOF
mkdir -p "$out"
deb=$out/analyst-workbench_${version}_${arch}.deb
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "deb: $deb"
