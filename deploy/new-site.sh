#!/usr/bin/env bash
# Adds a site overlay from deploy/k8s/overlays/_template. See deploy/new-site.ts.
#   deploy/new-site.sh <site-id> [--domain alongside.example]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec node -r "$root/tools/register.cjs" "$root/deploy/new-site.ts" "$@"
