#!/usr/bin/env bash
# Creates a test certificate authority and the national accountant's signing certificate, for
# development, the demo and the tests — never for production, whose key and certificate come from the
# organisation's own authority (MUTUALIS_SIGNING_KEY_FILE, MUTUALIS_SIGNING_CERT_FILE).
#
#   bash server/scripts/test-ca.sh DIR
#
# Writes DIR/ca.pem (the authority), DIR/signer.key (PKCS #8, unencrypted, mode 600) and DIR/signer.pem
# (the signer's certificate). Keys are made here, on the machine, each time: none is ever committed.
set -euo pipefail
DIR=${1:?usage: test-ca.sh DIR}
mkdir -p "$DIR"
cd "$DIR"
umask 077
SUBJECT_CA='/C=FR/O=Mutualis (test)/OU=Autorite de certification de test/CN=Mutualis Test CA'
SUBJECT_SIGNER='/C=FR/O=Caisse nationale de l Assurance Maladie (test)/OU=DDFC DC2R/CN=Agent comptable national (test)'
openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 3650 -keyout ca.key -out ca.pem \
  -subj "$SUBJECT_CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey rsa:3072 -nodes -sha256 -keyout signer.key -out signer.csr -subj "$SUBJECT_SIGNER" 2>/dev/null
cat > signer.ext <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
openssl x509 -req -in signer.csr -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days 1825 \
  -extfile signer.ext -out signer.pem 2>/dev/null
rm -f signer.csr signer.ext ca.srl ca.key
chmod 600 signer.key
chmod 644 ca.pem signer.pem
