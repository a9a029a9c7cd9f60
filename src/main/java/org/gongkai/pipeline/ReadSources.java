package org.gongkai.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.ReadSink;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.output.RowBatch;
import org.gongkai.output.Rows;
import org.gongkai.output.Tables;

/**
 * Read → parse and normalise → resolve: the files of a read group (see {@link ReadGroups}) are
 * read one after the other, each whole, and turned into observations, collected over the group
 * in batches per group of districts (at most {@code limits.max_batch_rows} each); each batch is
 * written as a shuffle file into staging and only its name goes on to the shuffle. Also each
 * file's rejects, its conservation counts and its notices (what it read and did not use).
 */
public final class ReadSources extends PTransform<PCollection<KV<Integer, ReadGroups.Group>>, PCollectionTuple> {
  public static final TupleTag<KV<String, String>> OBSERVATIONS = new TupleTag<>() {};
  public static final TupleTag<KV<String, RowBatch>> REJECTS = new TupleTag<>() {};
  public static final TupleTag<RunFact> FILES = new TupleTag<>() {};

  private final JobSpec job;
  private final RunContext run;

  public ReadSources(JobSpec job, RunContext run) {
    this.job = job;
    this.run = run;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Integer, ReadGroups.Group>> files) {
    return files
        // a shuffle of one element per key: the DirectRunner makes each key a bundle of its own
        .apply("GatherReadGroups", GroupByKey.create())
        .apply("ParseNormaliseResolve",
            ParDo.of(new ReadFileFn(job, run)).withOutputTags(OBSERVATIONS, TupleTagList.of(REJECTS).and(FILES)));
  }

  static final class ReadFileFn extends DoFn<KV<Integer, Iterable<ReadGroups.Group>>, KV<String, String>> {
    private final JobSpec job;
    private final RunContext run;
    private transient Gazetteer gazetteer;
    private transient RegionResolver resolver;
    private transient CachedRead cachedRead;
    private transient DistrictGroups groups;
    private transient Map<String, DistrictBuffer> buffers;
    private transient List<RunFact> fileFacts;
    private transient List<RunFact> noticeFacts;

    ReadFileFn(JobSpec job, RunContext run) {
      this.job = job;
      this.run = run;
    }

    @Setup
    public void setup() {
      gazetteer = Inputs.gazetteer(job.gazetteer());
      resolver = new RegionResolver(gazetteer);
      groups = new DistrictGroups(gazetteer, job.limits().districtGroups());
      cachedRead = new CachedRead(run.cache(), job.limits());
    }

    @StartBundle
    public void startBundle() {
      buffers = new TreeMap<>();
      fileFacts = new ArrayList<>();
      noticeFacts = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ReadGroups.Group>> group, MultiOutputReceiver out) {
      Progress.STAGE.set("reading");
      for (ReadGroups.Group g : group.getValue()) {
        for (InputFile file : g.files()) {
          read(file, out);
        }
      }
    }

    private void read(InputFile file, MultiOutputReceiver out) {
      byte[] bytes;
      try {
        bytes = Inputs.readAll(file.path());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
      }
      SourceSpec source = file.source();
      int maxRows = job.limits().maxBatchRows();
      List<Object[]> rejectRows = new ArrayList<>();
      int[] rejectChunk = {0};
      FileNoticeCollector notices = new FileNoticeCollector(source, file.path());
      ReadSink sink = new ReadSink() {
        @Override
        public void observation(Observation o) {
          notices.saw(o.year(), o.townshipCode());
          DistrictBuffer b = buffer(o.townshipCode());
          b.observations.add(o);
          if (b.observations.size() >= maxRows) {
            emit(groups.of(o.townshipCode().substring(0, 6)), b, out);
          }
        }

        @Override
        public void fingerprint(ReportFingerprint f) {
          buffer(f.townshipCode()).fingerprints.add(f);
        }

        @Override
        public void notice(Notice n) {
          notices.add(n);
        }

        @Override
        public void reject(Reject r) {
          notices.saw(r.year(), null);
          if (r.townshipCode() != null && r.year() != null) {
            buffer(r.townshipCode()).rejected.add(RejectedRecord.of(r)); // its district shows it as 数据被拒收
          }
          rejectRows.add(Rows.reject(r));
          if (rejectRows.size() >= maxRows) {
            flushRejects(file, rejectRows, rejectChunk[0]++, out);
          }
        }
      };
      String sha256 = sha256(bytes);
      CachedRead.Result result = cachedRead.read(file, sha256, sink, s -> parse(file, bytes, s));
      ReadCounts counts = result.counts();
      flushRejects(file, rejectRows, rejectChunk[0], out);
      RunFact.FileNotices said = notices.fact();
      if (said != null) {
        noticeFacts.add(said);
      }
      fileFacts.add(new RunFact.FileRead(source.name(), source.order(), file.path(), bytes.length, sha256, counts,
          result.fromCache()));
      Progress.FILES_READ.incrementAndGet();
      Progress.RECORDS_READ.addAndGet(counts.read());
      Progress.RECORDS_ACCEPTED.addAndGet(counts.accepted());
      Progress.RECORDS_REJECTED.addAndGet(counts.rejected());
    }

