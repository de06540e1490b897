package io.tvbridge.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a JFR recording of the daemon spent its CPU: execution samples by thread, and within each
 * busy thread by the innermost two tvbridge methods on the stack (what tvbridge code was running,
 * or which of its calls into H2, MyBatis or Jetty the time went to). Threads of one pool count as one.
 */
@Command(name = "profile-summary", mixinStandardHelpOptions = true,
        description = "Summarises a JFR recording (-XX:StartFlightRecording=...,settings=profile) of the daemon.")
final class ProfileSummary implements Callable<Integer> {

    @Parameters(paramLabel = "RECORDING", description = "the .jfr file")
    Path recording;

    @Option(names = "--threads", defaultValue = "4", description = "busiest threads to break down (default 4)")
    int threads;

    @Option(names = "--lines", defaultValue = "8", description = "call sites listed per thread (default 8)")
    int lines;

    @Override
    public Integer call() throws IOException {
        Map<String, Map<String, Integer>> byThread = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            // pool threads (tvbridge-http-12, ...) count together
            String thread = event.getThread("sampledThread").getJavaName().replaceAll("-\\d+$", "-*");
            byThread.computeIfAbsent(thread, t -> new HashMap<>()).merge(site(event.getStackTrace().getFrames()), 1,
                    Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%d execution samples in %s%n", total, recording);
        List<Map.Entry<String, Map<String, Integer>>> busiest = byThread.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Map<String, Integer>> e) -> -sum(e.getValue())))
                .toList();
        for (int i = 0; i < busiest.size(); i++) {
            Map.Entry<String, Map<String, Integer>> thread = busiest.get(i);
            int samples = sum(thread.getValue());
            System.out.printf(Locale.ROOT, "%5.1f%%  %s%n", 100.0 * samples / total, thread.getKey());
            if (i < threads) {
                thread.getValue().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                        .limit(lines).forEach(site -> System.out.printf(Locale.ROOT, "          %5.1f%%  %s%n",
                                100.0 * site.getValue() / samples, site.getKey()));
            }
        }
        return 0;
    }

    /** The innermost two tvbridge methods on the stack, innermost first; the top frame when none is ours. */
    private static String site(List<RecordedFrame> frames) {
        StringBuilder site = new StringBuilder();
        int found = 0;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.tvbridge.") && !type.contains("$Proxy") && !type.contains("$$Lambda")
                    && !frame.getMethod().getName().startsWith("lambda$")) {
                site.append(found == 0 ? "" : " < ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                        .append(frame.getMethod().getName());
                if (++found == 2) {
                    break;
                }
            }
        }
        if (found == 0 && !frames.isEmpty()) {
            RecordedFrame top = frames.get(0);
            return "(outside tvbridge) " + top.getMethod().getType().getName() + "." + top.getMethod().getName();
        }
        return site.toString();
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
