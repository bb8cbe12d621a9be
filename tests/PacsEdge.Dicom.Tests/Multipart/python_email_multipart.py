"""Referee for PacsEdge's multipart reader and writer: Python's standard-library email package.

  write OUTDIR FILE...        builds multipart/related; type="application/dicom" with one binary
                              application/dicom part per FILE (email.mime, policy HTTP), writes the
                              body to OUTDIR/body.bin, then parses the whole message back with
                              email.parser and writes each part's payload to OUTDIR/partN.bin.
                              Prints the Content-Type header value.
  params                      reads a JSON list of Content-Type values on standard input and prints,
                              for each, email.headerregistry's content type, parameters and defects.
  read CONTENT_TYPE BODYFILE  parses the body with email.parser (policy HTTP) and prints JSON: the
                              message's defects and, per part, its headers, length and SHA-256.
"""
import hashlib
import io
import json
import os
import sys
from email import encoders, policy
from email.generator import BytesGenerator
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.parser import BytesParser


def write(outdir, files):
    message = MIMEMultipart('related', type='application/dicom', policy=policy.HTTP)
    for i, path in enumerate(files):
        with open(path, 'rb') as f:
            part = MIMEApplication(f.read(), 'dicom', _encoder=encoders.encode_noop, policy=policy.HTTP)
        part['Content-Transfer-Encoding'] = 'binary'
        part['Content-Location'] = 'file%d.dcm' % i
        message.attach(part)
    out = io.BytesIO()
    BytesGenerator(out, policy=policy.HTTP).flatten(message)
    whole = out.getvalue()
    body = whole[whole.index(b'\r\n\r\n') + 4:]
    with open(os.path.join(outdir, 'body.bin'), 'wb') as f:
        f.write(body)
    parsed = BytesParser(policy=policy.HTTP).parsebytes(whole)
    for i, part in enumerate(parsed.iter_parts()):
        with open(os.path.join(outdir, 'part%d.bin' % i), 'wb') as f:
            f.write(part.get_payload(decode=True))
    print(message['Content-Type'])


def read(content_type, body_file):
    with open(body_file, 'rb') as f:
        body = f.read()
    message = BytesParser(policy=policy.HTTP).parsebytes(
        b'Content-Type: ' + content_type.encode('ascii') + b'\r\n\r\n' + body)
    parts = []
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        parts.append({
            'headers': [[k, str(v)] for k, v in part.items()],
            'length': len(payload),
            'sha256': hashlib.sha256(payload).hexdigest(),
        })
    print(json.dumps({'defects': [type(d).__name__ for d in message.defects], 'parts': parts}))


def params():
    result = []
    for value in json.load(sys.stdin):
        header = policy.HTTP.header_factory('Content-Type', value)
        result.append({'essence': header.content_type, 'params': dict(header.params),
                       'defects': [type(d).__name__ for d in header.defects]})
    print(json.dumps(result))


if __name__ == '__main__':
    if sys.argv[1] == 'write':
        write(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == 'params':
        params()
    elif sys.argv[1] == 'read':
        read(sys.argv[2], sys.argv[3])
    else:
        sys.exit('usage: write OUTDIR FILE... | params | read CONTENT_TYPE BODYFILE')