    /** Reads one file with its format's reader (what the parse cache stands in for). */
    private ReadCounts parse(InputFile file, byte[] bytes, ReadSink sink) {
      FormatReader reader = FormatReaders.create(file.source(), resolver, MetricCatalog.standard(), job.limits());
      try {
        return reader.read(file.path(), bytes, sink);
      } catch (RuntimeException e) {
        throw new IllegalStateException("reading " + file.path() + " failed: " + e, e);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      for (Map.Entry<String, DistrictBuffer> e : buffers.entrySet()) {
        DistrictBuffer b = e.getValue();
        if (!b.isEmpty()) {
          c.output(KV.of(e.getKey(), write(e.getKey(), b.take())), GlobalWindow.INSTANCE.maxTimestamp(),
              GlobalWindow.INSTANCE);
        }
      }
      buffers = null;
      if (!fileFacts.isEmpty()) {
        c.output(FILES, toStaging(() -> ShuffleFiles.writeFacts(run.stagingDir(), fileFacts)),
            GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      fileFacts = null;
      if (!noticeFacts.isEmpty()) {
        c.output(FILES, toStaging(() -> ShuffleFiles.writeFacts(run.stagingDir(), noticeFacts)),
            GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      noticeFacts = null;
    }

    private DistrictBuffer buffer(String townshipCode) {
      return buffers.computeIfAbsent(groups.of(townshipCode.substring(0, 6)), k -> new DistrictBuffer());
    }

    private void emit(String group, DistrictBuffer b, MultiOutputReceiver out) {
      out.get(OBSERVATIONS).output(KV.of(group, write(group, b.take())));
    }

    /** Writes a batch into staging and returns its name: only the name goes through the shuffle. */
    private String write(String group, DistrictBatch batch) {
      return toStaging(() -> ShuffleFiles.write(run.stagingDir(), group, batch));
    }

    private interface StagingWrite<T> {
      T write() throws IOException;
    }

    /** A write into staging, whose failure fails the bundle. */
    private <T> T toStaging(StagingWrite<T> write) {
      try {
        return write.write();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a shuffle file into " + run.stagingDir() + ": " + e.getMessage(), e);
      }
    }

    /** Rejects of one file leave in chunks keyed by source order, file and chunk: the order of the rejects table. */
    private static void flushRejects(InputFile file, List<Object[]> rows, int chunk, MultiOutputReceiver out) {
      if (rows.isEmpty()) {
        return;
      }
      String key = String.format("%04d|%s|%06d", file.source().order(), file.path(), chunk);
      out.get(REJECTS).output(KV.of(Tables.REJECTS.name(), new RowBatch(Tables.REJECTS.name(), key, new ArrayList<>(rows))));
      rows.clear();
    }

    private static String sha256(byte[] bytes) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Observations and fingerprints of one group of districts, collected over a bundle. */
  private static final class DistrictBuffer {
    List<Observation> observations = new ArrayList<>();
    List<ReportFingerprint> fingerprints = new ArrayList<>();
    List<RejectedRecord> rejected = new ArrayList<>();

    boolean isEmpty() {
      return observations.isEmpty() && fingerprints.isEmpty() && rejected.isEmpty();
    }

    DistrictBatch take() {
      DistrictBatch batch = new DistrictBatch(observations, fingerprints, rejected);
      observations = new ArrayList<>();
      fingerprints = new ArrayList<>();
      rejected = new ArrayList<>();
      return batch;
    }
  }
}
