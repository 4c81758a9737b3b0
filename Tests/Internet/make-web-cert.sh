#!/usr/bin/env bash
# Creates a test CA (ca.pem) and a server certificate for 127.0.0.1 and localhost (server.pem, server.key)
# in DIR, for web.py --tls-cert/--tls-key and the client's --cacert. Loopback tests only.
set -euo pipefail
dir=${1:?usage: make-web-cert.sh DIR}
mkdir -p "$dir"
cd "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days 3 \
    -subj "/CN=Longarm Test Web CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr \
    -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 3 \
    -extfile server.ext 2>/dev/null
