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

# Bake the Pyodide memory snapshot in. Without it every new container spends ~3 s making one
# (its first Python run waits for it, and so does its shutdown). This reaches into the
# executor's modules, so it is best effort: if they move, the image still builds, only slower.
ENV XDG_CACHE_HOME=/opt/gauntlet-cache
USER 0:0
RUN node --input-type=module -e " \
      const { resolveRuntimePaths } = await import('/opt/gauntlet/dist/reference-impl/src/sandbox/runtime-paths.js'); \
      const { ensurePyodideSnapshot } = await import('/opt/gauntlet/dist/reference-impl/src/sandbox/pyodide-snapshot.js'); \
      const env = { DENO_DIR: '/tmp/deno', NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' }; \
      console.log('baked', await ensurePyodideSnapshot(resolveRuntimePaths(), '/opt/gauntlet-cache/gauntlet', env));" \
    || echo 'the Pyodide snapshot was not baked in; each container makes its own' >&2; \
    rm -rf /tmp/deno; mkdir -p /opt/gauntlet-cache/gauntlet; chmod -R a+rX,go-w /opt/gauntlet-cache

LABEL dev.gauntlet.image=reference-executor
ENV GAUNTLET_HOME=/opt/gauntlet HOME=/tmp LANG=C.UTF-8
USER 10001:10001
WORKDIR /tmp
ENTRYPOINT ["node", "/opt/gauntlet/dist/reference-impl/src/main.js"]
CMD ["--stdio"]
