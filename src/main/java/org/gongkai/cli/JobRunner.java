package org.gongkai.cli;

import org.gongkai.job.Inputs;
import org.gongkai.job.JobFileException;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import org.gongkai.pipeline.CachedRead;
import org.gongkai.pipeline.GongkaiOptions;
import org.gongkai.pipeline.GongkaiPipeline;
import org.gongkai.pipeline.Progress;
import org.gongkai.pipeline.PublishRun;
import org.gongkai.pipeline.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.gongkai.cache.CacheKey;
import org.gongkai.cache.ParseCache;
import org.gongkai.ingest.GazetteerReader;
import org.gongkai.normalize.RegionCheck;
import org.gongkai.publish.OutputOwnership;
import org.gongkai.publish.Publisher;

/**
 * {@code gongkai run}: reads the job file, checks it, builds the pipeline and runs it, then
 * prints the summary. Problems with the job come back as one message and exit code 2; a
 * failed run as exit code 1, with the previous outputs untouched; a run that published but
 * where a source gave no observation as exit code 3, one line per such source.
 */
public final class JobRunner {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_JOB = 2;
  /** Finished and published, but a source gave no observation. */
  public static final int EMPTY_SOURCES = 3;

  private JobRunner() {}

  /**
   * Builds the pipeline of a job into {@code p} and returns the run's context (used by tests and
   * the template export). The run's id and staging directory are options ({@code --runId},
   * {@code --stagingDir}), read by the steps when they run; given ones are kept, missing ones
   * are chosen here.
   */
  public static RunContext prepare(Pipeline p, JobSpec job, PipelineOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    // a bad gazetteer, or a region it does not know, is a job error, before anything runs
    checkRegions(job, Inputs.gazetteer(job.gazetteer()));
    GongkaiOptions o = options.as(GongkaiOptions.class);
    if (o.getRunId() == null || o.getRunId().isBlank()) {
      o.setRunId(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
          + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    }
    if (o.getStagingDir() == null || o.getStagingDir().isBlank()) {
      o.setStagingDir(Publisher.stagingDir(job.outputs().directory(), o.getRunId()));
    }
    RunContext run = new RunContext(o.getRunId(), o.getStagingDir(), job.outputs().directory(), Instant.now().toString(),
        Version.get(), options.getRunner().getSimpleName(), optionsOf(options), CachedRead.cache(job, options));
    GongkaiPipeline.build(p, job);
    return run;
  }

  /** After the pipeline is DONE: checks, joins and publishes what it staged ({@link PublishRun}). */
  public static void publish(JobSpec job, RunContext run) throws IOException {
    PublishRun.publish(job, run);
  }

  public static int run(Path jobFile, String[] beamArgs, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    JobSpec job;
    GongkaiOptions options;
    try {
      job = JobFileReader.read(jobFile);
      options = options(beamArgs);
    } catch (JobFileException | IllegalArgumentException e) {
      err.println("gongkai: " + e.getMessage());
      return BAD_JOB;
    }
    String outDir = job.outputs().directory();
    try {
      checkOutputDirectory(job);
    } catch (JobFileException e) {
      err.println("gongkai: " + e.getMessage());
      return BAD_JOB;
    } catch (IOException e) {
      err.println("gongkai: " + job.jobFile() + ": outputs.directory: cannot be read: " + e.getMessage());
      return BAD_JOB;
    }
    try (OutputLock lock = OutputLock.acquire(outDir)) {
      for (String action : Publisher.recover(outDir)) {
        err.println("gongkai: " + action);
      }
      try (Publisher.Cleanup cleanup = Publisher.removeReplaced(outDir)) {
        int status = run(job, options, start, out, err);
        cleanup.problems().forEach(p -> err.println("gongkai: " + p));
        return status;
      }
    } catch (OutputLock.BusyException e) {
      err.println("gongkai: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      err.println("gongkai: " + e.getMessage());
      return FAILED;
    }
  }

  /** The run itself, with the output lock held. */
  private static int run(JobSpec job, GongkaiOptions options, long start, PrintStream out, PrintStream err)
      throws IOException {
    String outDir = job.outputs().directory();
    Progress.reset();
    Pipeline p = Pipeline.create(options);
    RunContext run;
    try {
      run = prepare(p, job, options);
    } catch (JobFileException | GazetteerReader.GazetteerException e) {
      err.println("gongkai: " + e.getMessage());
      return BAD_JOB;
    }
    err.println("gongkai: running job " + job.name() + " (" + job.sources().size() + " sources) on "
        + run.runner() + "; staging in " + run.stagingDir());
    // Ctrl-C (or a TERM) while the run works: one line, and nothing else to do, since outputs
    // are published only at the end, by moving the staging directory into place; the next run
    // removes what this one left.
    Thread onInterrupt = new Thread(() -> {
      boolean published = !run.stagingDir().contains("://") && !Files.exists(Path.of(run.stagingDir()));
      err.println();
      err.println(published ? "gongkai: interrupted after the outputs were published in " + outDir
          : "gongkai: interrupted; previous outputs untouched in " + outDir);
      err.flush();
    }, "gongkai-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try (ProgressReporter ignored = ProgressReporter.start(options.getProgressSeconds(), err)) {
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        err.println("gongkai: the run ended in state " + state + "; outputs were not published");
        deleteQuietly(run.stagingDir());
        return FAILED;
      }
      publish(job, run);
    } catch (RuntimeException | IOException e) {
      deleteQuietly(run.stagingDir());
      JobFileException badJob = cause(e, JobFileException.class);
      if (badJob != null) {
        // the input files are listed when the run starts: a source that matches nothing
        err.println("gongkai: " + badJob.getMessage());
        return BAD_JOB;
      }
      err.println("gongkai: the run failed, previous outputs are untouched: " + rootMessage(e));
      return FAILED;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: the JVM is exiting
      }
    }
    try {
      run.cache().trim();
    } catch (IOException | RuntimeException e) {
      err.println("gongkai: the parse cache " + run.cache().folder() + " could not be trimmed to "
          + job.cache().maxMegabytes() + " MB: " + rootMessage(e));
    }
    JsonNode manifest = RunSummary.manifest(outDir);
    String published = Publisher.publishedDir(outDir, run.runId());
    RunSummary.print(manifest, published, (System.nanoTime() - start) / 1e9, out);
    List<String> empty = RunSummary.emptySources(manifest, published);
    out.flush();
    empty.forEach(line -> err.println("gongkai: " + line));
    return empty.isEmpty() ? OK : EMPTY_SOURCES;
  }

