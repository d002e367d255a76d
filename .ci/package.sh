#!/bin/sh
# Builds the Debian package and the portable tar.gz from the two binaries:
#   .ci/package.sh VERSION GUI_BINARY CLI_BINARY OUT_DIR
# Layout (the tar.gz has the same tree under kodus-byok-VERSION/):
#   usr/bin/kodus-byok                 the command line (static, starts at once);
#                                      with no command it opens the desktop app
#   usr/lib/kodus-byok/kodus-byok      the desktop app (Wails, GTK, WebKitGTK 4.1)
#   usr/share/applications, metainfo, icons/hicolor, man/man1, doc
set -eu
cd "$(dirname "$0")/.."
version="$1"; gui="$2"; cli="$3"; out="$4"
id=io.github.kodusbyok.Studio
arch=amd64
stage=build/pkg/root
rm -rf build/pkg && mkdir -p "$stage" "$out"

install -Dm755 "$cli" "$stage/usr/bin/kodus-byok"
install -Dm755 "$gui" "$stage/usr/lib/kodus-byok/kodus-byok"
install -Dm644 build/linux/$id.desktop "$stage/usr/share/applications/$id.desktop"
install -Dm644 build/linux/$id.metainfo.xml "$stage/usr/share/metainfo/$id.metainfo.xml"
for s in 16 24 32 48 64 128 256 512; do
  d="$stage/usr/share/icons/hicolor/${s}x${s}/apps"
  mkdir -p "$d"
  convert build/appicon.png -resize ${s}x${s} -strip "$d/$id.png"
done
install -Dm644 build/appicon.svg "$stage/usr/share/icons/hicolor/scalable/apps/$id.svg"
mkdir -p "$stage/usr/share/man/man1"
"$cli" manpage | gzip -9n >"$stage/usr/share/man/man1/kodus-byok.1.gz"
install -Dm644 .ci/copyright "$stage/usr/share/doc/kodus-byok/copyright"

# Runtime dependencies: the package of each shared library the desktop app
# links (the command line is static), as dpkg-shlibdeps would find them.
deps=$(for lib in $(objdump -p "$gui" | awk '/NEEDED/ {print $2}'); do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] && dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed 's/:.*//' | head -1
done | sort -u | tr '\n' ' ')
for must in libgtk-3-0 libwebkit2gtk-4.1-0; do
  case " $deps " in *" $must "*) ;; *) echo "package: the desktop app does not link $must (deps: $deps)" >&2; exit 1;; esac
done
glibc=$(objdump -T "$gui" "$cli" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
depends=$(echo "$deps" | tr ' ' '\n' | grep -v '^$' | grep -v '^libc6$' | sed 's/$/,/' | tr '\n' ' ')
depends="libc6 (>= $glibc), ${depends%, }"

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: kodus-byok
Version: $version
Architecture: $arch
Maintainer: Kodus BYOK Studio developers <kodus-byok@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: gnome-keyring | kwalletmanager | keepassxc
Section: devel
Priority: optional
Description: configure, test and export the LLM a self-hosted Kodus uses
 Kodus BYOK Studio is a desktop app and a command line for people who run
 Kodus, the open-source AI code reviewer, themselves: pick an LLM from
 Kodus's catalog or configure any provider by hand, keep its key in the
 system keychain (the Secret Service: GNOME Keyring, KWallet or KeePassXC),
 prove that the key works, tune reasoning and concurrency, see what a month
 of reviews will cost, and write the Kodus .env that puts it all into effect.
 .
 Run kodus-byok with no arguments for the desktop app, or see
 kodus-byok --help and man kodus-byok for the command line.
CONTROL

deb="$out/kodus-byok_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"

# The portable archive: the same tree, to unpack into /usr/local or ~/.local.
tree="build/pkg/kodus-byok-$version"
mkdir -p "$tree"
cp -a "$stage/usr/." "$tree/"
cat >"$tree/INSTALL.txt" <<INSTALL
Kodus BYOK Studio $version for Linux x86-64

Needs GTK 3 and WebKitGTK 4.1 (Debian/Ubuntu: libgtk-3-0 libwebkit2gtk-4.1-0)
and, for the keychain, a Secret Service (GNOME Keyring, KWallet, KeePassXC).

Install for yourself (kodus-byok lands in ~/.local/bin):
  tar -xzf kodus-byok_${version}_linux_${arch}.tar.gz --strip-components=1 -C ~/.local
or for everyone:
  sudo tar -xzf kodus-byok_${version}_linux_${arch}.tar.gz --strip-components=1 -C /usr/local

Then: kodus-byok (the desktop app), kodus-byok --help, man kodus-byok.
INSTALL
tar --owner=0 --group=0 --numeric-owner --sort=name -czf "$out/kodus-byok_${version}_linux_${arch}.tar.gz" -C build/pkg "kodus-byok-$version"
echo "$out/kodus-byok_${version}_linux_${arch}.tar.gz"
