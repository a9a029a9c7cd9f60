package org.gongkai.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.gongkai.output.RowBatch;
import org.gongkai.output.RowBatchCoder;

/**
 * Builds the Gongkai pipeline for a job. It reads like the data flow: read (the files dealt
 * into read groups) → parse, normalise and resolve → one shuffle by group of districts →
 * per-district deduplication, rollup, comparison, findings, each group writing its part of
 * every table → city and province rollups → rejects → check, join the parts and publish.
 */
public final class GongkaiPipeline {
  private GongkaiPipeline() {}

  public static void build(Pipeline p, JobSpec job, List<InputFile> files, RunContext run) {
    registerCoders(p.getCoderRegistry());

    PCollectionTuple read = p
        .apply("ListInputFiles", Create.of(readGroups(files, job.limits().readGroups()))
            .withCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(ReadGroups.Group.class))))
        .apply("ReadSources", new ReadSources(job, run));
    PCollection<KV<String, String>> observations = read.get(ReadSources.OBSERVATIONS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollection<KV<String, RowBatch>> rejects = read.get(ReadSources.REJECTS).setCoder(tableRows());
    PCollection<RunFact> fileFacts = read.get(ReadSources.FILES).setCoder(SerializableCoder.of(RunFact.class));

    PCollectionTuple analysed = observations.apply("AnalyseDistricts", new AnalyseDistricts(job, run));
    PCollection<RunFact> districtFacts = analysed.get(AnalyseDistricts.FACTS).setCoder(SerializableCoder.of(RunFact.class));
    PCollection<RunFact> regionFacts = analysed.get(AnalyseDistricts.REGION_PARTS)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("RollUpCitiesAndProvinces", new RollUpRegions(job, run))
        .setCoder(SerializableCoder.of(RunFact.class));
    PCollection<RunFact> rejectFacts = rejects.apply("WriteRejects", new WriteRejects(job, run))
        .setCoder(SerializableCoder.of(RunFact.class));

    PCollectionList.of(fileFacts).and(districtFacts).and(regionFacts).and(rejectFacts)
        .apply("AllFacts", Flatten.pCollections())
        .apply("PublishRun", new PublishRun(job, run));
  }

  /** The read groups (see {@link ReadGroups}), keyed by number. */
  private static List<KV<Integer, ReadGroups.Group>> readGroups(List<InputFile> files, int groups) {
    List<KV<Integer, ReadGroups.Group>> keyed = new ArrayList<>();
    List<ReadGroups.Group> dealt = ReadGroups.of(files, groups);
    for (int g = 0; g < dealt.size(); g++) {
      keyed.add(KV.of(g, dealt.get(g)));
    }
    return keyed;
  }

  private static KvCoder<String, RowBatch> tableRows() {
    return KvCoder.of(StringUtf8Coder.of(), RowBatchCoder.of());
  }

  static void registerCoders(CoderRegistry registry) {
    registry.registerCoderForClass(RowBatch.class, RowBatchCoder.of());
  }
}
