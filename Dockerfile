# syntax=docker/dockerfile:1
# Mutualis: the web app and the server are built here, at image build time; the image only runs them.
#   docker build -t mutualis:0.1.0 .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e MUTUALIS_PUBLIC_URL=https://… mutualis:0.1.0
# docs/operations.md ("Container image") explains the choices.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first: a change of source alone reuses this layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY common ./common
COPY server ./server
COPY web ./web
# build/web (Vite, React's production build) and build/server (one ES module per entry).
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MUTUALIS_DEMO=false \
    MUTUALIS_DATA_DIR=/var/lib/mutualis \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# The compiled server reads its migrations and reference data where the sources were (/app/server):
# the same paths in both stages.
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/build ./build
COPY --from=build --chown=root:root /app/server ./server
COPY --from=build --chown=root:root /app/common ./common
# The code belongs to root and is read-only for the service; only the data folder is writable.
RUN mkdir -p /var/lib/mutualis && chown node:node /var/lib/mutualis
VOLUME ["/var/lib/mutualis"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "--max-semi-space-size=2", "--heap-growing-percent=20", "build/server/main.js"]