  /**
   * The runner options; a bad one is an {@link IllegalArgumentException} whose message names it
   * ({@code option --targetParallelism=0: must be at least 1}), never a stack trace later.
   */
  public static GongkaiOptions options(String[] args) {
    for (String arg : args) {
      try {
        PipelineOptionsFactory.fromArgs(arg).as(GongkaiOptions.class);
      } catch (RuntimeException e) {
        String problem = optionProblem(e);
        throw new IllegalArgumentException("option " + arg + ": " + problem
            + (problem.endsWith("?") ? "" : "; see gongkai --help and Beam's runner options"));
      }
    }
    GongkaiOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(GongkaiOptions.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("options " + String.join(" ", args) + ": " + optionProblem(e));
    }
    if (!List.of("on", "off").contains(options.getCache())) {
      throw new IllegalArgumentException("option --cache=" + options.getCache()
          + ": must be on (the job file's cache: folder) or off (every file parsed, nothing cached)");
    }
    if (options.getProgressSeconds() < 0) {
      throw new IllegalArgumentException("option --progressSeconds=" + options.getProgressSeconds()
          + ": must be 0 (no progress lines) or more");
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      int parallelism = options.as(org.apache.beam.runners.direct.DirectOptions.class).getTargetParallelism();
      if (parallelism < 1) {
        throw new IllegalArgumentException("option --targetParallelism=" + parallelism + ": must be at least 1"
            + " (the number of worker threads; scripts/gongkai uses one per core)");
      }
    }
    return options;
  }

  private static String optionProblem(RuntimeException e) {
    String m = rootMessage(e).lines().findFirst().orElse("").strip().replace("interface org.gongkai.pipeline.GongkaiOptions", "Gongkai")
        .replace("Class Gongkai missing a property named", "no such option:").replace("'. Did you mean", "'; did you mean");
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }

