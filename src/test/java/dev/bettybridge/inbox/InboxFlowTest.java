package dev.bettybridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bettybridge.sandbox.SandboxRecord;
import dev.bettybridge.support.InboxFiles;
import dev.bettybridge.support.RunningBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files dropped into the inbox of a running bridge, triggered on its sandbox over real HTTP. */
class InboxFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path inbox;

    private RunningBridge bridge;

    @AfterEach
    void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void should_trigger_every_url_of_a_file_and_move_it_to_done_with_its_report() throws IOException {
        bridge = RunningBridge.start(inbox, Map.of());

        drop("three.txt", "https://example.com/a.png\nhttps://example.com/b.png\nhttps://example.com/c.png\n");

        Path done = awaitResult(".done", "three.txt");
        assertThat(urls()).as("one record per URL").containsExactlyInAnyOrder(
                "https://example.com/a.png", "https://example.com/b.png", "https://example.com/c.png");
        assertThat(Files.readString(report(done))).as("report counts")
                .contains("triggered: 3, failed: 0, rejected: 0");
    }

    @Test
    void should_deliver_urls_with_quotes_backslashes_and_non_ascii_byte_for_byte() throws IOException {
        bridge = RunningBridge.start(inbox, Map.of());
        List<String> odd = List.of(
                "https://example.com/say?q=\"quoted\"&x='single'",
                "https://example.com/back\\slash\\path.png",
                "https://bücher.example/ünïcødé/日本語.png?emoji=🎉",
                "https://example.com/{braces}/$dollar/%25encoded");

        drop("odd.txt", String.join("\r\n", odd) + "\r\n");

        awaitResult(".done", "odd.txt");
        assertThat(urls()).as("the sandbox received each URL unchanged").containsExactlyInAnyOrderElementsOf(odd);
    }

    @Test
    void should_reject_invalid_lines_with_reasons_while_valid_ones_go_through() throws IOException {
        bridge = RunningBridge.start(inbox, Map.of());

        drop("mixed.txt", String.join("\n",
                "# a comment line",
                "https://example.com/one.png",
                "",
                "ftp://example.com/file.png",
                "not a url",
                "https:///no-host.png",
                "https://example.com/two.png"));

        Path failed = awaitResult(".failed", "mixed.txt");
        assertThat(urls()).as("valid lines were triggered")
                .containsExactlyInAnyOrder("https://example.com/one.png", "https://example.com/two.png");
        String report = Files.readString(report(failed));
        assertThat(report).as("counts").contains("triggered: 2, failed: 0, rejected: 3");
        assertThat(report).as("each rejected line with its number, reason and text")
                .contains("# line 4 rejected: not an absolute http or https URL\nftp://example.com/file.png\n")
                .contains("# line 5 rejected: not an absolute http or https URL\nnot a url\n")
                .contains("# line 6 rejected: has no host\nhttps:///no-host.png\n");
    }

    @Test
    void should_not_read_a_file_while_it_is_still_being_written() throws Exception {
        bridge = RunningBridge.start(inbox, Map.of("bridge.inbox.settle-time", "1s"));
        Path file = inbox.resolve("slow.txt");
        int lines = 12;

        // A writer that appends a line every 250 ms, shorter than the settle time, over several poll intervals.
        ScheduledExecutorService writerThread = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch written = new CountDownLatch(1);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AtomicInteger line = new AtomicInteger();
            writerThread.scheduleAtFixedRate(() -> {
                try {
                    writer.write("https://example.com/slow-" + line.incrementAndGet() + ".png\n");
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (line.get() == lines) {
                    written.countDown();
                    throw new CancellationException("all lines written");
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            assertThat(written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("writer finished").isTrue();
        } finally {
            writerThread.shutdownNow();
        }

        Path done = awaitResult(".done", "slow.txt");
        assertThat(Files.readString(report(done))).as("the whole file was read in one go")
                .contains("triggered: " + lines + ", failed: 0, rejected: 0");
        assertThat(bridge.sandbox().records()).as("each line once").hasSize(lines);
    }

    @Test
    void should_count_a_graphql_error_in_a_200_answer_as_a_failure_with_the_servers_message() throws IOException {
        // The sandbox's action expects the input 'file'; this bridge sends 'image', which the server refuses.
        bridge = RunningBridge.start(inbox, Map.of("bridge.betty.input-name", "image"));

        drop("wrong-input.txt", "https://example.com/a.png\n");

        Path failed = awaitResult(".failed", "wrong-input.txt");
        String report = Files.readString(report(failed));
        assertThat(report).as("counts").contains("triggered: 0, failed: 1, rejected: 0");
        assertThat(report).as("the server's message and status code")
                .containsPattern("# line 1 failed: .*file.*\\(statusCode 422\\)\nhttps://example.com/a.png\n");
        assertThat(bridge.sandbox().records()).as("nothing created").isEmpty();
    }

    @Test
    void should_log_in_once_for_a_hundred_urls() throws IOException {
        bridge = RunningBridge.start(inbox, Map.of("bridge.inbox.concurrency", "8"));

        drop("hundred.txt", String.join("\n",
                IntStream.rangeClosed(1, 100).mapToObj(i -> "https://example.com/" + i + ".png").toList()));

        awaitResult(".done", "hundred.txt");
        assertThat(bridge.sandbox().records()).as("every URL triggered").hasSize(100);
        assertThat(bridge.sandbox().stats().logins()).as("one login shared by all calls").isEqualTo(1);
    }

    private void drop(String name, String content) throws IOException {
        new InboxFiles(inbox).drop(name, content);
    }

    private Path awaitResult(String folder, String name) {
        return new InboxFiles(inbox).awaitResult(folder, name, PATIENCE);
    }

    private static Path report(Path moved) {
        return InboxFiles.report(moved);
    }

    private List<String> urls() {
        return bridge.sandbox().records().stream().map(SandboxRecord::input).map(input -> (String) input.get("file"))
                .toList();
    }
}
