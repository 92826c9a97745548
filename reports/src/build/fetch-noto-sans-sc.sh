#!/bin/sh
# Puts the Noto Sans SC regular and bold TTFs (and their SIL Open Font License) into the module's
# classes directory, so that they end up in the jar next to the JasperReports font extension.
# Run by exec-maven-plugin in generate-resources; see reports/README.md ("Font supply").
#
# The fonts come from the npm package @expo-google-fonts/noto-sans-sc (they are on no Maven
# repository), fetched with the npm client from whatever registry npm is configured for. Nothing is
# fetched when both TTFs are already in place; after `mvn clean`, npm's own cache makes the fetch
# an offline copy (--prefer-offline).
#
# usage: fetch-noto-sans-sc.sh <package-version> <fonts-dir> <work-dir>
set -eu

if [ "$#" -ne 3 ]; then
    echo "usage: $0 <package-version> <fonts-dir> <work-dir>" >&2
    exit 2
fi
version=$1
fonts_dir=$2
work_dir=$3

package="@expo-google-fonts/noto-sans-sc@$version"
regular=NotoSansSC_400Regular.ttf
bold=NotoSansSC_700Bold.ttf

fail() {
    echo "[noto-sans-sc] ERROR: $*" >&2
    echo "[noto-sans-sc] The reports module embeds Noto Sans SC in its jar and cannot be built without it." >&2
    echo "[noto-sans-sc] Install Node.js/npm (npm must reach its registry once; later builds use npm's cache)," >&2
    echo "[noto-sans-sc] or copy $regular and $bold of $package into $fonts_dir by hand." >&2
    exit 1
}

# A TrueType file starts with the sfnt version 0x00010000; anything else (an HTML error page, a
# truncated copy) must not reach the jar.
is_truetype() {
    [ -s "$1" ] && [ "$(od -A n -t x1 -N 4 "$1" | tr -d ' \n')" = "00010000" ]
}

if is_truetype "$fonts_dir/$regular" && is_truetype "$fonts_dir/$bold"; then
    echo "[noto-sans-sc] $regular and $bold already in $fonts_dir"
    exit 0
fi

command -v npm >/dev/null 2>&1 || fail "npm is not on the PATH."
command -v tar >/dev/null 2>&1 || fail "tar is not on the PATH."

rm -rf "$work_dir"
mkdir -p "$work_dir" "$fonts_dir"
echo "[noto-sans-sc] npm pack $package"
(cd "$work_dir" && npm pack --loglevel=error --prefer-offline "$package" >npm-pack.out 2>npm-pack.err) \
    || fail "npm pack $package failed: $(cat "$work_dir/npm-pack.err")"

tarball="$work_dir/$(tail -n 1 "$work_dir/npm-pack.out")"
[ -f "$tarball" ] || fail "npm pack $package did not produce the tarball it named: $tarball"

tar -xzf "$tarball" -C "$work_dir" \
    "package/400Regular/$regular" "package/700Bold/$bold" package/LICENSE_FONT \
    || fail "$tarball does not hold package/400Regular/$regular, package/700Bold/$bold and package/LICENSE_FONT"

for ttf in "package/400Regular/$regular" "package/700Bold/$bold"; do
    is_truetype "$work_dir/$ttf" || fail "$ttf in $tarball is not a TrueType font"
done

# Copy under a temporary name and rename, so that an interrupted build never leaves a truncated
# font that the check above would take for a complete one.
install_file() {
    cp "$1" "$fonts_dir/.$2.part" && mv -f "$fonts_dir/.$2.part" "$fonts_dir/$2"
}
install_file "$work_dir/package/LICENSE_FONT" OFL.txt
install_file "$work_dir/package/400Regular/$regular" "$regular"
install_file "$work_dir/package/700Bold/$bold" "$bold"
rm -rf "$work_dir"
echo "[noto-sans-sc] $regular and $bold from $package are in $fonts_dir"
