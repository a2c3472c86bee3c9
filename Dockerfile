# syntax=docker/dockerfile:1
# Two stages: build the release binary, then run it as an unprivileged user with
# config/production.toml (development mode off; the keys in OpenBao, whose address, CA and
# token come from that file and container secrets — README, "Production keys"). Data (the
# SQLite database when no PostgreSQL URL secret is given) and the audit witness live on two
# separate volumes, /data and /keys; with keys.backend = "file" the key ring is on /keys too, so
# a copy of the data volume never holds the keys that open it, and the service refuses a key
# file beside a SQLite database. For PostgreSQL set
# MUNI_ID__DATABASE__URL_FILE=/run/secrets/muni-id-database-url.

FROM rust:1-bookworm AS build
WORKDIR /src
# SQLite, libpq and OpenSSL are compiled in (bundled/vendored): no -dev packages needed.
COPY . .
RUN cargo build --release --locked --bin muni-id \
 && strip target/release/muni-id

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-noto-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home muni-id \
 && mkdir -p /data /keys /etc/muni-id \
 && chown muni-id:muni-id /data /keys \
 && chmod 0700 /data /keys
COPY --from=build /src/target/release/muni-id /usr/local/bin/muni-id
COPY config/production.toml /etc/muni-id/production.toml
USER muni-id:muni-id
WORKDIR /data
# MALLOC_ARENA_MAX=2: glibc otherwise keeps an arena per busy thread; with two the peak memory
# under enrollment load fell from 92 MB to 66 MB at the same throughput (benches/README.md).
ENV MALLOC_ARENA_MAX=2 \
    MUNI_ID_CONFIG=/etc/muni-id/production.toml \
    MUNI_ID__DATA_DIR=/data \
    MUNI_ID__DATABASE__URL=sqlite:///data/muni-id.db \
    MUNI_ID__DATABASE__URL_FILE= \
    MUNI_ID__KEYS__KEYRING_FILE=/keys/keyring.json \
    MUNI_ID__KEYS__AUDIT_WITNESS_FILE=/keys/audit-witness.jsonl \
    MUNI_ID__SERVER__BIND=0.0.0.0:8080
VOLUME ["/data", "/keys"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["muni-id", "healthcheck", "--address", "127.0.0.1:8080"]
ENTRYPOINT ["muni-id"]
CMD ["serve"]
