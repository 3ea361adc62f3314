import { MemoryStorage, type Storage } from "botbuilder";

/**
 * The one place the bot's state store is chosen. MemoryStorage keeps conversations for the life of the process;
 * replace it here with a shared store (e.g. BlobsStorage or CosmosDbPartitionedStorage) to run several instances
 * or survive restarts.
 */
export function createStorage(): Storage {
  return new MemoryStorage();
}
