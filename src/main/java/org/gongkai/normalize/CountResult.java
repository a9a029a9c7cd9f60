package org.gongkai.normalize;

import org.gongkai.model.Qualifier;

/** What a raw count cell says: a count, nothing at all, or something that is not a count. */
public sealed interface CountResult {

  /** A stated figure, exact or an estimate. */
  record Count(long value, Qualifier qualifier) implements CountResult {}

  /** No figure: blank, -, —, /, N/A. Never a zero. */
  record Missing() implements CountResult {}

  /**
   * Not a count.
   *
   * @param reasonCode stable code: NEGATIVE_COUNT, FRACTIONAL_COUNT, VAGUE_COUNT, TOO_LARGE,
   *     NOT_A_COUNT
   * @param explanation what is wrong, in words
   */
  record Invalid(String reasonCode, String explanation) implements CountResult {}

  Missing MISSING = new Missing();
}
