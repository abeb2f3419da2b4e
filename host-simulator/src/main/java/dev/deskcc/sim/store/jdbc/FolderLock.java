package dev.deskcc.sim.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One simulator per data folder: an operating-system lock on {@code deskcc.lock}, held while the
 * store is open. The system drops it when the process ends, however it ends, so a killed
 * simulator never leaves a stale lock behind.
 */
final class FolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static FolderLock take(Path dir) {
    Path file = dir.resolve("deskcc.lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw held(dir, null);
      }
      return new FolderLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw held(dir, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreFailure(StoreFailure.Code.DATA_DIR_UNUSABLE, "data folder " + dir + " cannot be locked: " + e, e);
    } catch (StoreFailure e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static StoreFailure held(Path dir, Throwable cause) {
    return new StoreFailure(StoreFailure.Code.DATA_DIR_UNUSABLE,
        "data folder " + dir + " is in use by another running simulator", cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing held
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // released by the system when the process ends
    }
  }
}
