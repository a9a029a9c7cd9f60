package org.gongkai.pipeline;

import org.gongkai.job.InputFile;
import org.gongkai.job.Inputs;
import org.gongkai.job.JobSpec;
import org.gongkai.staging.DistrictBatch;
import org.gongkai.staging.ShuffleFiles;
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
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.gongkai.ingest.FormatReader;
import org.gongkai.ingest.ReadCounts;
import org.gongkai.ingest.SourceSpec;
import org.gongkai.model.Gazetteer;
import org.gongkai.model.MetricCatalog;
import org.gongkai.model.Notice;
import org.gongkai.model.Observation;
import org.gongkai.model.Reject;
import org.gongkai.model.RejectedRecord;
import org.gongkai.model.ReportFingerprint;
import org.gongkai.model.StatedFigure;
import org.gongkai.normalize.RegionResolver;
import org.gongkai.staging.RowBatch;
import org.gongkai.table.Rows;
import org.gongkai.table.Tables;

/**
 * Read → parse and normalise → resolve: the files of a read group (see {@link ReadGroups}) are
 * read one after the other, each whole, and turned into observations, collected over the group
 * in batches per group of districts (at most {@code limits.max_batch_rows} each); each batch is
 * written as a shuffle file into staging and only its name goes on to the shuffle. The group's
 * rejects, its files' conservation counts and notices (what was read and not used) are staged
 * under names of the read group, for the publish to gather. A reader that fails on a file
 * makes that file one reject ({@link HeldRead}) and the group goes on.
 */
public final class ReadSources extends PTransform<PCollection<KV<Integer, ReadGroups.Group>>, PCollection<KV<String, String>>> {
  private final JobSpec job;

  public ReadSources(JobSpec job) {
    this.job = job;
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<Integer, ReadGroups.Group>> files) {
    return files
        // a shuffle of one element per key: the DirectRunner makes each key a bundle of its own
        .apply("GatherReadGroups", GroupByKey.create())
        .apply("ParseNormaliseResolve", ParDo.of(new ReadFileFn(job)));
  }

  static final class ReadFileFn extends DoFn<KV<Integer, Iterable<ReadGroups.Group>>, KV<String, String>> {
    private final JobSpec job;
    private transient Gazetteer gazetteer;
    private transient RegionResolver resolver;
    private transient CachedRead cachedRead;
    private transient DistrictGroups groups;
    private transient String staging;

    ReadFileFn(JobSpec job) {
      this.job = job;
    }

    @Setup
    public void setup() {
      gazetteer = Inputs.gazetteer(job.gazetteer());
      resolver = new RegionResolver(gazetteer);
      groups = new DistrictGroups(gazetteer, job.limits().districtGroups());
    }

    @StartBundle
    public void startBundle(StartBundleContext c) {
      staging = GongkaiOptions.stagingDir(c.getPipelineOptions());
      if (cachedRead == null) {
        cachedRead = new CachedRead(CachedRead.cache(job, c.getPipelineOptions()), job.limits());
      }
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ReadGroups.Group>> group, OutputReceiver<KV<String, String>> out) {
      Progress.STAGE.set("reading");
      GroupRead read = new GroupRead(group.getKey(), out);
      for (ReadGroups.Group g : group.getValue()) {
        for (InputFile file : g.files()) {
          read.file(file);
        }
      }
      read.finish();
    }

    /** What one read group gives, staged under names of the group: the same on every attempt. */
    private final class GroupRead {
      private final int readGroup;
      private final OutputReceiver<KV<String, String>> out;
      private final Map<String, DistrictBuffer> buffers = new TreeMap<>();
      private final List<RunFact> fileFacts = new ArrayList<>();
      private final List<RunFact> noticeFacts = new ArrayList<>();
      private final List<RowBatch> rejects = new ArrayList<>();
      private int batches;

      GroupRead(int readGroup, OutputReceiver<KV<String, String>> out) {
        this.readGroup = readGroup;
        this.out = out;
      }

