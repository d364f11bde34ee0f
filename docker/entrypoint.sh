#!/bin/sh
# The API image runs the service, or the graph command with the same settings (environment, /app/appsettings.json):
#   docker compose run --rm api-1 graph ingest dicom /import --repository R --dataset D
set -e
if [ "$1" = "graph" ]; then
  shift
  exec dotnet /app/cli/graph.dll "$@"
fi
exec dotnet /app/Graph.Api.dll "$@"
