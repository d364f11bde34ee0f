#!/usr/bin/env bash
# Uploads pydicom's test files (Debian python3-pydicom) to an Orthanc through its REST API.
# Usage: scripts/orthanc/load-pydicom.sh [HTTP_PORT]   (ORTHANC_USER / ORTHANC_PASSWORD as for run-local.sh)
set -euo pipefail
port="${1:-8042}"
user="${ORTHANC_USER:-harvester}"
password="${ORTHANC_PASSWORD:-harvester}"
data=/usr/lib/python3/dist-packages/pydicom/data
[ -d "$data" ] || { echo "pydicom's test files are missing: apt-get install -y python3-pydicom" >&2; exit 1; }
loaded=0
for file in "$data"/test_files/*.dcm "$data"/charset_files/*.dcm; do
  if curl -fsS -u "$user:$password" -X POST -H "Content-Type: application/dicom" --data-binary "@$file" "http://127.0.0.1:$port/instances" >/dev/null 2>&1; then
    loaded=$((loaded + 1))
  fi
done
echo "Uploaded $loaded files (Orthanc refuses a few of pydicom's deliberately broken ones)."
