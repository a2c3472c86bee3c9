"""Checks a muni-id card token and status list with pycose, a COSE library that is not ours,
using only the published JWKS. Prints one JSON object; exits non-zero if anything fails.

usage: verify_with_pycose.py JWKS_FILE QR_TEXT_FILE STATUS_LIST_FILE
"""
import base64
import json
import sys
import zlib

import cbor2
from pycose.keys import EC2Key
from pycose.keys.curves import P256
from pycose.messages import Sign1Message


def b64url(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def key_for(jwks: dict, kid: bytes) -> EC2Key:
    for jwk in jwks["keys"]:
        if b64url(jwk["kid"]) == kid:
            return EC2Key(crv=P256, x=b64url(jwk["x"]), y=b64url(jwk["y"]))
    raise SystemExit(f"no published key with kid {kid.hex()}")


def verified(jwks: dict, encoded: bytes) -> Sign1Message:
    message = Sign1Message.decode(encoded)
    kid = message.phdr.get(4) or message.phdr.get("KID")
    if kid is None:
        for label, value in message.phdr.items():
            if getattr(label, "identifier", None) == 4:
                kid = value
    message.key = key_for(jwks, kid)
    if not message.verify_signature():
        raise SystemExit("signature does not verify")
    return message


def main() -> None:
    jwks = json.load(open(sys.argv[1]))
    qr_text = open(sys.argv[2]).read().strip()
    token_b32 = qr_text.rsplit("#", 1)[-1]
    token = base64.b32decode(token_b32 + "=" * (-len(token_b32) % 8))
    card = verified(jwks, token)
    claims = cbor2.loads(card.payload)
    status = claims[65535]["status_list"]

    status_list = verified(jwks, open(sys.argv[3], "rb").read())
    list_claims = cbor2.loads(status_list.payload)
    bits = zlib.decompress(list_claims[65533]["lst"])
    index = status["idx"]
    print(json.dumps({
        "signature_valid": True,
        "iss": claims[1],
        "sub": claims[2],
        "iat": claims[6],
        "exp": claims[4],
        "claim_keys": sorted(claims.keys()),
        "status_uri": status["uri"],
        "list_sub": list_claims[2],
        "list_entries": len(bits) * 8,
        "status_bit": (bits[index // 8] >> (index % 8)) & 1,
    }))


if __name__ == "__main__":
    main()
