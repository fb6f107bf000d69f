# One image recipe for every API (the User API, the Inventory API, and any later one): the build
# context is the repository root (a service needs the workspace packages it bundles), and the
# service is a build argument:
#
#   docker build -f deploy/docker/api.Dockerfile --build-arg SERVICE=user-api --build-arg PORT=4001 -t sharehood/user-api .
#   docker build -f deploy/docker/api.Dockerfile --build-arg SERVICE=inventory-api --build-arg PORT=4002 -t sharehood/inventory-api .
#
# The image runs the server (`node dist/main.js`) and, with another command, the migrations
# (`node dist/migrate.js`): docker-compose.yml and deploy/k8s run both from it.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: the whole monorepo, every dependency, Prisma client generated, service bundled ----
FROM ${NODE_IMAGE} AS build
ARG SERVICE
WORKDIR /repo
ENV CI=true \
    CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    TURBO_TELEMETRY_DISABLED=1
COPY . .
RUN test -f "apps/${SERVICE}/package.json" || { echo "build with --build-arg SERVICE=<a folder of apps/>" >&2; exit 1; }
# --ignore-scripts: nothing here needs an install script (esbuild, sharp and @node-rs/argon2 ship
# prebuilt binaries as optional dependencies), and Prisma's would download engines we never run.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund
RUN npm run generate -w @sharehood/${SERVICE} \
 && npm run build -w @sharehood/${SERVICE} \
 && node deploy/docker/production-manifests.mjs /manifests

# ---- runtime: production dependencies of this service only, non-root ----
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
ENV NODE_ENV=production \
    PORT=${PORT} \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund -w @sharehood/${SERVICE} \
 && mkdir -p /data \
 && chown 1000:1000 /data
# dist/ holds the bundled server and migrate command (the generated Prisma client is inside);
# prisma/ holds the migrations that dist/migrate.js applies.
COPY --from=build /repo/apps/${SERVICE}/dist apps/${SERVICE}/dist
COPY --from=build /repo/apps/${SERVICE}/prisma apps/${SERVICE}/prisma
WORKDIR /app/apps/${SERVICE}
# The image's `node` user, by number so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
