#!/usr/bin/env python3
"""Writes what Python's own `email` package reads in each corpus message, as the independent
expectation for MailCorpusTest (host-simulator/src/test/java/dev/deskcc/sim/mail/MailCorpusTest.java).

Run once after the corpus changes, from the repository root:
    python3 host-simulator/src/test/python/mail_corpus_expectations.py
It reads host-simulator/src/test/resources/mail-corpus/ and writes expected.json there.

Each message is read exactly as the test posts it: with the line MailCorpusTest.DELIVERED_TO
put in front (the envelope recipient a mail server records), so the desk can route it.
"""
import email
import email.policy
import email.utils
import hashlib
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources", "mail-corpus")
DELIVERED_TO = b"Delivered-To: support@corpus.test\r\n"


def with_delivered_to(raw):
    """The line goes first, or after an mbox "From " envelope line (MailCorpusTest does the same)."""
    if raw.startswith(b"From "):
        cut = raw.find(b"\n") + 1
        return raw[:cut] + DELIVERED_TO + raw[cut:]
    return DELIVERED_TO + raw
SUFFIXES = (".eml", ".msg", ".raw", ".txt")
NOT_MAIL = {"README.txt", "ARTISTIC-LICENSE.txt", "MIT.txt", "Apache-2.0.txt", "SOURCES.txt", "known-differences.txt"}


def addr_specs(msg, name):
    values = msg.get_all(name) or []
    out = []
    for _, spec in email.utils.getaddresses([str(v) for v in values]):
        if "@" in spec:
            out.append(spec.lower())
    return out


def leaves(part):
    """The parts, without descending into message/* parts (the desk keeps those whole)."""
    if part.is_multipart() and part.get_content_maintype() != "message":
        for child in part.get_payload():
            yield from leaves(child)
    elif not part.is_multipart():
        yield part


def attachments(msg):
    out = []
    for part in leaves(msg):
        name = part.get_filename()
        if name is None:
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            continue
        out.append({"name": str(name), "sha256": hashlib.sha256(payload).hexdigest()})
    return out


def expectation(raw):
    raw = with_delivered_to(raw)
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    frm = addr_specs(msg, "From")
    if not frm:
        return {"taken": False}
    report = msg.get_content_type() == "multipart/report" and \
        (msg.get_param("report-type") or "").lower() == "delivery-status"
    return {
        "taken": True,
        "deliveryReport": report,
        "from": frm[0],
        "to": addr_specs(msg, "To"),
        "cc": addr_specs(msg, "Cc"),
        # The default policy decodes RFC 2047 and RFC 2231 file names; compat32 leaves them raw.
        "attachments": attachments(email.message_from_bytes(raw, policy=email.policy.default)),
    }


def main():
    result = {}
    for folder, _, files in sorted(os.walk(ROOT)):
        for f in sorted(files):
            if not f.endswith(SUFFIXES) or f in NOT_MAIL:
                continue
            path = os.path.join(folder, f)
            rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
            with open(path, "rb") as fh:
                result[rel] = expectation(fh.read())
    with open(os.path.join(ROOT, "expected.json"), "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1, sort_keys=True, ensure_ascii=False)
        out.write("\n")
    print(len(result), "messages", file=sys.stderr)


if __name__ == "__main__":
    main()
