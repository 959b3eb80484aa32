package dev.bettybridge.inbox;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * A journal of the lines of one inbox file whose action ran, kept beside the work of that file, so that a bridge
 * restarted in the middle of a file skips those lines instead of triggering them again. It belongs to one version
 * of the file: the same name with another size or modification time starts a fresh journal.
 */
final class TriggeredLines implements AutoCloseable {

    private final Path path;
    private final BitSet lines;
    private final BufferedWriter out;

    private TriggeredLines(Path path, BitSet lines, BufferedWriter out) {
        this.path = path;
        this.lines = lines;
        this.out = out;
    }

    /**
     * Opens the journal of a file version, reading what an earlier run of the same version wrote.
     *
     * @param version what identifies this version of the file, written as the journal's first line
     * @throws UncheckedIOException when the journal cannot be read or written
     */
    static TriggeredLines open(Path path, String version) {
        try {
            BitSet earlier = new BitSet();
            if (Files.exists(path)) {
                try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    if (version.equals(in.readLine())) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            // A line cut short by a crash is not a number; that line is simply triggered again.
                            if (line.matches("\\d{1,10}")) {
                                earlier.set(Integer.parseInt(line));
                            }
                        }
                    }
                }
            }
            BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    earlier.isEmpty() ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            if (earlier.isEmpty()) {
                out.write(version + "\n");
                out.flush();
            }
            return new TriggeredLines(path, earlier, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the journal " + path, e);
        }
    }

    /** How many lines an earlier run triggered. */
    synchronized int earlier() {
        return lines.cardinality();
    }

    /** Whether an earlier run already triggered the line. */
    synchronized boolean contains(long number) {
        return number <= Integer.MAX_VALUE && lines.get((int) number);
    }

    /**
     * Notes a triggered line, written through at once so that a crash right after loses nothing.
     *
     * @throws UncheckedIOException when the journal cannot be written
     */
    synchronized void add(long number) {
        try {
            out.write(number + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + path, e);
        }
    }

    /** Closes and deletes the journal once the file is finished. */
    @Override
    public synchronized void close() {
        try {
            out.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the journal " + path, e);
        }
    }
}
