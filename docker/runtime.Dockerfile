# The runtime image: native python3, node and bash for untrusted code, run as a non-root user.
#
# BASE_IMAGE defaults to the offline base image made by docker/build-base-image.sh. With a
# registry, any glibc Debian-like image that has Node.js 20+ works, for example
#   docker build --build-arg BASE_IMAGE=node:20-bookworm-slim -f docker/runtime.Dockerfile docker/
# (python3 is then installed from that image's apt sources). The build needs no context.
ARG BASE_IMAGE=gauntlet/base:bookworm
FROM ${BASE_IMAGE}

# One fixed, unprivileged uid/gid, so containers can run as "10001:10001" whatever the base.
ARG SANDBOX_UID=10001

# 1. python3 when the base lacks it (only a registry base; the offline base has it).
# 2. Refuse a base without Node.js 20+ instead of producing an image that fails later.
# 3. The sandbox user, its home, and /work (the work dir; hardened runs mount a tmpfs over it).
RUN set -eu; \
    if ! command -v python3 >/dev/null 2>&1; then \
      apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*; \
    fi; \
    node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
      || { echo "BASE_IMAGE must provide Node.js 20 or newer, e.g. node:20-bookworm-slim" >&2; exit 1; }; \
    bash -c 'true'; \
    groupadd --gid "$SANDBOX_UID" sandbox; \
    useradd --uid "$SANDBOX_UID" --gid sandbox --home-dir /home/sandbox --create-home --shell /bin/bash sandbox; \
    install -d -o sandbox -g sandbox -m 0755 /work

LABEL dev.gauntlet.image=runtime
ENV HOME=/home/sandbox LANG=C.UTF-8
USER 10001:10001
WORKDIR /work
CMD ["bash"]
