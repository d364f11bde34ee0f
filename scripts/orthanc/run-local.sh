#!/usr/bin/env bash
# Starts a local Orthanc with its DICOMweb plugin, for trying the harvester by hand (the tests start their own).
# Usage: scripts/orthanc/run-local.sh [DIR] [HTTP_PORT] [DICOM_PORT]
#   DIR        storage and configuration folder (default: a new temporary folder)
#   HTTP_PORT  REST and DICOMweb port on 127.0.0.1 (default 8042); DICOMweb root http://127.0.0.1:HTTP_PORT/dicom-web/
#   ORTHANC_USER / ORTHANC_PASSWORD  the one registered user (default harvester / harvester)
# Needs: apt-get install -y orthanc orthanc-dicomweb. Stops with Ctrl+C.
set -euo pipefail
dir="${1:-$(mktemp -d -t orthanc-XXXXXX)}"
http_port="${2:-8042}"
dicom_port="${3:-4242}"
user="${ORTHANC_USER:-harvester}"
password="${ORTHANC_PASSWORD:-harvester}"
plugin=""
for candidate in /usr/share/orthanc/plugins/libOrthancDicomWeb.so /usr/lib/orthanc/libOrthancDicomWeb.so; do
  [ -f "$candidate" ] && plugin="$candidate" && break
done
[ -n "$plugin" ] || { echo "The Orthanc DICOMweb plugin is missing: apt-get install -y orthanc orthanc-dicomweb" >&2; exit 1; }
mkdir -p "$dir/storage"
cat > "$dir/orthanc.json" <<JSON
{
  "Name": "graph-local",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/storage",
  "HttpPort": $http_port,
  "DicomPort": $dicom_port,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": true,
  "RegisteredUsers": { "$user": "$password" },
  "Plugins": [ "$plugin" ],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
}
JSON
echo "Orthanc in $dir; DICOMweb root http://127.0.0.1:$http_port/dicom-web/ (user $user)"
exec Orthanc "$dir/orthanc.json"
