# Qingdan production image: the compiled server (dist/) and the built UI (web/dist), run by plain
# node with production dependencies only (the build needs no others). Build: docker build -t qingdan .
# Run: docker run -p 3000:3000 -e DATABASE_URL=postgres://… qingdan   (see docs/deployment.md)
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
# CJK fonts: the hall's PDF notices embed one; tini reaps children and passes SIGTERM on.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk tini \
  && rm -rf /var/lib/apt/lists/* && mkdir -p /data && chown node:node /data
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 QINGDAN_DATA_DIR=/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/bin ./bin
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--", "node", "dist/cli/main.js"]
CMD ["serve"]
