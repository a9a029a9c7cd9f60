/**
 * Publishing a run: the manifest, which files of an output folder Gongkai owns, and the atomic
 * swap (local) or run folder and pointer (object stores), after the pipeline is done.
 */
package org.gongkai.publish;
