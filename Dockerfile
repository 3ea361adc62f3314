# syntax=docker/dockerfile:1
# The bot as a service: built in one stage, run from a slim image as the unprivileged "node" user.
# Build: docker build -t porting-bot .    Run: docker run -p 3978:3978 --env-file .env porting-bot

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY bot bot
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY knowledge knowledge
# Feedback records are appended here (mount a volume to keep them).
RUN mkdir feedback && chown node:node feedback
USER node
EXPOSE 3978
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node runs as PID 1 and handles SIGTERM itself: `docker stop` lets running turns finish (bot/index.ts).
CMD ["node", "dist/bot/index.js"]
