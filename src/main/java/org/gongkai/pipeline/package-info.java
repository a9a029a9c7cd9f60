/**
 * The Beam pipeline, as small named composite transforms that read like the data flow: read the
 * sources, analyse each group of districts, roll up cities and provinces, stage the rejects.
 * Every transform only stages; nothing here publishes.
 */
package org.gongkai.pipeline;
