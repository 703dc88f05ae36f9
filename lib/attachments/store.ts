import { eq, sql } from 'drizzle-orm';
import type { AttachmentStore as StoreCode } from '@/lib/codes';
import type { Db } from '@/lib/db/client';
import { attachmentBlobs } from '@/lib/db/schema';

/**
 * Where attachment bytes live. The database store keeps them in PostgreSQL (bytea) and writes
 * them with the caller's transaction, so an entry and its files are committed together or not
 * at all. Another store (S3-compatible) implements the same calls and is chosen by the
 * attachment row's `store` code.
 */
export interface AttachmentStorage {
  readonly code: StoreCode;
  put(tx: Db, attachmentId: string, data: Uint8Array): Promise<void>;
  get(db: Db, attachmentId: string): Promise<Uint8Array | null>;
  /**
   * The bytes as a stream of chunks of at most `chunkBytes`, read one at a time as the client
   * takes them: a download holds one chunk in memory, not the file (null when the bytes are gone).
   */
  stream(db: Db, attachmentId: string, chunkBytes?: number): Promise<ReadableStream<Uint8Array> | null>;
  /** Deletes the bytes, in the caller's transaction (before the attachment row goes). */
  remove(tx: Db, attachmentId: string): Promise<void>;
}

export const databaseStore: AttachmentStorage = {
  code: 'database',
  async put(tx, attachmentId, data) {
    await tx.insert(attachmentBlobs).values({ attachmentId, data });
  },
  async get(db, attachmentId) {
    const [row] = await db.select({ data: attachmentBlobs.data }).from(attachmentBlobs).where(eq(attachmentBlobs.attachmentId, attachmentId));
    return row ? new Uint8Array(row.data) : null;
  },
  async stream(db, attachmentId, chunkBytes = 1024 * 1024) {
    const [head] = await db
      .select({ size: sql<number>`octet_length(${attachmentBlobs.data})` })
      .from(attachmentBlobs)
      .where(eq(attachmentBlobs.attachmentId, attachmentId));
    if (!head) return null;
    const size = Number(head.size);
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= size) return controller.close();
        const [row] = await db
          .select({ chunk: sql<Uint8Array>`substring(${attachmentBlobs.data} from ${offset + 1} for ${chunkBytes})` })
          .from(attachmentBlobs)
          .where(eq(attachmentBlobs.attachmentId, attachmentId));
        if (!row) return controller.error(new Error('attachment bytes removed during the download'));
        const chunk = new Uint8Array(row.chunk as Uint8Array);
        offset += chunk.length;
        controller.enqueue(chunk);
        if (chunk.length === 0 || offset >= size) controller.close();
      },
    });
  },
  async remove(tx, attachmentId) {
    await tx.delete(attachmentBlobs).where(eq(attachmentBlobs.attachmentId, attachmentId));
  },
};

const STORES: Record<StoreCode, AttachmentStorage> = { database: databaseStore };

/** The store new attachments go to (only the database one today). */
export function activeStore(): AttachmentStorage {
  return databaseStore;
}

export function storeFor(code: StoreCode): AttachmentStorage {
  return STORES[code];
}
