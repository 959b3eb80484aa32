package dev.bettybridge.bench;

import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.support.BridgeProcess;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the folder source as a user runs it: the bridge as a process of its own with a small heap, a file of N
 * URLs dropped into its inbox, the sandbox in this JVM. Prints the time to the report, the rate, and the bridge's
 * peak heap in use, read from its metrics endpoint. Run it for a small and a large N and compare the heap figures.
 *
 * <pre>
 * mvn -q package -DskipTests &amp;&amp; mvn -q test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" dev.bettybridge.bench.InboxBenchmark 10 200000
 * </pre>
 */
public final class InboxBenchmark {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    // What survives collections: the figure that would grow if the bridge kept lines in memory.
    private static final Pattern OLD = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*id=\"[^\"]*Old Gen\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String heap = System.getProperty("bench.heap", "64m");
        System.out.printf(Locale.ROOT, "%10s %10s %12s %14s %14s  (bridge heap limit %s, 4 workers)%n", "lines",
                "seconds", "lines/s", "peak heap MiB", "peak old MiB", heap);
        for (String arg : args.length == 0 ? new String[] {"10", "100000"} : args) {
            run(Integer.parseInt(arg), heap);
        }
    }

    private static void run(int lines, String heap) throws Exception {
        Path work = Files.createTempDirectory("bridge-bench");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        int managementPort = BridgeProcess.freePort();
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPort(0))) {
            Process bridge = startBridge(sandbox, work, inbox, managementPort, heap);
            try {
                awaitHealthy(managementPort);
                Path file = work.resolve("urls.part");
                try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (int i = 1; i <= lines; i++) {
                        out.write("https://example.com/bench/" + i + ".png\n");
                    }
                }
                long start = System.nanoTime();
                Files.move(file, inbox.resolve("urls.txt"));
                double peak = 0;
                double old = 0;
                while (!reported(inbox)) {
                    String metrics = metrics(managementPort);
                    peak = Math.max(peak, sum(HEAP, metrics));
                    old = Math.max(old, sum(OLD, metrics));
                    if (!bridge.isAlive()) {
                        throw new IllegalStateException("the bridge stopped; see " + work.resolve("bridge.log"));
                    }
                    Thread.sleep(200);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (sandbox.records().size() != lines) {
                    throw new IllegalStateException(sandbox.records().size() + " records for " + lines + " lines");
                }
                System.out.printf(Locale.ROOT, "%10d %10.1f %12.0f %14.1f %14.1f%n", lines, seconds,
                        lines / seconds, peak / (1024 * 1024), old / (1024 * 1024));
            } finally {
                bridge.destroy();
                bridge.waitFor();
            }
        }
    }

    private static Process startBridge(Sandbox sandbox, Path work, Path inbox, int managementPort, String heap)
            throws IOException {
        ProcessBuilder builder = BridgeProcess.command("-Xmx" + heap);
        builder.environment().putAll(BridgeProcess.aimedAt(sandbox));
        builder.environment().put("BRIDGE_INBOX", inbox.toString());
        builder.environment().put("BRIDGE_MANAGEMENT_PORT", String.valueOf(managementPort));
        builder.environment().put("BRIDGE_JMS_PORT", String.valueOf(BridgeProcess.freePort()));
        builder.environment().put("BRIDGE_JMS_DATA_FOLDER", work.resolve("broker").toString());
        File log = work.resolve("bridge.log").toFile();
        return builder.redirectErrorStream(true).redirectOutput(log).start();
    }

    private static boolean reported(Path inbox) throws IOException {
        for (String folder : new String[] {".done", ".failed"}) {
            try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
                if (files.anyMatch(path -> path.toString().endsWith(".report"))) {
                    return true;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // not created yet
            }
        }
        return false;
    }

    private static String metrics(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/metrics")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static double sum(Pattern figure, String metrics) {
        double sum = 0;
        Matcher matcher = figure.matcher(metrics);
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    private static void awaitHealthy(int port) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (sum(HEAP, metrics(port)) > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the bridge did not answer on its management port " + port);
    }
}
