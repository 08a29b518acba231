#!/usr/bin/env bash
# Builds a minimal Java 17 base image as a tarball (docker-archive format, as `docker save` writes it)
# without a Docker engine or a registry: a jlink'd JRE of the build JDK at /opt/java/openjdk (where
# eclipse-temurin keeps it), the shared libraries it links against (ldd), /tmp and a passwd entry for
# the user 10001 the service images run as. For machines that cannot pull eclipse-temurin:
#   tools/local-base-image.sh            # -> target/base-image/orderflow-jre17-base.tar
#   ./mvnw -Pimages -DskipTests package -Dimage.base=tar://$PWD/target/base-image/orderflow-jre17-base.tar
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
out_dir=${1:-$root_dir/target/base-image}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
modules=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/opt/java" "$rootfs/tmp" "$rootfs/etc" "$out_dir"
chmod 1777 "$rootfs/tmp"

"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$rootfs/opt/java/openjdk"

# the shared libraries of the JRE's executables and libraries, and the dynamic loader (not those of AWT's
# X11, sound and font libraries: a headless service does not load them)
{ find "$rootfs/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libfontmanager.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' -exec ldd {} \; 2>/dev/null || true; } \
    | grep -o '/[^ ]*' | sort -u | while read -r lib; do
        case "$lib" in "$rootfs"/*) continue ;; esac   # the JRE's own libraries, already in place
        [ -e "$lib" ] || continue
        mkdir -p "$rootfs$(dirname "$lib")"
        cp -L "$lib" "$rootfs$lib"
    done
# name resolution (loaded at run time, so ldd does not list them)
for lib in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
    [ -e "$lib" ] && mkdir -p "$rootfs$(dirname "$lib")" && cp -L "$lib" "$rootfs$lib"
done
[ -e /lib64/ld-linux-x86-64.so.2 ] && mkdir -p "$rootfs/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/"
printf 'root:x:0:0:root:/root:/sbin/nologin\norderflow:x:10001:10001:orderflow:/tmp:/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\norderflow:x:10001:\n' > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"

# one layer, reproducible: fixed owner, order and times
layer=$work/layer.tar
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1970-01-01 00:00:00Z' -C "$rootfs" -cf "$layer" .
diff_id=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["orderflow/jre17-base:local"],"Layers":["layer.tar"]}]\n' > "$work/manifest.json"
tar --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out_dir/orderflow-jre17-base.tar" manifest.json config.json layer.tar
echo "$out_dir/orderflow-jre17-base.tar ($(du -h "$out_dir/orderflow-jre17-base.tar" | cut -f1)), JRE from $java_home"
