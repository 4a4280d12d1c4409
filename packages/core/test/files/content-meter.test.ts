import { describe, expect, it } from 'vitest';
import { ContentMeter, ValidationError, checkPutOptions, fileChunks, resolveListOptions, sha256Hex } from '../../src';

const fields = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }
  return [];
};

describe('ContentMeter', () => {
  it('counts and hashes what streams past', () => {
    const meter = new ContentMeter();
    meter.add(new TextEncoder().encode('ab'));
    meter.add(new TextEncoder().encode('c'));
    expect(meter.size).toBe(3);
    // The FIPS 180-2 test vector for "abc".
    expect(meter.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('stops at the first byte over the limit, naming size', () => {
    const meter = new ContentMeter(4);
    meter.add(new Uint8Array(4));
    expect(fields(() => meter.add(new Uint8Array(1)))).toEqual(['size']);
  });

  it('refuses chunks that are not bytes, naming content', () => {
    expect(fields(() => new ContentMeter().add('text'))).toEqual(['content']);
  });
});

describe('fileChunks', () => {
  it('yields plain bytes as one chunk and passes streams through', async () => {
    const collected: unknown[] = [];
    for await (const c of fileChunks(new Uint8Array([1]))) collected.push(c);
    expect(collected).toEqual([new Uint8Array([1])]);
  });

  it('refuses anything else, naming content', async () => {
    const error = await fileChunks(42 as unknown as Uint8Array)
      .next()
      .catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual(['content']);
  });
});

describe('checkPutOptions and resolveListOptions', () => {
  it('name the field that is wrong', () => {
    expect(fields(() => checkPutOptions({ contentType: 'application/pdf', maxBytes: 10 }))).toEqual([]);
    expect(fields(() => checkPutOptions({ contentType: 'pdf' }))).toEqual(['contentType']);
    expect(fields(() => checkPutOptions({ contentType: 'a/b', maxBytes: Number.NaN }))).toEqual(['maxBytes']);
    expect(resolveListOptions()).toEqual({ prefix: '', after: undefined, limit: 100 });
    expect(fields(() => resolveListOptions({ limit: 0 }))).toEqual(['limit']);
    expect(fields(() => resolveListOptions({ prefix: 3 as unknown as string }))).toEqual(['prefix']);
  });
});
