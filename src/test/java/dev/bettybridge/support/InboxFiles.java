package dev.bettybridge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Drops files into an inbox the way the README tells writers to, and finds where they ended. */
public final class InboxFiles {

    private final Path inbox;

    public InboxFiles(Path inbox) {
        this.inbox = inbox;
    }

    /** Writes a file aside and renames it into the inbox. */
    public void drop(String name, String content) throws IOException {
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(name));
    }

    /** Waits until the file has moved to {@code .done} or {@code .failed} with its report; returns the moved file. */
    public Path awaitResult(String folder, String name, Duration patience) {
        Path[] found = new Path[1];
        await().atMost(patience).until(() -> {
            found[0] = find(folder, name);
            return found[0] != null && Files.exists(report(found[0]));
        });
        assertThat(inbox.resolve(name)).as("the file left the inbox").doesNotExist();
        return found[0];
    }

    /** Waits until the file has ended in either result folder with its report; returns the moved file. */
    public Path awaitAnyResult(String name, Duration patience) {
        Path[] found = new Path[1];
        await().atMost(patience).until(() -> {
            found[0] = find(".done", name);
            if (found[0] == null) {
                found[0] = find(".failed", name);
            }
            return found[0] != null && Files.exists(report(found[0]));
        });
        return found[0];
    }

    /** The report beside a moved file. */
    public static Path report(Path moved) {
        return moved.resolveSibling(moved.getFileName() + ".report");
    }

    private Path find(String folder, String name) throws IOException {
        Path dir = inbox.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-" + name)).findFirst().orElse(null);
        }
    }
}
