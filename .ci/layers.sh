#!/usr/bin/env bash
# The house's rules (../shared/DESIGN.md, "Architecture"), checked over src/:
#   - domain imports no diesel, actix or utoipa;
#   - services write no SQL and build no diesel query (they call db);
#   - nothing below services imports services or web, and services import no web.
set -euo pipefail
cd "$(dirname "$0")/.."

found=$(
  {
    grep -rnE '\b(diesel|actix_web|actix_multipart|utoipa)\b' src/domain || true
    grep -rnE 'diesel::(prelude|dsl|insert_into|update|delete|select|sql_query)|crate::db::schema|batch_execute|sql_query' src/services || true
    grep -rnE 'crate::(services|web)\b' src/domain src/crypto src/db src/render src/identity_provider src/outbound_http.rs \
      src/context.rs src/error.rs src/config.rs src/telemetry.rs src/clock.rs src/health.rs \
      src/rate_limit.rs src/private_files.rs || true
    grep -rnE 'crate::web\b' src/services || true
  } | { grep -vE '^[^:]+:[0-9]+:\s*//' || true; } | sed -E 's/^([^:]+):[0-9]+:\s*/\1:/'
)

if [ -n "$found" ]; then
  sed 's/^/layers: /' <<<"$found" >&2
  exit 1
fi
echo "layers: domain, services and the rooms below them keep to their rules"