      void file(InputFile file) {
        byte[] bytes;
        try {
          bytes = Inputs.readAll(file.path());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
        SourceSpec source = file.source();
        FileNoticeCollector notices = new FileNoticeCollector(source, file.name());
        FormatReader reader = FormatReaders.create(source, resolver, MetricCatalog.standard(), job.limits());
        String sha256 = sha256(bytes);
        List<Object> given = new ArrayList<>();
        CachedRead.Result result = cachedRead.read(file, sha256, HeldRead.into(given), sink -> {
          HeldRead held = HeldRead.of(reader, source, file.name(), bytes);
          held.replay(sink);
          return held.counts();
        });
        keep(file, given, notices);
        ReadCounts counts = result.counts();
        RunFact.FileNotices said = notices.fact();
        if (said != null) {
          noticeFacts.add(said);
        }
        fileFacts.add(new RunFact.FileRead(source.name(), source.order(), file.name(), bytes.length, sha256, counts,
            result.fromCache()));
        Progress.FILES_READ.incrementAndGet();
        Progress.RECORDS_READ.addAndGet(counts.read());
        Progress.RECORDS_ACCEPTED.addAndGet(counts.accepted());
        Progress.RECORDS_REJECTED.addAndGet(counts.rejected());
      }

      /** A file's records, in the order read, into the batches of their groups of districts and the rejects. */
      private void keep(InputFile file, List<Object> given, FileNoticeCollector notices) {
        int maxRows = job.limits().maxBatchRows();
        List<Object[]> rejectRows = new ArrayList<>();
        int chunk = 0;
        for (Object x : given) {
          if (x instanceof Notice n) {
            notices.add(n);
          } else if (x instanceof Observation o) {
            notices.saw(o.year(), o.townshipCode());
            String g = groups.of(o.townshipCode().substring(0, 6));
            DistrictBuffer b = buffer(g);
            b.observations.add(o);
            if (b.observations.size() >= maxRows) {
              emit(g, b);
            }
          } else if (x instanceof StatedFigure st) {
            notices.saw(st.observation().year(), st.regionCode());
            buffer(groups.of(st.regionCode().substring(0, 6))).stated.add(st);
          } else if (x instanceof ReportFingerprint f) {
            buffer(groups.of(f.townshipCode().substring(0, 6))).fingerprints.add(f);
          } else if (x instanceof Reject r) {
            notices.saw(r.year(), null);
            if (r.townshipCode() != null && r.year() != null) {
              // its district shows it as 数据被拒收
              buffer(groups.of(r.townshipCode().substring(0, 6))).rejected.add(RejectedRecord.of(r));
            }
            rejectRows.add(Rows.reject(r));
            if (rejectRows.size() >= maxRows) {
              rejects.add(rejectBatch(file, chunk++, rejectRows));
              rejectRows = new ArrayList<>();
            }
          }
        }
        if (!rejectRows.isEmpty()) {
          rejects.add(rejectBatch(file, chunk, rejectRows));
        }
      }

      void finish() {
        for (Map.Entry<String, DistrictBuffer> e : buffers.entrySet()) {
          if (!e.getValue().isEmpty()) {
            emit(e.getKey(), e.getValue());
          }
        }
        String of = String.format("r%05d", readGroup);
        toStaging(() -> fileFacts.isEmpty() ? null : ShuffleFiles.writeFacts(staging, of, fileFacts));
        toStaging(() -> noticeFacts.isEmpty() ? null : ShuffleFiles.writeFacts(staging, of, noticeFacts));
        toStaging(() -> rejects.isEmpty() ? null : ShuffleFiles.writeRejects(staging, readGroup, rejects));
      }

      private DistrictBuffer buffer(String group) {
        return buffers.computeIfAbsent(group, k -> new DistrictBuffer());
      }

      /** Writes a batch into staging; only its name goes through the shuffle. */
      private void emit(String group, DistrictBuffer b) {
        int batch = batches++;
        out.output(KV.of(group, toStaging(() -> ShuffleFiles.write(staging, group, readGroup, batch, b.take()))));
      }
    }

    private interface StagingWrite<T> {
      T write() throws IOException;
    }

    /** A write into staging, whose failure fails the bundle. */
    private <T> T toStaging(StagingWrite<T> write) {
      try {
        return write.write();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a shuffle file into " + staging + ": " + e.getMessage(), e);
      }
    }

    /** Rejects of one file go in chunks keyed by source order, file and chunk: the order of the rejects table. */
    private static RowBatch rejectBatch(InputFile file, int chunk, List<Object[]> rows) {
      String key = String.format("%04d|%s|%06d", file.source().order(), file.path(), chunk);
      return new RowBatch(Tables.REJECTS.name(), key, rows);
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
    List<StatedFigure> stated = new ArrayList<>();

    boolean isEmpty() {
      return observations.isEmpty() && fingerprints.isEmpty() && rejected.isEmpty() && stated.isEmpty();
    }

    DistrictBatch take() {
      DistrictBatch batch = new DistrictBatch(observations, fingerprints, rejected, stated);
      observations = new ArrayList<>();
      fingerprints = new ArrayList<>();
      rejected = new ArrayList<>();
      stated = new ArrayList<>();
      return batch;
    }
  }
}
