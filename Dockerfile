# The Cancer Imaging Graph service (src/Graph.Api), built from source.
#   docker build -t cancer-imaging-graph/api .      (docker-compose.yml builds it for you)

# Build: the .NET SDK, plus Node.js and npm for the `npm ci` that installs the Banana Cake Pop IDE during the build.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# Graph.Store.Neo4j embeds schema/neo4j/schema.cypher.
COPY schema/ schema/
COPY src/ src/
RUN dotnet publish src/Graph.Api/Graph.Api.csproj -c Release -o /app -p:UseAppHost=false \
    && dotnet publish src/Graph.Cli/Graph.Cli.csproj -c Release -o /app/cli -p:UseAppHost=false

# Run: the ASP.NET Core runtime only, as the image's non-root user, on port 8080. The graph command is in the image
# too (/app/cli, `graph` on PATH), so operators run it with the service's settings against the same store.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl serves the health check; nothing else is added.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/graph \
    && chown "$APP_UID" /var/lib/graph
WORKDIR /app
COPY --from=build /app .
COPY docker/entrypoint.sh /usr/local/bin/graph-entrypoint
RUN printf '#!/bin/sh\nexec dotnet /app/cli/graph.dll "$@"\n' > /usr/local/bin/graph && chmod 755 /usr/local/bin/graph /usr/local/bin/graph-entrypoint
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Graph__DataDirectory=/var/lib/graph
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=30 \
    CMD curl -fsS http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["graph-entrypoint"]