  /**
   * Every source's {@code region} names a division of the gazetteer: a mistyped district would
   * narrow nothing, and its townships would be resolved without it or rejected one by one.
   */
  static void checkRegions(JobSpec job, org.gongkai.model.Gazetteer gazetteer) {
    for (var s : job.sources()) {
      if (s.region() == null || s.region().isBlank() || RegionCheck.names(gazetteer, s.region())) {
        continue;
      }
      List<String> near = RegionCheck.candidates(gazetteer, s.region());
      throw new JobFileException(job.jobFile(), "sources[" + s.order() + "].region", "'" + s.region()
          + "' is no division of the gazetteer " + (job.gazetteer().contains("://") ? job.gazetteer() : shown(Path.of(job.gazetteer())))
          + (near.isEmpty() ? "; give the name or code of a district, city or township in it"
              : "; did you mean " + String.join(", ", near) + "?"));
    }
  }

  /**
   * Only its own folders: the output directory must be missing, empty or hold only what the
   * manifest Gongkai wrote there lists; anything else is a job error, before anything runs or
   * is created. Object stores are not checked (there are no folders to replace).
   */
  static void checkOutputDirectory(JobSpec job) throws IOException {
    String dir = job.outputs().directory();
    if (dir.contains("://") && !dir.startsWith("file://")) {
      return;
    }
    Path out = Path.of(dir.replaceFirst("^file://", ""));
    OutputOwnership.Verdict v = OutputOwnership.check(out);
    String shown = "'" + shown(out) + "'";
    if (v.isLink()) {
      throw new JobFileException(job.jobFile(), "outputs.directory", shown
          + " is a symbolic link; Gongkai never writes through one; choose an empty folder");
    }
    if (v.isFile()) {
      throw new JobFileException(job.jobFile(), "outputs.directory", shown + " is a file, not a folder; choose an empty folder");
    }
    if (!v.foreign().isEmpty()) {
      List<String> f = v.foreign();
      String names = String.join(", ", f.subList(0, Math.min(3, f.size()))) + (f.size() > 3 ? ", …" : "");
      throw new JobFileException(job.jobFile(), "outputs.directory", shown + " holds files Gongkai did not write ("
          + names + "); choose an empty folder");
    }
  }

  /** A path as the user would type it: relative to the working directory when inside it. */
  private static String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : p.toString();
  }

  static Map<String, String> optionsOf(PipelineOptions options) {
    Map<String, String> map = new TreeMap<>();
    map.put("runner", options.getRunner().getName());
    for (String key : new String[] {"targetParallelism", "enforceImmutability", "enforceEncodability"}) {
      try {
        Object v = options.getClass().getMethod("get" + Character.toUpperCase(key.charAt(0)) + key.substring(1)).invoke(options);
        if (v != null) {
          map.put(key, String.valueOf(v));
        }
      } catch (ReflectiveOperationException e) {
        // not an option of this runner
      }
    }
    return map;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static void deleteQuietly(String dir) {
    try {
      Publisher.discard(dir);
    } catch (IOException | RuntimeException e) {
      // the next run removes it (a local one; on an object store it stays unread: no manifest names it)
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** One run at a time per output directory: a lock file beside it. */
  static final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static final class BusyException extends RuntimeException {
      BusyException(String m) {
        super(m);
      }
    }

    static OutputLock acquire(String outputDir) throws IOException {
      if (outputDir.contains("://") && !outputDir.startsWith("file://")) {
        return new OutputLock(null, null);
      }
      Path out = Path.of(outputDir.replaceFirst("^file://", "")).toAbsolutePath();
      Files.createDirectories(out.getParent());
      Path lockFile = out.resolveSibling(out.getFileName() + ".lock");
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock l = ch.tryLock();
        if (l == null) {
          ch.close();
          throw new BusyException("another run is writing to " + out + " (" + lockFile + " is locked)");
        }
        return new OutputLock(ch, l);
      } catch (OverlappingFileLockException e) {
        ch.close();
        throw new BusyException("another run in this process is writing to " + out);
      }
    }

    @Override
    public void close() throws IOException {
      if (lock != null) {
        lock.release();
        channel.close();
      }
    }
  }
}
