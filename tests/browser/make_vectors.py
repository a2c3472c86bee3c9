#!/usr/bin/env python3
"""Test vectors for the verifier page, made the way the server will make them.

Writes into OUT:
  jwks.json        the published keys (current + retired; the "other" key is NOT listed)
  status-1.cwt     the signed Token Status List (COSE_Sign1, tag 18), 131,072 entries
  vectors.json     {"base", "status_uri", "card_numbers", "vectors": [{name, token, qr_text, expect}]}

expect is "valid" or "not-valid".  Every token is RFC 4648 base32, upper case, no padding,
of a tagged COSE_Sign1 (ES256) whose payload is a CWT:
  {1: iss, 2: sub, 6: iat, 4: exp, 65535: {"status_list": {"idx": n, "uri": text}}}

Usage: make_vectors.py --base http://localhost:8080 --out DIR [--now UNIX_SECONDS]
Needs: cryptography, cbor2<6 (see tests/browser/README.md).
"""

import argparse
import base64
import hashlib
import json
import os
import secrets
import zlib

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

STATUS_ENTRIES = 131_072
YEAR = 365 * 24 * 3600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b32(data: bytes) -> str:
    return base64.b32encode(data).rstrip(b"=").decode("ascii")


class Key:
    def __init__(self):
        self.private = ec.generate_private_key(ec.SECP256R1())
        point = self.private.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        self.point = point
        self.kid = hashlib.sha256(point).digest()[:8]

    def jwk(self) -> dict:
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64url(self.point[1:33]),
            "y": b64url(self.point[33:65]),
            "kid": b64url(self.kid),
            "alg": "ES256",
            "use": "sig",
        }

    def sign_raw(self, message: bytes) -> bytes:
        der = self.private.sign(message, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def cose_sign1(signer: Key, protected: dict, payload: bytes, kid: bytes = None) -> bytes:
    """Tagged COSE_Sign1.  `kid` overrides the kid put in the header (to forge)."""
    protected = dict(protected)
    protected[4] = signer.kid if kid is None else kid
    protected_bytes = cbor2.dumps(protected)
    sig_structure = cbor2.dumps(["Signature1", protected_bytes, b"", payload])
    signature = signer.sign_raw(sig_structure)
    return cbor2.dumps(cbor2.CBORTag(18, [protected_bytes, {}, payload, signature]))


def card_claims(iss, sub, iat, exp, idx, uri) -> bytes:
    return cbor2.dumps(
        {1: iss, 2: sub, 6: iat, 4: exp, 65535: {"status_list": {"idx": idx, "uri": uri}}}
    )


def random_card_number() -> str:
    return "".join(str(secrets.randbelow(10)) for _ in range(12))


def make(base: str, out: str, now: int) -> dict:
    base = base.rstrip("/").lower()
    os.makedirs(out, exist_ok=True)
    current, retired, other = Key(), Key(), Key()
    status_uri = base + "/status/1"

    # Distinct random indices: valid cards, the revoked one, and some noise bits.
    indices = set()
    while len(indices) < 12:
        indices.add(secrets.randbelow(STATUS_ENTRIES))
    idx_valid, idx_retired, idx_revoked, idx_misc, *noise = sorted(indices, key=lambda _: secrets.randbits(16))

    bits = bytearray(STATUS_ENTRIES // 8)
    for i in [idx_revoked, *noise]:
        bits[i // 8] |= 1 << (i % 8)
    status_payload = cbor2.dumps(
        {
            2: status_uri,
            6: now,
            4: now + 24 * 3600,
            65534: 3600,
            65533: {"bits": 1, "lst": zlib.compress(bytes(bits), 9)},
        }
    )
    status_list = cose_sign1(current, {1: -7, 16: "application/statuslist+cwt"}, status_payload)
    with open(os.path.join(out, "status-1.cwt"), "wb") as f:
        f.write(status_list)
    with open(os.path.join(out, "jwks.json"), "w") as f:
        json.dump({"keys": [current.jwk(), retired.jwk()]}, f, indent=2)

    cards = {name: random_card_number() for name in ["valid", "retired", "revoked", "expired", "misc"]}
    iat = now - 3600
    exp = now + 5 * YEAR

    def token(signer=current, sub=cards["misc"], iat=iat, exp=exp, idx=idx_misc,
              uri=status_uri, iss=base, kid=None) -> bytes:
        return cose_sign1(signer, {1: -7}, card_claims(iss, sub, iat, exp, idx, uri), kid=kid)

    valid = token(sub=cards["valid"], idx=idx_valid)
    vectors = []

    def add(name, raw_or_text, expect, **extra):
        text = b32(raw_or_text) if isinstance(raw_or_text, bytes) else raw_or_text
        vectors.append({"name": name, "token": text, "qr_text": base.upper() + "/V#" + text,
                        "expect": expect, **extra})

    add("valid", valid, "valid", card_number=cards["valid"], exp=exp)
    add("valid-retired-key", token(retired, sub=cards["retired"], idx=idx_retired), "valid",
        card_number=cards["retired"], exp=exp)
    add("revoked", token(sub=cards["revoked"], idx=idx_revoked), "not-valid")
    add("expired", token(sub=cards["expired"], iat=now - 5 * YEAR, exp=now - 24 * 3600), "not-valid",
        expired=True, card_number=cards["expired"])
    add("unknown-key", token(other), "not-valid")
    add("forged-with-known-kid", token(other, kid=current.kid), "not-valid")

    # One byte altered inside the card number: still well-formed CBOR, only the signature fails.
    altered = bytearray(valid)
    pos = altered.find(cards["valid"].encode()) + 5
    altered[pos] = ord("0") + (altered[pos] - ord("0") + 1) % 10
    add("altered-card-number", bytes(altered), "not-valid")
    altered_sig = bytearray(valid)
    altered_sig[-10] ^= 0x01
    add("altered-signature", bytes(altered_sig), "not-valid")
    add("truncated", valid[:-7], "not-valid")
    add("unreadable", "THIS1SNOTBASE32!", "not-valid")
    add("empty-looking", "AAAAAAAA", "not-valid")
    add("wrong-issuer", token(iss="https://evil.example"), "not-valid")
    add("iat-in-future", token(iat=now + 3600), "not-valid")
    add("foreign-status-uri", token(uri="https://evil.example/status/1"), "not-valid")
    add("index-out-of-range", token(idx=STATUS_ENTRIES + 5), "not-valid")

    doc = {
        "base": base,
        "status_uri": status_uri,
        "now": now,
        "revoked_index": idx_revoked,
        "vectors": vectors,
    }
    with open(os.path.join(out, "vectors.json"), "w") as f:
        json.dump(doc, f, indent=2)
    return doc


def main():
    import time

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="public base URL, e.g. http://localhost:8080")
    parser.add_argument("--out", required=True, help="folder to write into")
    parser.add_argument("--now", type=int, default=None, help="unix seconds (default: now)")
    args = parser.parse_args()
    doc = make(args.base, args.out, args.now if args.now is not None else int(time.time()))
    print(json.dumps({"out": args.out, "vectors": len(doc["vectors"])}))


if __name__ == "__main__":
    main()
