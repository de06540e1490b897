/** Benchmarks of tvbridge: JMH micro-benchmarks and the harnesses that measure the built jar as a child process. */
package io.tvbridge.bench;
