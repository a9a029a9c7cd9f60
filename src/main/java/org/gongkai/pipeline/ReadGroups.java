package org.gongkai.pipeline;

import org.gongkai.job.InputFile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deals the input files into groups of about equal bytes, each read in one go: the unit of
 * reading. The DirectRunner otherwise cuts the file list into three bundles, and on two cores
 * the last of them ran alone for half of the reading of 41,352 reports while the other core had
 * nothing to read.
 */
public final class ReadGroups {
  private ReadGroups() {}

  /** The files of one read group, in list order. It travels as one element: their source is written once. */
  public record Group(ArrayList<InputFile> files) implements Serializable {}

  /**
   * At most {@code groups} non-empty groups: the largest file first, each to the group with the
   * fewest bytes so far (ties to the lower group); within a group, files keep the list's order.
   * The same list always gives the same groups.
   */
  public static List<Group> of(List<InputFile> files, int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be at least 1, not " + groups);
    }
    int n = Math.min(groups, files.size());
    List<Integer> bySize = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      bySize.add(i);
    }
    bySize.sort(Comparator.comparingLong((Integer i) -> -files.get(i).sizeBytes()).thenComparingInt(i -> i));
    long[] bytes = new long[n];
    int[] groupOf = new int[files.size()];
    for (int i : bySize) {
      int lightest = 0;
      for (int g = 1; g < n; g++) {
        if (bytes[g] < bytes[lightest]) {
          lightest = g;
        }
      }
      groupOf[i] = lightest;
      bytes[lightest] += Math.max(1, files.get(i).sizeBytes());
    }
    List<Group> out = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      out.add(new Group(new ArrayList<>()));
    }
    for (int i = 0; i < files.size(); i++) {
      out.get(groupOf[i]).files().add(files.get(i));
    }
    return out;
  }
}
