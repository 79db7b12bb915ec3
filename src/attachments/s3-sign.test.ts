import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, sha256Hex, signingKey, signV4 } from './s3-sign.js';

/**
 * The worked examples of "Signature Calculations for the Authorization Header"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html): AWS's own
 * credentials, request and expected signature, so a slip in our canonical form shows here.
 */
const creds = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const now = new Date('2013-05-24T00:00:00Z');
const credential = 'Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

describe('AWS Signature Version 4', () => {
  it('derives the signing key of the AWS general reference example', () => {
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d');
  });

  it('signs GET Object with a Range header', () => {
    const url = new URL('https://examplebucket.s3.amazonaws.com/test.txt');
    const h = signV4({ method: 'GET', url, headers: { Range: 'bytes=0-9' }, payloadHash: EMPTY_SHA256, now }, creds);
    expect(h.authorization).toBe(
      `AWS4-HMAC-SHA256 ${credential},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,` +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(h['x-amz-date']).toBe('20130524T000000Z');
  });

  it('signs PUT Object, encoding $ in the key', () => {
    const body = 'Welcome to Amazon S3.';
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const h = signV4(
      {
        method: 'PUT',
        url: new URL('https://examplebucket.s3.amazonaws.com/test$file.text'),
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash: sha256Hex(body),
        now,
      },
      creds,
    );
    expect(h.authorization).toBe(
      `AWS4-HMAC-SHA256 ${credential},SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,` +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('signs a bucket listing, with its query sorted', () => {
    const url = new URL('https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2');
    const h = signV4({ method: 'GET', url, payloadHash: EMPTY_SHA256, now }, creds);
    expect(h.authorization).toBe(
      `AWS4-HMAC-SHA256 ${credential},SignedHeaders=host;x-amz-content-sha256;x-amz-date,` +
        'Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });
});
