package org.gongkai.pipeline;

import org.gongkai.job.Inputs;
import org.gongkai.job.JobFileException;
import org.gongkai.job.JobSpec;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The input files, listed when the run starts (not when the graph is built, so that a template
 * reads what is there at each launch), dealt into read groups ({@link ReadGroups}) keyed by
 * number. A source that matches nothing fails the run with its {@link JobFileException}.
 */
public final class ListInputs extends PTransform<PBegin, PCollection<KV<Integer, ReadGroups.Group>>> {
  private final JobSpec job;

  public ListInputs(JobSpec job) {
    this.job = job;
  }

  @Override
  public PCollection<KV<Integer, ReadGroups.Group>> expand(PBegin begin) {
    return begin.apply("Start", Create.of(job.name()).withCoder(StringUtf8Coder.of()))
        .apply("DealIntoReadGroups", ParDo.of(new ListFn(job)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(ReadGroups.Group.class)));
  }

  static final class ListFn extends DoFn<String, KV<Integer, ReadGroups.Group>> {
    private final JobSpec job;

    ListFn(JobSpec job) {
      this.job = job;
    }

    @ProcessElement
    public void process(OutputReceiver<KV<Integer, ReadGroups.Group>> out) {
      Progress.STAGE.set("listing the input files");
      List<ReadGroups.Group> groups = ReadGroups.of(Inputs.list(job), job.limits().readGroups());
      for (int g = 0; g < groups.size(); g++) {
        out.output(KV.of(g, groups.get(g)));
      }
    }
  }
}
