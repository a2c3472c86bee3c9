#!/usr/bin/env bash
# The house's rules (../shared/DESIGN.md, "Architecture"), checked over src/:
#   - domain imports no diesel, actix or utoipa;
#   - services write no SQL and build no diesel query (they call db);
#   - nothing below services imports services or web, and services import no web.
# A line listed in KNOWN below is a violation still to be moved (issue 16); the check fails when
# one is no longer there, so the list only shrinks.
set -euo pipefail
cd "$(dirname "$0")/.."

KNOWN=(
  "src/domain/card.rs:#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]"
  "src/domain/staff.rs:#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]"
)

found=$(
  {
    grep -rnE '\b(diesel|actix_web|actix_multipart|utoipa)\b' src/domain || true
    grep -rnE 'diesel::(prelude|dsl|insert_into|update|delete|select|sql_query)|crate::db::schema|batch_execute|sql_query' src/services || true
    grep -rnE 'crate::(services|web)\b' src/domain src/crypto src/db src/render \
      src/context.rs src/error.rs src/config.rs src/telemetry.rs src/clock.rs src/health.rs \
      src/rate_limit.rs src/private_files.rs || true
    grep -rnE 'crate::web\b' src/services || true
  } | grep -vE '^[^:]+:[0-9]+:\s*//' | sed -E 's/^([^:]+):[0-9]+:\s*/\1:/'
)

status=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  known=0
  for k in "${KNOWN[@]}"; do [ "$line" = "$k" ] && known=1; done
  if [ "$known" -eq 0 ]; then
    echo "layers: $line" >&2
    status=1
  fi
done <<<"$found"
for k in "${KNOWN[@]}"; do
  if ! grep -qxF "$k" <<<"$found"; then
    echo "layers: '$k' is fixed; remove it from KNOWN in .ci/layers.sh" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "layers: domain, services and the rooms below them keep to their rules (${#KNOWN[@]} known exceptions)"
exit "$status"
