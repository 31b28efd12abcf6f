import { createHash, webcrypto } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';

/**
 * A PAdES baseline B-B signature (ETSI EN 319 142-1): a detached CMS whose signed attributes are exactly
 * contentType, messageDigest and ESS signing-certificate-v2 — no signingTime, the time being the
 * signature dictionary's /M — by the key and certificate the server holds. The stock signers add
 * signingTime and lack signing-certificate-v2, hence this small one on pkijs.
 */

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as Crypto }));

export interface SigningMaterial {
  /** PKCS #8 private key, PEM. */
  keyPem: string;
  /** The signer's certificate, then the chain (PEM, concatenated). */
  certificatesPem: string;
}

const pemBlocks = (pem: string, label: string) =>
  [...pem.matchAll(new RegExp(`-----BEGIN ${label}-----([^-]+)-----END ${label}-----`, 'g'))].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
const arrayBufferOf = (bytes: Buffer) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export function certificatesOf(material: SigningMaterial) {
  const ders = pemBlocks(material.certificatesPem, 'CERTIFICATE');
  if (ders.length === 0) throw new Error('no certificate in the signing certificate file');
  return ders.map((der) => ({ der, certificate: pkijs.Certificate.fromBER(arrayBufferOf(der)) }));
}

/** The certificate's subject as one line (CN=…, O=…). */
export function subjectOf(certificate: pkijs.Certificate) {
  return certificate.subject.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${tv.value.valueBlock.value}`)
    .reverse()
    .join(', ');
}
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

class PadesSigner extends Signer {
  constructor(
    private readonly key: CryptoKey,
    private readonly chain: { der: Buffer; certificate: pkijs.Certificate }[],
  ) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const [signer] = this.chain;
    if (!signer) throw new Error('no signing certificate');
    const digest = createHash('sha256').update(content).digest();
    const certHash = createHash('sha256').update(signer.der).digest();
    const attribute = (type: string, value: asn1js.BaseBlock) =>
      new pkijs.Attribute({ type, values: [value] });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      certificates: this.chain.map((c) => c.certificate),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: signer.certificate.issuer,
            serialNumber: signer.certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
              attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: arrayBufferOf(digest) })),
              // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash }] } — SHA-256, the default, omitted.
              attribute(
                OID.signingCertificateV2,
                new asn1js.Sequence({
                  value: [
                    new asn1js.Sequence({
                      value: [
                        new asn1js.Sequence({
                          value: [new asn1js.OctetString({ valueHex: arrayBufferOf(certHash) })],
                        }),
                      ],
                    }),
                  ],
                }),
              ),
            ],
          }),
        }),
      ],
    });
    await signedData.sign(this.key, 0, 'SHA-256');
    const contentInfo = new pkijs.ContentInfo({
      contentType: OID.signedData,
      content: signedData.toSchema(true),
    });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

async function importKey(pem: string) {
  const [der] = pemBlocks(pem, 'PRIVATE KEY');
  if (!der) throw new Error('the signing key is not a PKCS #8 PEM private key');
  return webcrypto.subtle.importKey(
    'pkcs8',
    arrayBufferOf(der),
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
}

export interface SignatureBlock {
  signerName: string;
  reason: string;
  location: string;
  signedAt: Date;
  /** The visible signature's rectangle on the last page, in PDF points [x1, y1, x2, y2]. */
  widgetRect: [number, number, number, number];
}

/** Adds a signature field over the visible block of the last page and signs the document (PAdES-B-B). */
export async function signPdf(pdf: Uint8Array, material: SigningMaterial, block: SignatureBlock) {
  const document = await PDFDocument.load(pdf);
  const pages = document.getPages();
  const last = pages[pages.length - 1];
  if (!last) throw new Error('empty document');
  pdflibAddPlaceholder({
    pdfPage: last,
    reason: block.reason,
    contactInfo: '',
    name: block.signerName,
    location: block.location,
    signingTime: block.signedAt,
    signatureLength: 16384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: block.widgetRect,
    appName: 'Mutualis',
  });
  const prepared = Buffer.from(await document.save({ useObjectStreams: false }));
  const signer = new PadesSigner(await importKey(material.keyPem), certificatesOf(material));
  return new SignPdf().sign(prepared, signer, block.signedAt);
}

/**
 * Checks the last signature of a PDF: the CMS signature over its byte range, with the signed
 * attributes' message digest. Says nothing of trust in the certificate (pdfsig does that with a store).
 */
export async function verifyPdfSignature(pdf: Buffer): Promise<{ valid: boolean; subject: string | null }> {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) return { valid: false, subject: null };
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || c + d !== pdf.length || b >= c) return { valid: false, subject: null };
  const hex = pdf
    .subarray(b, c)
    .toString('latin1')
    .replace(/[<>\s]/g, '');
  try {
    const signature = Buffer.from(hex, 'hex');
    const parsed = asn1js.fromBER(arrayBufferOf(signature));
    if (parsed.offset === -1) return { valid: false, subject: null };
    const signedData = new pkijs.SignedData({
      schema: new pkijs.ContentInfo({ schema: parsed.result }).content,
    });
    const data = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const valid = await signedData.verify({ signer: 0, data: arrayBufferOf(data), checkChain: false });
    const certificate = signedData.certificates?.[0];
    return {
      valid: valid === true,
      subject: certificate instanceof pkijs.Certificate ? subjectOf(certificate) : null,
    };
  } catch {
    return { valid: false, subject: null };
  }
}
