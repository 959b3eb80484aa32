package dev.bettybridge.inbox;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads an inbox file one line at a time, numbering the lines, so that a file of any length needs the memory of one
 * line. Accepts LF and CRLF line ends and drops a UTF-8 byte order mark. Closes the file at its end.
 */
public final class InboxLines implements Iterator<InboxLine>, Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader reader;
    private InboxLine next;
    private long number;
    private boolean closed;

    private InboxLines(BufferedReader reader) {
        this.reader = reader;
    }

    /**
     * Opens a file for reading as UTF-8. Bytes that are not UTF-8 become U+FFFD instead of failing the whole file,
     * so that only the lines holding them are rejected.
     *
     * @throws IOException when the file cannot be opened
     */
    public static InboxLines open(Path file) throws IOException {
        return new InboxLines(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8)));
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = read();
        }
        return next != null;
    }

    @Override
    public InboxLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no line after line " + number);
        }
        InboxLine line = next;
        next = null;
        return line;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        reader.close();
    }

    private InboxLine read() {
        try {
            String text = reader.readLine();
            if (text == null) {
                close();
                return null;
            }
            number++;
            if (number == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                text = text.substring(1);
            }
            return new InboxLine(number, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (number + 1), e);
        }
    }
}
