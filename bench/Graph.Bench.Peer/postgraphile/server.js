// The peer of the HTTP benchmark: PostGraphile 4 as a production user would run it, with connection-filter
// (relation filters on) and pg-aggregates. Usage: node server.js DATABASE_URL PORT [LIFETIME_SECONDS]
"use strict";
const http = require("http");
const { postgraphile } = require("postgraphile");
const ConnectionFilterPlugin = require("postgraphile-plugin-connection-filter");
const PgAggregatesPlugin = require("@graphile/pg-aggregates").default;

const [databaseUrl, port, lifetime] = process.argv.slice(2);
if (!databaseUrl || !port) {
  console.error("usage: node server.js DATABASE_URL PORT [LIFETIME_SECONDS]");
  process.exit(2);
}

const middleware = postgraphile(databaseUrl, "public", {
  appendPlugins: [ConnectionFilterPlugin, PgAggregatesPlugin],
  graphileBuildOptions: { connectionFilterRelations: true },
  disableQueryLog: true,
  retryOnInitFail: false,
  watchPg: false,
  graphiql: false,
  enableQueryBatching: false,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
  legacyRelations: "omit",
});

const server = http.createServer(middleware);
server.listen(Number(port), "127.0.0.1", () => console.log(`PostGraphile listening on http://127.0.0.1:${port}/graphql`));
// Stops by itself once its lifetime is over, so it outlives no crashed benchmark.
setTimeout(() => process.exit(0), 1000 * Number(lifetime || 3600)).unref();
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
