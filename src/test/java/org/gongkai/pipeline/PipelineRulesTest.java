package org.gongkai.pipeline;

import org.gongkai.cli.JobRunner;
import org.gongkai.job.JobFileReader;
import org.gongkai.job.JobSpec;
import org.gongkai.staging.DistrictBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every Beam runner needs, checked on the real pipeline of the sample job: every
 * DoFn serializes, every shuffle has a deterministic key coder, and Java serialization stays
 * off the paths that carry data.
 */
class PipelineRulesTest {
  @TempDir Path tmp;

  @Test
  void everyStepKeepsTheRulesOfDistributedRunners() throws Exception {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
    Pipeline p = Pipeline.create(options);
    JobSpec job = SampleJob.withOutput(JobFileReader.read(SampleJob.SAMPLE), tmp.resolve("out").toString());
    JobRunner.prepare(p, job, options);

    List<String> doFns = new ArrayList<>();
    List<String> shuffles = new ArrayList<>();
    Map<String, String> coders = new TreeMap<>();
    p.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {
        Object t = node.getTransform();
        if (t instanceof ParDo.MultiOutput<?, ?> parDo) {
          SerializableUtils.ensureSerializable(parDo.getFn());
          doFns.add(parDo.getFn().getClass().getSimpleName());
        }
        if (t instanceof GroupByKey<?, ?>) {
          for (PValue in : node.getInputs().values()) {
            Coder<?> coder = ((PCollection<?>) in).getCoder();
            KvCoder<?, ?> kv = (KvCoder<?, ?>) coder;
            try {
              kv.getKeyCoder().verifyDeterministic();
            } catch (Coder.NonDeterministicException e) {
              throw new AssertionError(node.getFullName() + " has a non-deterministic key coder", e);
            }
            shuffles.add(node.getFullName());
          }
        }
      }

      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {
        if (value instanceof PCollection<?> pc) {
          coders.put(pc.getName(), describe(pc.getCoder()));
        }
      }
    });
    assertTrue(doFns.containsAll(List.of("ListFn", "ReadFileFn", "AnalyseGroupFn", "RollUpFn")), doFns.toString());
    assertFalse(doFns.stream().anyMatch(f -> f.contains("Publish")), "the publish comes after the pipeline: " + doFns);
    assertTrue(shuffles.stream().anyMatch(s -> s.startsWith("AnalyseDistricts/ShuffleByDistrictGroup")), shuffles.toString());
    // Every PCollection and what carries its elements: file names as strings, and Java
    // serialization only for the read groups (a handful of small elements, listed once).
    assertEquals(EXPECTED_CODERS, coders);
  }

  private static final Map<String, String> EXPECTED_CODERS = new TreeMap<>(Map.of(
      "ListInputFiles/Start/Impulse.out", "ByteArray",
      "ListInputFiles/Start/MapElements/Map/ParMultiDo(Anonymous).output", "StringUtf8",
      "ListInputFiles/DealIntoReadGroups/ParMultiDo(List).output", "Kv[VarInt, JavaSerialized<Group>]",
      "ReadSources/GatherReadGroups.out", "Kv[VarInt, Iterable[JavaSerialized<Group>]]",
      "ReadSources/ParseNormaliseResolve/ParMultiDo(ReadFile).output", "Kv[StringUtf8, StringUtf8]",
      "AnalyseDistricts/ShuffleByDistrictGroup.out", "Kv[StringUtf8, Iterable[StringUtf8]]",
      "AnalyseDistricts/AnalyseAndWriteDistricts/ParMultiDo(AnalyseGroup).output", "Kv[StringUtf8, StringUtf8]",
      "RollUpCitiesAndProvinces/GroupByProvince.out", "Kv[StringUtf8, Iterable[StringUtf8]]",
      "RollUpCitiesAndProvinces/RollUpAndWrite/ParMultiDo(RollUp).output", "StringUtf8"));

  /** A coder by its classes, arguments in brackets: Kv[StringUtf8, Iterable[StringUtf8]]. */
  private static String describe(Coder<?> coder) {
    String name = coder.getClass().getSimpleName().replaceFirst("Coder$", "");
    if (coder instanceof SerializableCoder<?> sc) {
      return "JavaSerialized<" + sc.getRecordType().getSimpleName() + ">";
    }
    List<String> args = new ArrayList<>();
    coder.getCoderArguments().forEach(c -> args.add(describe(c)));
    return args.isEmpty() ? name : name + args;
  }

}
