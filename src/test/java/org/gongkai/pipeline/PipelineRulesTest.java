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
import java.util.Set;
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
    List<String> javaSerialized = new ArrayList<>();
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
        if (value instanceof PCollection<?> pc && usesJavaSerialization(pc.getCoder())) {
          javaSerialized.add(producer.getFullName() + " → " + pc.getCoder());
        }
      }
    });
    assertTrue(doFns.containsAll(List.of("ListFn", "ReadFileFn", "AnalyseGroupFn", "RollUpFn")), doFns.toString());
    assertFalse(doFns.stream().anyMatch(f -> f.contains("Publish")), "the publish comes after the pipeline: " + doFns);
    assertTrue(shuffles.stream().anyMatch(s -> s.startsWith("AnalyseDistricts/ShuffleByDistrictGroup")), shuffles.toString());
    // Java serialization only where a handful of small elements pass: the read groups.
    Set<String> allowed = Set.of("ListInputFiles", "ReadSources/GatherReadGroups");
    for (String s : javaSerialized) {
      assertTrue(allowed.stream().anyMatch(s::startsWith), s);
      assertFalse(s.contains("DistrictBatch") || s.contains("RowBatch"), s);
    }
    assertEquals(0, javaSerialized.stream().filter(s -> s.contains("RowBatchCoder") && s.contains("Serializable")).count());
  }

  private static boolean usesJavaSerialization(Coder<?> coder) {
    if (coder instanceof SerializableCoder<?>) {
      return true;
    }
    for (Coder<?> c : coder.getCoderArguments()) {
      if (usesJavaSerialization(c)) {
        return true;
      }
    }
    return false;
  }
}
