# The reference executor image: Node.js runs Gauntlet's reference executor, which isolates code
# with Deno (the binary from the npm package @deno/linux-x64-glibc) and Pyodide, and speaks the
# protocol on stdio, so the harness can start it with `--target docker:IMAGE`.
#
# The build context is staged by docker/build-images.sh (app/ holds package.json, dist/,
# schemas/, reference-impl/ and the production node_modules), so the context stays small.
#
# BASE_IMAGE defaults to the runtime image (docker/runtime.Dockerfile). Only Node.js 20+ and
# glibc are needed, so an official image such as node:20-bookworm-slim works as well.
ARG BASE_IMAGE=gauntlet/runtime:bookworm
FROM ${BASE_IMAGE}

# Owned by root and not writable by the executor's user: the code it runs cannot patch it.
COPY --chown=0:0 app/ /opt/gauntlet/

LABEL dev.gauntlet.image=reference-executor
ENV GAUNTLET_HOME=/opt/gauntlet HOME=/tmp LANG=C.UTF-8
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["node", "/opt/gauntlet/dist/reference-impl/src/main.js"]
CMD ["--stdio"]
