/** MemoryStorage that counts the reads a desk makes outside transactions (core and HTTP tests share it). */
import { MemoryStorage } from '@statdesk/testing';
import type { InstanceRecord, InstanceRef } from '../../src';

export class CountingStorage extends MemoryStorage {
  instanceLoads = 0;
  historyReads = 0;

  override getInstance(ref: InstanceRef): Promise<InstanceRecord | undefined> {
    this.instanceLoads++;
    return super.getInstance(ref);
  }

  override readHistory(ref: InstanceRef) {
    this.historyReads++;
    return super.readHistory(ref);
  }
}
