#!/usr/bin/env bash
# Builds Gauntlet's images offline, each on top of the previous one:
#   base                gauntlet/base:bookworm                (docker/build-base-image.sh)
#   runtime             gauntlet/runtime:bookworm             (docker/runtime.Dockerfile)
#   reference-executor  gauntlet/reference-executor:local     (docker/reference-executor.Dockerfile)
# Usage: docker/build-images.sh [base|runtime|reference-executor]...   (default: all three)
# Asking for an image builds what it stands on. Unchanged inputs cost little: the base image
# is skipped by its content label, the others hit Docker's layer cache. The reference executor
# image packs dist/, so run `npm run build` first. Builds run with --network none.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

BASE_IMAGE="${GAUNTLET_BASE_IMAGE:-gauntlet/base:bookworm}"
RUNTIME_IMAGE="${GAUNTLET_RUNTIME_IMAGE:-gauntlet/runtime:bookworm}"
REFERENCE_IMAGE="${GAUNTLET_REFERENCE_IMAGE:-gauntlet/reference-executor:local}"
LOCK="${GAUNTLET_DOCKER_BUILD_LOCK:-/tmp/gauntlet-docker-build.lock}"

targets=("${@:-reference-executor}")
want_base=0 want_runtime=0 want_reference=0
for target in "${targets[@]}"; do
  case "$target" in
    reference-executor) want_reference=1 want_runtime=1 want_base=1 ;;
    runtime) want_runtime=1 want_base=1 ;;
    base) want_base=1 ;;
    *) echo "unknown image '$target' (base, runtime, reference-executor)" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d /tmp/gauntlet-images.XXXXXX)"
trap 'rm -rf --one-file-system "$work"' EXIT

# Builds one Dockerfile offline and prints how long it took. The legacy builder's deprecation
# notice is noise here (buildx is not installed on these machines), so only errors are shown.
build() {
  local tag="$1" dockerfile="$2" context="$3" base="$4" started=$SECONDS previous
  previous="$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)"
  if ! docker build --quiet --network none --build-arg BASE_IMAGE="$base" -t "$tag" -f "$dockerfile" "$context" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    return 1
  fi
  # The image this one replaced is left untagged; remove it unless a container still uses it.
  if [[ -n "$previous" && "$previous" != "$(docker image inspect --format '{{.Id}}' "$tag")" ]]; then
    docker image rm "$previous" >/dev/null 2>&1 || true
  fi
  echo "== $tag ready in $((SECONDS - started))s"
}

# Copies what the reference executor needs at run time into $1/app: no sources of the harness,
# no tests, no dev dependencies. Deno comes from its platform package @deno/linux-x64-glibc; the
# node_modules/deno/deno copy that the adapters' deno wrapper makes is left out (95 MB).
stage_reference_context() {
  local app="$1/app" modules
  mkdir -p "$app"
  if [[ ! -d dist/src ]]; then
    echo "dist/ is missing: run 'npm run build' before building $REFERENCE_IMAGE" >&2
    return 1
  fi
  # Only the reference executor's workspace: its dependencies are all its built modules import
  # (the harness's and the adapters' libraries and the optional Docker client stay out).
  modules="$(npm ls --omit=dev --omit=peer --parseable --all --workspace gauntlet-reference-executor 2>/dev/null | sed -n "s|^$root/||p" | grep '^node_modules/' | grep -vx 'node_modules/gauntlet-reference-executor' || true)"
  if [[ -z "$modules" ]]; then
    echo "no production node_modules found: run 'npm ci' first" >&2
    return 1
  fi
  local paths=(package.json dist schemas)
  [[ -d reference-impl ]] && paths+=(reference-impl)
  # shellcheck disable=SC2086 # one path per line, none with spaces
  tar -c --exclude='*.test.*' --exclude='*.d.ts' --exclude='*.tsbuildinfo' --exclude='node_modules/deno/deno' \
    --exclude='reference-impl/node_modules' "${paths[@]}" $modules | tar -x -C "$app"
  # Docker's build cache compares timestamps too: fix them, so an unchanged tree hits the cache.
  find "$app" -exec touch -h -d @0 {} +
}

# 1. One build at a time: test workers and CI steps may ask for the same images at once.
exec 9>"$LOCK"
flock -w 900 9 || { echo "waited 900s for another image build ($LOCK)" >&2; exit 1; }

# 2. The base image, from debootstrap (skipped when its content label matches).
if (( want_base )); then GAUNTLET_BASE_IMAGE="$BASE_IMAGE" bash docker/build-base-image.sh; fi

# 3. The runtime image; its Dockerfile needs no context.
if (( want_runtime )); then
  mkdir -p "$work/empty"
  build "$RUNTIME_IMAGE" docker/runtime.Dockerfile "$work/empty" "$BASE_IMAGE"
fi

# 4. The reference executor image, from a staged context of a few files instead of the repo.
if (( want_reference )); then
  started=$SECONDS
  stage_reference_context "$work"
  echo "== staged $(du -sh "$work/app" | cut -f1) for $REFERENCE_IMAGE in $((SECONDS - started))s"
  build "$REFERENCE_IMAGE" docker/reference-executor.Dockerfile "$work" "$RUNTIME_IMAGE"
fi
