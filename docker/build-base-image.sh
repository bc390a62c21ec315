#!/usr/bin/env bash
# Builds the offline base image (default gauntlet/base:bookworm) without any image registry:
# a Debian bookworm root filesystem made by `debootstrap --variant=minbase` from the Debian
# mirror apt already uses, plus python3 from Debian and this machine's own Node.js binary,
# imported with `docker import`.
#
# Node.js comes from the host, not from Debian: bookworm ships Node 18, while Gauntlet's code
# needs Node 20 (import.meta.dirname, engines >=20.19). The host binary is a Debian bookworm
# build linked only against glibc, libstdc++ and libgcc_s, all present in minbase.
#
# The image carries the label dev.gauntlet.content: a hash of everything that went into it.
# When an image with the same hash exists, the build is skipped (a warm run takes well under
# a second). Usage: build-base-image.sh [--force]. Environment: GAUNTLET_BASE_IMAGE (tag),
# GAUNTLET_DEBIAN_MIRROR (default: the bookworm mirror in apt's sources).
set -euo pipefail
cd "$(dirname "$0")"

IMAGE="${GAUNTLET_BASE_IMAGE:-gauntlet/base:bookworm}"
SUITE=bookworm
PACKAGES=python3
NODE_BIN="$(readlink -f "$(command -v node)")"
FORCE="${1:-}"

log() { echo "== base image: $*"; }

# 1. Everything the image is made of, hashed: this script, the package list, the Node binary.
node_major="$("$NODE_BIN" -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "the host's Node.js ($NODE_BIN) is version $node_major; the base image needs 20 or newer" >&2
  exit 1
fi
content="$( { sha256sum build-base-image.sh; echo "$SUITE $PACKAGES"; sha256sum "$NODE_BIN" | cut -d' ' -f1; } | sha256sum | cut -c1-32)"

# 2. Skip when the image with this content already exists.
existing="$(docker image inspect --format '{{index .Config.Labels "dev.gauntlet.content"}}' "$IMAGE" 2>/dev/null || true)"
if [[ "$existing" == "$content" && "$FORCE" != "--force" ]]; then
  log "$IMAGE is current (content $content)"
  exit 0
fi

# 3. debootstrap must be installed, and the mirror is the one apt uses for bookworm.
if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -q
  timeout 600 apt-get install -y -q --no-install-recommends debootstrap
fi
mirror="${GAUNTLET_DEBIAN_MIRROR:-$(apt-get indextargets --format '$(SITE) $(RELEASE)' 'Identifier: Packages' 2>/dev/null | awk -v s="$SUITE" '$2 == s { print $1; exit }')}"
mirror="${mirror:-http://deb.debian.org/debian}"

# 4. Work in a tmpfs when we may mount one: dpkg fsyncs every file, which costs a third of the
#    build time on a virtual disk. Whatever happens, the work dir is unmounted and removed.
work="$(mktemp -d /tmp/gauntlet-base.XXXXXX)"
cleanup() {
  umount -R "$work" 2>/dev/null || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
mount -t tmpfs -o size=2g,mode=0755 tmpfs "$work" 2>/dev/null || log "no tmpfs (not root?): building on disk"
rootfs="$work/rootfs"

# 5. The root filesystem: minbase (bash, coreutils, dpkg, apt) plus python3.
started=$SECONDS
log "debootstrap $SUITE from $mirror"
if ! timeout 900 debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 30 "$work/debootstrap.log" >&2
  [[ -f "$rootfs/debootstrap/debootstrap.log" ]] && tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2
  exit 1
fi
debootstrap_s=$((SECONDS - started))

# 6. Node.js from the host; then drop what a sandbox never needs, and the host facts that
#    debootstrap copied in (Docker supplies its own resolv.conf, hostname and hosts).
install -m 0755 "$NODE_BIN" "$rootfs/usr/local/bin/node"
rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/var/log/* "$rootfs"/etc/resolv.conf "$rootfs"/etc/hostname "$rootfs"/etc/hosts

# 7. Import, labelled with the content hash so the next run can skip.
started=$SECONDS
tar -C "$rootfs" --numeric-owner -c . | docker import \
  --change "LABEL dev.gauntlet.content=$content dev.gauntlet.image=base" \
  --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin LANG=C.UTF-8' \
  --change 'CMD ["/bin/bash"]' \
  - "$IMAGE" >/dev/null
import_s=$((SECONDS - started))

# 8. Smoke test: the three runtimes start inside the image, with no network.
versions="$(docker run --rm --network none "$IMAGE" sh -c 'node --version; python3 --version; bash --version | head -n 1')"
log "$IMAGE built (debootstrap ${debootstrap_s}s, import ${import_s}s, content $content):"
echo "$versions" | sed 's/^/     /'
