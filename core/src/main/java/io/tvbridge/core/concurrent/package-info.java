/** The threads of the pipeline: single-owner workers that take their input in batches. */
package io.tvbridge.core.concurrent;
