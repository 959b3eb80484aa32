package dev.bettybridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxLinesTest {

    @TempDir
    Path folder;

    @Test
    void should_number_lines_as_an_editor_does_with_crlf_and_a_byte_order_mark() throws IOException {
        Path file = folder.resolve("urls.txt");
        Files.writeString(file, "\uFEFFhttps://a.example/1\r\n\r\nhttps://a.example/3\nlast-without-newline",
                StandardCharsets.UTF_8);

        List<InboxLine> lines = new ArrayList<>();
        try (InboxLines reader = InboxLines.open(file)) {
            reader.forEachRemaining(lines::add);
        }

        assertThat(lines).as("every line, blank ones included, numbered from 1").containsExactly(
                new InboxLine(1, "https://a.example/1"),
                new InboxLine(2, ""),
                new InboxLine(3, "https://a.example/3"),
                new InboxLine(4, "last-without-newline"));
    }

    @Test
    void should_keep_reading_past_bytes_that_are_not_utf8() throws IOException {
        Path file = folder.resolve("latin1.txt");
        Files.write(file, "https://a.example/caf\u00e9\nhttps://a.example/2\n".getBytes(StandardCharsets.ISO_8859_1));

        List<InboxLine> lines = new ArrayList<>();
        try (InboxLines reader = InboxLines.open(file)) {
            reader.forEachRemaining(lines::add);
        }

        assertThat(lines).as("both lines read").hasSize(2);
        assertThat(UrlCheck.problem(lines.get(0).text())).as("the bad line is rejected with its reason")
                .hasValueSatisfying(reason -> assertThat(reason).contains("not UTF-8"));
        assertThat(UrlCheck.problem(lines.get(1).text())).as("the next line is fine").isEmpty();
    }

    @Test
    void should_give_nothing_for_an_empty_file() throws IOException {
        Path file = folder.resolve("empty.txt");
        Files.createFile(file);

        try (InboxLines reader = InboxLines.open(file)) {
            assertThat(reader.hasNext()).as("no lines").isFalse();
        }
    }
}
