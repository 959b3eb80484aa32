package dev.bettybridge.inbox;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping of one inbox file while its lines are triggered: counts, the lines that did not go through (written
 * to disk as they happen, so memory stays flat), and the wait for the last line to settle.
 */
final class InboxRun {

    private final String fileName;
    private final Instant started;
    private final Path pending;
    private final BufferedWriter problems;
    private final TriggeredLines journal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private long handedOver;
    private long finished;
    private long triggered;
    private long failed;
    private long rejected;

    private InboxRun(String fileName, Instant started, Path pending, BufferedWriter problems,
            TriggeredLines journal) {
        this.fileName = fileName;
        this.started = started;
        this.pending = pending;
        this.problems = problems;
        this.journal = journal;
        this.triggered = journal.earlier();
    }

    /**
     * Starts the bookkeeping of a file, with its list of problem lines and its journal kept under {@code work}.
     *
     * @param version identifies this version of the file (name, size, modification time), so that a journal left
     *     by a run that stopped half-way is used only for the very same file
     * @throws UncheckedIOException when the work folder cannot be written
     */
    static InboxRun start(String fileName, String version, Path work) {
        try {
            Files.createDirectories(work);
            TriggeredLines journal = TriggeredLines.open(work.resolve(fileName + ".triggered"), version);
            Path pending = Files.createTempFile(work, fileName + "-", ".problems");
            return new InboxRun(fileName, Instant.now(), pending,
                    Files.newBufferedWriter(pending, StandardCharsets.UTF_8), journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the work folder " + work, e);
        }
    }

    /** How many lines a run that stopped half-way had already triggered; they are skipped this time. */
    long triggeredEarlier() {
        return journal.earlier();
    }

    /** Whether a run that stopped half-way already triggered the line. */
    boolean triggeredEarlier(InboxLine line) {
        return journal.contains(line.number());
    }

    String fileName() {
        return fileName;
    }

    /** Counts a line handed to the trigger route; it must later be {@link #triggered} or {@link #failed}. */
    void handedOver() {
        lock.lock();
        try {
            handedOver++;
        } finally {
            lock.unlock();
        }
    }

    void triggered(InboxLine line) {
        journal.add(line.number());
        settle(null, null, true);
    }

    void failed(InboxLine line, String reason) {
        settle(line, "failed: " + reason, true);
    }

    /** A line that never reached the trigger route. */
    void rejected(InboxLine line, String reason) {
        settle(line, "rejected: " + reason, false);
    }

    long failures() {
        lock.lock();
        try {
            return failed + rejected;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every line handed over has settled.
     *
     * @throws InterruptedException when the process is stopping
     */
    void awaitSettled() throws InterruptedException {
        lock.lock();
        try {
            while (finished < handedOver) {
                settled.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the report: a comment header with the counts, then each failed or rejected line under a comment with
     * its number and reason, so that the report can be dropped into the inbox again to retry exactly those lines.
     *
     * @return the counts as one line, for the log
     * @throws UncheckedIOException when the report cannot be written
     */
    String writeReport(Path report) {
        lock.lock();
        try {
            problems.close();
            try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                out.write("# betty-action-bridge report for '" + fileName + "', finished " + Instant.now() + "\n");
                out.write("# " + counts() + "\n");
                if (failed + rejected > 0) {
                    out.write("# Each line that did not go through follows its reason. Drop this file into the inbox"
                            + " to try those lines again.\n");
                }
                try (var lines = Files.lines(pending, StandardCharsets.UTF_8)) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            }
            Files.deleteIfExists(pending);
            journal.close();
            return counts() + " in " + Duration.between(started, Instant.now()).toMillis() + " ms";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + report, e);
        } finally {
            lock.unlock();
        }
    }

    private String counts() {
        return "triggered: " + triggered + ", failed: " + failed + ", rejected: " + rejected;
    }

    private void settle(InboxLine line, String reason, boolean wasHandedOver) {
        lock.lock();
        try {
            if (line != null) {
                problems.write("# line " + line.number() + " " + reason.replace('\n', ' ') + "\n");
                problems.write(line.text());
                problems.write('\n');
            }
            if (reason == null) {
                triggered++;
            } else if (wasHandedOver) {
                failed++;
            } else {
                rejected++;
            }
            if (wasHandedOver) {
                finished++;
                settled.signalAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot note line " + line.number() + " of " + fileName, e);
        } finally {
            lock.unlock();
        }
    }
}
