package dev.deskcc.sim.mail;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The raw bytes of one message as Jakarta Mail's shared input stream, without the locks.
 *
 * <p>{@code ByteArrayInputStream} synchronises every call. Jakarta Mail's multipart parser scans for
 * boundaries with a {@code mark}/{@code read}/{@code reset}/{@code skip} round per boundary-length
 * window, so a large attachment costs tens of thousands of lock acquisitions (BENCHMARKS.md,
 * figure 3). A parse runs on one thread and its streams never leave
 * it, so the locks protect nothing here. Every stream handed out ({@link #newStream}, which the
 * parser uses for each part) is of this type too, so the whole parse is lock-free; the parsing
 * itself stays Jakarta Mail's.
 *
 * <p>Not thread-safe: one instance per parse.
 */
final class MessageBytes extends SharedByteArrayInputStream {

  MessageBytes(byte[] buf, int offset, int length) {
    super(buf, offset, length);
  }

  @Override
  public int read() {
    return pos < count ? buf[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (pos >= count) {
      return -1;
    }
    int n = Math.min(len, count - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public byte[] readAllBytes() {
    byte[] result = Arrays.copyOfRange(buf, pos, count);
    pos = count;
    return result;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, count - pos));
    pos += (int) k;
    return k;
  }

  @Override
  public int available() {
    return count - pos;
  }

  @Override
  public void mark(int readAheadLimit) {
    mark = pos;
  }

  @Override
  public void reset() {
    pos = mark;
  }

  /** The unread bytes, shared with this stream (not copied): for decoders that take a buffer. */
  ByteBuffer remaining() {
    return ByteBuffer.wrap(buf, pos, count - pos);
  }

  @Override
  public InputStream newStream(long from, long to) {
    if (from < 0) {
      throw new IllegalArgumentException("start < 0");
    }
    long end = to == -1 ? count - start : to;
    return new MessageBytes(buf, start + (int) from, (int) (end - from));
  }
}
