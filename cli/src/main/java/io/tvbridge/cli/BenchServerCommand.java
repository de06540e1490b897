package io.tvbridge.cli;

import io.tvbridge.server.BareHttpServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tvbridge bench-server}: the yardstick for {@code tvbridge bench}, a bare Jetty server
 * with the daemon's Jetty settings that reads each request and answers 200. Hidden from the
 * help: it is a benchmark fixture, not part of running tvbridge.
 */
@Command(name = "bench-server", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs a bare Jetty server (the daemon's Jetty settings, one handler that reads the body and"
                + " answers 200) to compare tvbridge's webhook with, until SIGTERM or Ctrl-C.")
final class BenchServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8081", description = "port to listen on (default 8081; 0: a free one)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default 127.0.0.1)")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        BareHttpServer server = new BareHttpServer(host, port).start();
        System.out.println("bench-server (bare Jetty) listening on: http://" + host + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bench-server-shutdown"));
        stopped.await();
        return 0;
    }
}
