package org.gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes generated reports as PDF files on all cores: each thread has its own copy of the font
 * (a parsed TrueType font is not shared between threads) and its own {@link ReportPdf}. Every
 * file depends only on its text, so the output is the same for any number of threads.
 */
final class PdfReports implements AutoCloseable {
  private final Path fontFile;
  private final ExecutorService pool;
  private final Semaphore inFlight;
  private final List<PdfFont> fonts = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<ReportPdf> renderer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  PdfReports(PdfFont font) {
    this.fontFile = font.file;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.pool = Executors.newFixedThreadPool(threads);
    this.inFlight = new Semaphore(threads * 8);
    fonts.add(font);
    this.renderer = ThreadLocal.withInitial(() -> {
      try {
        PdfFont own = PdfFont.open(fontFile);
        fonts.add(own);
        return new ReportPdf(own);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Renders and writes one report (asynchronously; a failure is thrown by a later call or by close). */
  void write(Path file, String text, int footer) throws IOException {
    rethrow();
    inFlight.acquireUninterruptibly();
    pool.execute(() -> {
      try {
        Files.write(file, renderer.get().render(text, footer));
      } catch (Exception e) {
        failure.compareAndSet(null, new IOException("cannot write the PDF report " + file + ": " + e, e));
      } finally {
        inFlight.release();
      }
    });
  }

  private void rethrow() throws IOException {
    Exception e = failure.get();
    if (e != null) {
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IOException("writing the PDF reports did not finish within an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the PDF reports", e);
    } finally {
      for (PdfFont f : fonts) {
        f.close();
      }
    }
    rethrow();
  }
}
